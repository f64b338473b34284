import Foundation
import PipewatchCore
import PipewatchStore

/// Carries out an incident's escalation policy, step by step, inside the caller's transaction:
/// asks ``EscalationPlanner`` what each due step does, records it (paged or skipped, with the
/// reason), queues the page, and stores the next step with its due time.
struct EscalationRunner: Sendable {
    let plan: TeamPlan
    let schedule: ScheduleService
    let wake: @Sendable () -> Void
    var outbox: OutboxWriter { OutboxWriter(mailFrom: plan.smtp?.from) }

    /// Starts a new escalation of `incident` (a new generation) and fires its first step now.
    func start(
        _ incident: Incident,
        in transaction: any IncidentTransaction,
        calculator: ScheduleCalculator?,
        at now: Date
    ) async throws {
        let generation = try await transaction.latestGeneration(incidentID: incident.id) + 1
        let oncall = calculator.flatMap { schedule.engineerOnCall(at: now, in: $0) }
        let first = EscalationStep(
            incidentID: incident.id,
            generation: generation,
            step: 0,
            round: 0,
            oncall: oncall,
            dueAt: now
        )
        try await transaction.scheduleStep(first)
        try await fire(first, of: incident, in: transaction, calculator: calculator, at: now)
    }

    /// Fires a due step: pages or skips, and moves on until someone is paged or the policy ends.
    ///
    /// - Returns: Whether the step was still pending (`false`: another instance fired it).
    @discardableResult
    func fire(
        _ due: EscalationStep,
        of incident: Incident,
        in transaction: any IncidentTransaction,
        calculator: ScheduleCalculator?,
        at now: Date
    ) async throws -> Bool {
        guard let pipeline = plan.catalog.pipeline(incident.pipeline) else { return false }
        let planner = EscalationPlanner(policy: plan.escalation(for: pipeline), pipeline: pipeline)
        var step = due
        var skipped: [String] = []
        while true {
            step.round = planner.round(ofStep: step.step)
            let paged = try await transaction.pagedEngineers(
                incidentID: incident.id,
                generation: step.generation,
                round: step.round
            )
            var decision = planner.decide(step: step.step, oncall: step.oncall, pagedInRound: paged) { engineer in
                calculator.flatMap { schedule.unavailability(of: engineer, at: now, in: $0) }
            }
            if case .page(let engineer) = decision, plan.catalog.engineer(engineer)?.contacts.isEmpty ?? true {
                decision = .skip(reason: "'\(engineer)' has no contact method in the config")
            }
            step.firedAt = now
            switch decision {
            case .page(let engineer):
                step.state = .paged
                step.target = engineer
                step.detail = reason(for: planner.level(ofStep: step.step)?.target, step: step)
            case .skip(let reason):
                step.state = .skipped
                step.detail = reason
            }
            guard try await transaction.completeStep(step) else { return step.step != due.step }
            switch decision {
            case .page(let engineer):
                try await page(
                    incident,
                    engineer: engineer,
                    why: step.detail ?? "",
                    key: stepKey(step),
                    in: transaction,
                    at: now
                )
                if let delay = planner.delay(afterStep: step.step) {
                    try await transaction.scheduleStep(
                        next(after: step, dueAt: now.addingTimeInterval(delay.timeInterval))
                    )
                }
                return true
            case .skip(let reason):
                skipped.append(reason)
                try await transaction.appendTimeline(
                    incidentID: incident.id,
                    at: now,
                    actor: IncidentStateMachine.engineActor,
                    kind: .skipped,
                    detail: "escalation step \(step.step + 1) skipped: \(reason)"
                )
                guard step.step + 1 < planner.stepCount else {
                    try await notifyTeamIfNobodyPaged(incident, step: step, skipped: skipped, in: transaction, at: now)
                    return true
                }
                let following = next(after: step, dueAt: now)
                try await transaction.scheduleStep(following)
                step = following
            }
        }
    }

    /// Pages `target` now on someone's request, outside the policy; recorded on the timeline.
    func page(
        _ incident: Incident,
        target: EscalationTarget,
        by actor: String,
        in transaction: any IncidentTransaction,
        calculator: ScheduleCalculator?,
        at now: Date
    ) async throws -> EngineerID {
        guard let pipeline = plan.catalog.pipeline(incident.pipeline) else {
            throw EngineError.unknownPipeline(incident.pipeline)
        }
        let planner = EscalationPlanner(
            policy: EscalationPolicy(levels: [EscalationLevel(target: target, acknowledgeWithin: nil)]),
            pipeline: pipeline
        )
        let oncall = calculator.flatMap { schedule.engineerOnCall(at: now, in: $0) }
        switch planner.decide(step: 0, oncall: oncall, pagedInRound: [], unavailability: { _ in nil }) {
        case .skip(let reason):
            throw EngineError.cannotPage(reason)
        case .page(let engineer):
            guard plan.catalog.engineer(engineer)?.contacts.isEmpty == false else {
                throw EngineError.cannotPage("'\(engineer)' has no contact method in the config")
            }
            let key = "incident-\(incident.id)/manual/\(engineer)/\(Int(now.timeIntervalSince1970 * 1000))"
            try await page(
                incident,
                engineer: engineer,
                why: "\(actor) escalated to \(target)",
                key: key,
                in: transaction,
                at: now,
                actor: actor
            )
            return engineer
        }
    }

