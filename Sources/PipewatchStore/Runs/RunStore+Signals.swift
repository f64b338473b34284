public import Foundation
public import PipewatchCore

extension RunStore {
    /// The open signals of every pipeline in `catalog` (or of one), computed from what the store
    /// holds at `now`; ordered by pipeline in config order, then kind and subject.
    ///
    /// - Parameters:
    ///   - catalog: the pipelines.
    ///   - pipeline: only this pipeline's signals, when given.
    ///   - detector: the detection rules.
    ///   - now: the instant to judge at.
    /// - Throws: ``StoreError`` when the database fails.
    public func openSignals(
        in catalog: Catalog,
        pipeline: PipelineID? = nil,
        detector: SignalDetector = SignalDetector(),
        at now: Date
    ) async throws(StoreError) -> [Signal] {
        var signals: [Signal] = []
        for candidate in catalog.pipelines where pipeline == nil || candidate.id == pipeline {
            let evidence = try await evidence(
                for: candidate.id,
                inputs: candidate.inputs.map(\.name),
                perJob: detector.slowRuns.history + 1
            )
            signals += detector.signals(for: candidate, evidence: evidence, at: now)
        }
        return signals
    }
}

extension StateStore {
    /// The schedule calculator for `plan`, with the time off, accepted swaps and overrides stored now.
    ///
    /// - Throws: ``StoreError`` when the database fails; ``ScheduleError`` when the plan has no
    ///   rotation or names someone unknown.
    public func scheduleCalculator(for plan: TeamPlan, policy: OncallPolicy) async throws -> ScheduleCalculator {
        let timeOff = try await allTimeOff().map(\.timeOff)
        let swaps = try await swapRequests(status: .accepted)
        let overrides = try await overrides(overlapping: nil)
        return try ScheduleCalculator(
            policy: policy,
            timeZone: plan.catalog.team.timeZone,
            engineers: plan.catalog.engineers,
            calendar: plan.dayOffCalendar(),
            timeOff: timeOff,
            swaps: swaps,
            overrides: overrides
        )
    }
}
