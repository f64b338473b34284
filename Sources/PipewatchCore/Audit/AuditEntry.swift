public import Foundation

/// One line of the audit log: who did what to the schedule, and when.
public struct AuditEntry: Sendable, Hashable, Identifiable {
    /// Assigned by the store.
    public var id: Int64
    public var at: Date
    /// Who acted: an engineer id, or the operating-system user for commands run by hand.
    public var actor: String
    /// What happened, as a stable verb such as `swap.request`, `swap.accept`, `timeoff.add`, `override.add`.
    public var action: String
    /// A one-line human description with the ids and times involved.
    public var detail: String

    /// Creates an audit entry.
    public init(id: Int64, at: Date, actor: String, action: String, detail: String) {
        self.id = id
        self.at = at
        self.actor = actor
        self.action = action
        self.detail = detail
    }
}
