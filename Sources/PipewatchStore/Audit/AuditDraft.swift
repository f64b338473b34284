public import Foundation

/// An audit entry before the store assigns its id.
///
/// Changes take a closure that builds the draft from the stored record, so the detail can
/// name the id the store just assigned, and the entry is written in the change's transaction.
public struct AuditDraft: Sendable, Hashable {
    public var at: Date
    /// Who acted: an engineer id, or the operating-system user for commands run by hand. Not empty.
    public var actor: String
    /// A stable verb such as `timeoff.add` or `swap.accept`. Not empty.
    public var action: String
    /// A one-line description with the ids and times involved.
    public var detail: String

    /// Creates a draft.
    public init(at: Date, actor: String, action: String, detail: String) {
        self.at = at
        self.actor = actor
        self.action = action
        self.detail = detail
    }
}