    private func page(
        _ incident: Incident,
        engineer id: EngineerID,
        why: String,
        key: String,
        in transaction: any IncidentTransaction,
        at now: Date,
        actor: String = IncidentStateMachine.engineActor
    ) async throws {
        guard let engineer = plan.catalog.engineer(id) else { return }
        let evidence = try await transaction.incidentEvidence(id: incident.id)
        let message = PageComposer(plan: plan).page(incident, to: engineer, why: why, evidence: evidence)
        let queued = try await outbox.enqueue(
            message,
            to: "engineer:\(id)",
            contacts: engineer.contacts,
            key: key,
            in: transaction,
            at: now,
            preferences: engineer.preferences,
            timeZone: engineer.timeZone
        )
        try await transaction.appendTimeline(
            incidentID: incident.id,
            at: now,
            actor: actor,
            kind: .paged,
            detail: "paged \(engineer.name) (\(id)): \(why) (\(queued) message\(queued == 1 ? "" : "s") queued"
                + Self.quietHoursNote(for: engineer, severity: incident.severity, at: now) + ")"
        )
        if queued > 0 { wake() }
    }

    /// `, held for quiet hours until …` when the engineer's quiet hours delay the page, else nothing.
    static func quietHoursNote(for engineer: Engineer, severity: Severity, at now: Date) -> String {
        let due = engineer.preferences.deliveryTime(severity: severity, at: now, in: engineer.timeZone)
        guard due > now else { return "" }
        return ", held for quiet hours until \(ISO8601Text.format(due, in: engineer.timeZone))"
    }

    /// When the whole policy paged nobody, the team hears of it, and the timeline says so.
    private func notifyTeamIfNobodyPaged(
        _ incident: Incident,
        step: EscalationStep,
        skipped: [String],
        in transaction: any IncidentTransaction,
        at now: Date
    ) async throws {
        var anyone = false
        for round in 0...step.round where !anyone {
            anyone =
                !(try await transaction.pagedEngineers(
                    incidentID: incident.id,
                    generation: step.generation,
                    round: round
                )).isEmpty
        }
        guard !anyone else { return }
        let message = PageComposer(plan: plan).unreachable(incident, skipped: skipped)
        let key = "incident-\(incident.id)/g\(step.generation)/unreachable"
        var queued = try await outbox.enqueue(
            message,
            to: "team",
            contacts: plan.catalog.team.contacts,
            key: key,
            in: transaction,
            at: now
        )
        if plan.catalog.team.contacts.isEmpty {
            for engineer in plan.catalog.engineers {
                queued += try await outbox.enqueue(
                    message,
                    to: "engineer:\(engineer.id)",
                    contacts: engineer.contacts,
                    key: key,
                    in: transaction,
                    at: now
                )
            }
        }
        try await transaction.appendTimeline(
            incidentID: incident.id,
            at: now,
            actor: IncidentStateMachine.engineActor,
            kind: .notified,
            detail: "nobody in the escalation policy could be paged; the team was notified (\(queued) messages)"
        )
        if queued > 0 { wake() }
    }

    private func reason(for target: EscalationTarget?, step: EscalationStep) -> String {
        let who =
            switch target {
            case .oncall: "you were on call when it opened"
            case .primaryOwner: "you are the pipeline's primary owner"
            case .secondaryOwner: "you are the pipeline's secondary owner"
            case .engineer, nil: "the escalation policy names you"
            }
        guard step.step > 0 else { return who }
        return "\(who); nobody acknowledged the earlier pages"
    }

    private func next(after step: EscalationStep, dueAt: Date) -> EscalationStep {
        EscalationStep(
            incidentID: step.incidentID,
            generation: step.generation,
            step: step.step + 1,
            round: 0,
            oncall: step.oncall,
            dueAt: dueAt
        )
    }

    private func stepKey(_ step: EscalationStep) -> String {
        "incident-\(step.incidentID)/g\(step.generation)/step-\(step.step)"
    }
}
