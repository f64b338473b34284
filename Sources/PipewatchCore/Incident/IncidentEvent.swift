/// What can happen to an incident; ``IncidentStateMachine`` turns each into a new state and effects.
public enum IncidentEvent: Sendable, Hashable {
    /// The problem was seen again: a signal reopened, or a new failing run of the same job.
    case occurred(title: String)
    /// Every signal of the incident has cleared.
    case cleared
    /// Someone is on it.
    case acknowledge(by: String)
    /// It is over, by hand.
    case resolve(by: String, reason: String?)
    /// The engine's periodic look: resolves an incident whose signals stayed clear for the hold time.
    case checkAutoResolve
}

/// What the engine must do after a transition, in the same transaction as the new state.
public enum IncidentEffect: Sendable, Hashable {
    /// Append to the timeline, by the event's actor.
    case timeline(TimelineKind, String)
    /// Page from the policy's first level (a new or reopened incident).
    case startEscalation
    /// Cancel the escalation steps still due.
    case stopEscalation
}

/// Why an incident cannot take an event; `description` is the message for people.
public enum IncidentError: Error, Sendable, Hashable, CustomStringConvertible {
    case alreadyAcknowledged(reference: String, by: String)
    case alreadyResolved(reference: String)
    /// A repeat came after the reopen window: it is a new incident.
    case tooLateToReopen(reference: String)

    public var description: String {
        switch self {
        case .alreadyAcknowledged(let reference, let by):
            "cannot acknowledge incident '\(reference)': it is already acknowledged by '\(by)'"
        case .alreadyResolved(let reference):
            "incident '\(reference)' is already resolved"
        case .tooLateToReopen(let reference):
            "incident '\(reference)' was resolved before the reopen window; open a new one"
        }
    }
}
