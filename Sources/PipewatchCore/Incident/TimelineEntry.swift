public import Foundation

/// One line of an incident's timeline: what happened, who did it, when.
public struct TimelineEntry: Sendable, Hashable {
    public var id: Int64
    public var incidentID: Int64
    public var at: Date
    /// An engineer id, `pipewatch` for the engine itself, or the user who ran a command.
    public var actor: String
    public var kind: TimelineKind
    /// One line for people.
    public var detail: String

    /// Creates an entry as stored.
    public init(id: Int64, incidentID: Int64, at: Date, actor: String, kind: TimelineKind, detail: String) {
        self.id = id
        self.incidentID = incidentID
        self.at = at
        self.actor = actor
        self.kind = kind
        self.detail = detail
    }
}

/// What a timeline entry records.
public enum TimelineKind: String, Sendable, Hashable, Codable, CaseIterable {
    case opened
    case repeated
    case reopened
    case signalCleared = "signal_cleared"
    case acknowledged
    case resolved
    case paged
    case skipped
    case notified
    case note
    case step
    case action
    case review
}
