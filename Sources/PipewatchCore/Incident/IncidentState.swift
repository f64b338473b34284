/// Where an incident is in its life: triggered → acknowledged → resolved (and back to
/// triggered when a repeat reopens it).
public enum IncidentState: String, Sendable, Hashable, Codable, CaseIterable {
    /// Open, and nobody has said they are on it: escalation runs.
    case triggered
    /// Someone is on it: escalation has stopped.
    case acknowledged
    /// Over; a repeat within the reopen window reopens it.
    case resolved

    /// Whether the incident is still open (triggered or acknowledged).
    public var isOpen: Bool { self != .resolved }
}
