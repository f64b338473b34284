public import Foundation
public import PipewatchCore
public import PipewatchStore

/// Opens, updates, acknowledges and resolves incidents. Every change runs an
/// ``IncidentStateMachine`` transition and carries out its effects (timeline, escalation,
/// pages) in the same transaction as the new state.
public struct IncidentService: Sendable {
    public let plan: TeamPlan
    public let store: any IncidentStore
    public let schedule: ScheduleService
    let escalation: EscalationRunner
    /// Wakes the dispatcher after a change queued messages.
    let wake: @Sendable () -> Void

    /// Creates the service.
    ///
    /// - Parameters:
    ///   - plan: The team's plan.
    ///   - store: Where incidents live.
    ///   - schedule: Who is on call, who is away.
    ///   - wake: Called after a change queued messages, so the dispatcher sends them at once.
    public init(
        plan: TeamPlan,
        store: any IncidentStore,
        schedule: ScheduleService,
        wake: @escaping @Sendable () -> Void = {}
    ) {
        self.plan = plan
        self.store = store
        self.schedule = schedule
        self.escalation = EscalationRunner(plan: plan, schedule: schedule, wake: wake)
        self.wake = wake
    }

    /// Records an occurrence of `signal` in `transaction`: a new incident, a repeat of the open
    /// one, or a reopening of one resolved within the reopen window.
    ///
    /// - Returns: The incident after the change.
    @discardableResult
    public func occurred(
        _ signal: Signal,
        in transaction: any IncidentTransaction,
        calculator: ScheduleCalculator?,
        at now: Date
    ) async throws -> Incident {
        let title = signal.summary
        if let latest = try await transaction.latestIncident(key: signal.key) {
            var machine = IncidentStateMachine(latest, settings: plan.incidents)
            if latest.state.isOpen || machine.reopens(at: now) {
                let effects = try machine.handle(.occurred(title: title), at: now)
                try await transaction.updateIncident(machine.incident, evidence: signal.evidence)
                try await apply(
                    effects,
                    to: machine.incident,
                    actor: IncidentStateMachine.engineActor,
                    in: transaction,
                    calculator: calculator,
                    at: now
                )
                return machine.incident
            }
        }
        let pipeline = plan.catalog.pipeline(signal.pipeline)
        let oncall = calculator.flatMap { schedule.engineerOnCall(at: now, in: $0) }
        let draft = Incident(
            id: 0,
            key: signal.key,
            pipeline: signal.pipeline,
            kind: signal.kind.rawValue,
            title: title,
            severity: pipeline?.severity ?? .normal,
            openedAt: signal.openedAt,
            lastSeenAt: now,
            assignee: oncall,
            autoResolve: pipeline?.autoResolve ?? true
        )
        let incident = try await transaction.insertIncident(draft, evidence: signal.evidence)
        try await transaction.appendTimeline(
            incidentID: incident.id,
            at: now,
            actor: IncidentStateMachine.engineActor,
            kind: .opened,
            detail: "opened: \(title)"
        )
        try await escalation.start(incident, in: transaction, calculator: calculator, at: now)
        return incident
    }

    /// Records that the signal behind the open incident with `key` has cleared.
    public func cleared(key: String, in transaction: any IncidentTransaction, at now: Date) async throws {
        guard let latest = try await transaction.latestIncident(key: key), latest.state.isOpen else { return }
        var machine = IncidentStateMachine(latest, settings: plan.incidents)
        let effects = try machine.handle(.cleared, at: now)
        guard !effects.isEmpty else { return }
        try await transaction.updateIncident(machine.incident, evidence: nil)
        try await apply(
            effects,
            to: machine.incident,
            actor: IncidentStateMachine.engineActor,
            in: transaction,
            calculator: nil,
            at: now
        )
    }

    /// Acknowledges an incident: escalation stops, and the acknowledger becomes its assignee.
    ///
    /// - Throws: ``StoreError/notFound(_:)``; ``IncidentError`` when it is already acknowledged or resolved.
    @discardableResult
    public func acknowledge(_ id: Int64, by actor: String, at now: Date) async throws -> Incident {
        try await transition(id, .acknowledge(by: actor), actor: actor, at: now) { incident in
            if plan.catalog.engineer(EngineerID(actor)) != nil { incident.assignee = EngineerID(actor) }
        }
    }

