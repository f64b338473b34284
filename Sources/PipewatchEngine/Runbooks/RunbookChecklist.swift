public import Foundation
public import PipewatchCore
import PipewatchStore

/// An incident's run book as a checklist: marking steps done or skipped, and carrying out what a
/// step does (page someone, tell people, run an action), each recorded on the timeline.
public struct RunbookChecklist: Sendable {
    public let incidents: IncidentService
    public let runner: ActionRunner

    /// Creates the use case.
    public init(incidents: IncidentService, runner: ActionRunner) {
        self.incidents = incidents
        self.runner = runner
    }

    private var plan: TeamPlan { incidents.plan }
    private var store: any IncidentStore { incidents.store }

    /// The step at `number` (from 1) of the incident's pipeline's run book.
    ///
    /// - Throws: ``StoreError/notFound(_:)``; ``EngineError/invalidRequest(_:)`` for a step it lacks.
    public func step(_ number: Int, of incidentID: Int64) async throws -> (Incident, RunbookStep) {
        let (incident, _) = try await store.incident(id: incidentID)
        guard let pipeline = plan.catalog.pipeline(incident.pipeline) else {
            throw EngineError.unknownPipeline(incident.pipeline)
        }
        let steps = pipeline.runbook.steps
        guard (1...max(steps.count, 1)).contains(number), !steps.isEmpty else {
            throw EngineError.invalidRequest(
                steps.isEmpty
                    ? "pipeline '\(pipeline.id)' has no run book"
                    : "step \(number) does not exist: the run book of '\(pipeline.id)' has steps 1 to \(steps.count)"
            )
        }
        return (incident, steps[number - 1])
    }

    /// Marks a step done or skipped, with an optional note.
    public func mark(
        _ number: Int,
        of incidentID: Int64,
        as state: RunbookStepMark.State,
        by actor: String,
        note: String?,
        at now: Date
    ) async throws {
        let (_, step) = try await step(number, of: incidentID)
        let mark = RunbookStepMark(step: number, state: state, actor: actor, at: now, note: note)
        try await store.transaction { transaction in
            try await transaction.markStep(incidentID: incidentID, mark)
            let said = note.map { ": \($0)" } ?? ""
            try await transaction.appendTimeline(
                incidentID: incidentID,
                at: now,
                actor: actor,
                kind: .step,
                detail: "step \(number) \(state.rawValue) (\(step.text))\(said)"
            )
        }
    }

    /// Carries out what a step does: its `escalate:` pages that person now, its `notify:` tells
    /// the people it names. (Its `action:` runs with ``runAction(step:of:requestKey:by:at:)``.)
    ///
    /// - Returns: One line per thing done, for the caller to show.
    public func perform(_ number: Int, of incidentID: Int64, by actor: String, at now: Date) async throws -> [String] {
        let (incident, step) = try await step(number, of: incidentID)
        var done: [String] = []
        if let target = step.escalation {
            let engineer = try await incidents.escalate(incidentID, to: target, by: actor, at: now)
            done.append("paged \(engineer) (\(target))")
        }
        if !step.notifications.isEmpty {
            let told = try await incidents.tell(step.notifications, about: incident, step: number, by: actor, at: now)
            done.append("told \(told.joined(separator: ", "))")
        }
        guard !done.isEmpty || step.action != nil else {
            throw EngineError.invalidRequest("step \(number) has nothing to carry out; mark it done or skipped")
        }
        return done
    }

    /// Runs the action of a step, once per `requestKey`: asking again with the same key returns the
    /// first run's outcome without running it again.
    ///
    /// - Returns: The run, finished.
    public func runAction(
        step number: Int,
        of incidentID: Int64,
        requestKey: String,
        by actor: String,
        at now: Date
    )
        async throws -> ActionRun
    {
        let (_, step) = try await step(number, of: incidentID)
        guard let id = step.action else {
            throw EngineError.invalidRequest("step \(number) has no action")
        }
        guard let action = plan.action(id) else {
            throw EngineError.invalidRequest("action '\(id)' is not declared under 'actions:'")
        }
        let (run, isNew) = try await store.startAction(
            ActionRun(
                requestKey: requestKey,
                incidentID: incidentID,
                step: number,
                action: id,
                actor: actor,
                startedAt: now
            )
        )
        guard isNew else { return run }
        let outcome = await runner.run(action)
        var finished = run
        finished.state = outcome.succeeded ? .succeeded : .failed
        finished.exitStatus = outcome.exitStatus
        finished.httpStatus = outcome.httpStatus
        finished.output = outcome.output
        finished.duration = outcome.duration
        try await store.finishAction(finished)
        let status =
            outcome.exitStatus.map { "exit status \($0)" } ?? outcome.httpStatus.map { "HTTP \($0)" } ?? "not run"
        let output = outcome.output.trimmingCharacters(in: .whitespacesAndNewlines)
        let state = finished.state
        try await store.transaction { transaction in
            try await transaction.appendTimeline(
                incidentID: incidentID,
                at: now,
                actor: actor,
                kind: .action,
                detail: "action '\(id)' (step \(number)) \(state.rawValue): \(status) in "
                    + String(format: "%.1f s", outcome.duration)
                    + (output.isEmpty ? "" : "; output: \(output.prefix(300))")
            )
        }
        return finished
    }
}
