public import Foundation

/// The rules of an incident's life, pure: each event at an instant gives the new incident and
/// the effects the engine must carry out (timeline entries, starting or stopping escalation).
///
/// 1. A repeat of an open incident adds to its count and clears ``Incident/clearedAt``.
/// 2. A repeat within `reopenWithin` of a resolution reopens it: triggered again, its
///    acknowledgement forgotten, escalation from the first level. Later, it is a new incident.
/// 3. Acknowledging stops escalation; acknowledging twice or after resolution is refused.
/// 4. When every signal has cleared, ``Incident/clearedAt`` is set; an incident with
///    `autoResolve` resolves itself once that is `autoResolveAfter` old.
/// 5. Resolving stops escalation; resolving twice is refused.
public struct IncidentStateMachine: Sendable {
    public private(set) var incident: Incident
    public let reopenWithin: Duration
    public let autoResolveAfter: Duration

    /// The actor the engine's own transitions are recorded under.
    public static let engineActor = "pipewatch"

    /// Creates a machine over a stored incident.
    public init(_ incident: Incident, settings: IncidentSettings) {
        self.incident = incident
        self.reopenWithin = settings.reopenWithin
        self.autoResolveAfter = settings.autoResolveAfter
    }

    /// Whether a repeat at `now` reopens this incident rather than opening a new one.
    public func reopens(at now: Date) -> Bool {
        guard incident.state == .resolved, let resolvedAt = incident.resolvedAt else { return true }
        return now.timeIntervalSince(resolvedAt) <= reopenWithin.timeInterval
    }

    /// Applies `event` at `now`.
    ///
    /// - Parameters:
    ///   - event: What happened.
    ///   - now: When.
    /// - Returns: The effects to carry out, in order.
    /// - Throws: ``IncidentError`` when the event does not apply to the current state.
    public mutating func handle(_ event: IncidentEvent, at now: Date) throws(IncidentError) -> [IncidentEffect] {
        let reference = incident.reference
        switch event {
        case .occurred(let title):
            incident.count += 1
            incident.lastSeenAt = now
            incident.title = title
            incident.clearedAt = nil
            guard incident.state == .resolved else {
                return [.timeline(.repeated, "seen again (\(incident.count) times): \(title)")]
            }
            guard reopens(at: now) else { throw .tooLateToReopen(reference: reference) }
            incident.state = .triggered
            incident.acknowledgedAt = nil
            incident.acknowledgedBy = nil
            incident.resolvedAt = nil
            incident.resolvedBy = nil
            return [.timeline(.reopened, "reopened: \(title)"), .startEscalation]
        case .cleared:
            guard incident.state.isOpen, incident.clearedAt == nil else { return [] }
            incident.clearedAt = now
            let plan =
                incident.autoResolve
                ? "it resolves itself after \(DurationText.format(autoResolveAfter)) unless it returns"
                : "auto-resolve is off for this pipeline; resolve it by hand"
            return [.timeline(.signalCleared, "every signal has cleared; \(plan)")]
        case .acknowledge(let actor):
            switch incident.state {
            case .resolved: throw .alreadyResolved(reference: reference)
            case .acknowledged:
                throw .alreadyAcknowledged(reference: reference, by: incident.acknowledgedBy ?? "someone")
            case .triggered:
                incident.state = .acknowledged
                incident.acknowledgedAt = now
                incident.acknowledgedBy = actor
                return [.timeline(.acknowledged, "acknowledged by \(actor)"), .stopEscalation]
            }
        case .resolve(let actor, let reason):
            guard incident.state.isOpen else { throw .alreadyResolved(reference: reference) }
            resolve(by: actor, at: now)
            let why = reason.map { ": \($0)" } ?? ""
            return [.timeline(.resolved, "resolved by \(actor)\(why)"), .stopEscalation]
        case .checkAutoResolve:
            guard incident.state.isOpen, incident.autoResolve, let cleared = incident.clearedAt,
                now.timeIntervalSince(cleared) >= autoResolveAfter.timeInterval
            else { return [] }
            resolve(by: Self.engineActor, at: now)
            let held = DurationText.format(autoResolveAfter)
            return [.timeline(.resolved, "resolved by itself: every signal stayed clear for \(held)"), .stopEscalation]
        }
    }

    private mutating func resolve(by actor: String, at now: Date) {
        incident.state = .resolved
        incident.resolvedAt = now
        incident.resolvedBy = actor
    }
}