    /// Resolves an incident by hand.
    @discardableResult
    public func resolve(_ id: Int64, by actor: String, reason: String?, at now: Date) async throws -> Incident {
        try await transition(id, .resolve(by: actor, reason: reason), actor: actor, at: now)
    }

    /// Resolves every open incident whose signals have stayed clear for the hold time.
    ///
    /// - Returns: The ids resolved.
    @discardableResult
    public func autoResolve(at now: Date) async throws -> [Int64] {
        let hold = plan.incidents.autoResolveAfter.timeInterval
        var resolved: [Int64] = []
        for candidate in try await store.incidentsCleared(before: now.addingTimeInterval(-hold)) {
            let done = try await store.transaction { transaction -> Bool in
                guard let incident = try await transaction.incident(id: candidate.id) else { return false }
                var machine = IncidentStateMachine(incident, settings: plan.incidents)
                let effects = try machine.handle(.checkAutoResolve, at: now)
                guard !effects.isEmpty else { return false }
                try await transaction.updateIncident(machine.incident, evidence: nil)
                try await apply(
                    effects,
                    to: machine.incident,
                    actor: IncidentStateMachine.engineActor,
                    in: transaction,
                    calculator: nil,
                    at: now
                )
                return true
            }
            if done { resolved.append(candidate.id) }
        }
        return resolved
    }

    /// Adds a note to an incident's timeline.
    public func note(_ id: Int64, by actor: String, text: String, at now: Date) async throws {
        try await store.transaction { transaction in
            guard try await transaction.incident(id: id) != nil else {
                throw StoreError.notFound("no incident with id '\(id)'")
            }
            try await transaction.appendTimeline(incidentID: id, at: now, actor: actor, kind: .note, detail: text)
        }
    }

    /// Pages `target` about an incident now, outside the policy (`incident escalate`, a run book `escalate:` step).
    public func escalate(
        _ id: Int64,
        to target: EscalationTarget,
        by actor: String,
        at now: Date
    ) async throws -> EngineerID {
        let calculator = try? await schedule.calculator()
        return try await store.transaction { transaction in
            guard let incident = try await transaction.incident(id: id) else {
                throw StoreError.notFound("no incident with id '\(id)'")
            }
            return try await escalation.page(
                incident,
                target: target,
                by: actor,
                in: transaction,
                calculator: calculator,
                at: now
            )
        }
    }

    private func transition(
        _ id: Int64,
        _ event: IncidentEvent,
        actor: String,
        at now: Date,
        adjust: @escaping @Sendable (inout Incident) -> Void = { _ in }
    ) async throws -> Incident {
        try await store.transaction { transaction in
            guard let incident = try await transaction.incident(id: id) else {
                throw StoreError.notFound("no incident with id '\(id)'")
            }
            var machine = IncidentStateMachine(incident, settings: plan.incidents)
            let effects = try machine.handle(event, at: now)
            var updated = machine.incident
            adjust(&updated)
            try await transaction.updateIncident(updated, evidence: nil)
            try await apply(effects, to: updated, actor: actor, in: transaction, calculator: nil, at: now)
            return updated
        }
    }

    /// Carries out a transition's effects in its transaction.
    func apply(
        _ effects: [IncidentEffect],
        to incident: Incident,
        actor: String,
        in transaction: any IncidentTransaction,
        calculator: ScheduleCalculator?,
        at now: Date
    ) async throws {
        for effect in effects {
            switch effect {
            case .timeline(let kind, let detail):
                try await transaction.appendTimeline(
                    incidentID: incident.id,
                    at: now,
                    actor: actor,
                    kind: kind,
                    detail: detail
                )
            case .startEscalation:
                try await escalation.start(incident, in: transaction, calculator: calculator, at: now)
            case .stopEscalation:
                _ = try await transaction.cancelPendingSteps(incidentID: incident.id, at: now)
                if try await escalation.outbox.followUpPagerDuty(incident, in: transaction, at: now) > 0 { wake() }
            }
        }
    }
}
