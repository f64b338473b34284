public import Foundation
public import PipewatchCore
public import PipewatchStore

/// The periodic review: reads a period's facts from the store and the schedule, and lets
/// ``ReviewCalculator`` (Core) compute the report. `pipewatch review`, `GET /api/v1/review` and
/// the ``ReviewScheduler`` all call it.
public struct ReviewService: Sendable {
    public let plan: TeamPlan
    public let store: any IncidentStore
    public let schedule: ScheduleService
    public let familiarity: RunbookFamiliarity

    /// Creates the use case.
    public init(plan: TeamPlan, store: any IncidentStore, schedule: ScheduleService, familiarity: RunbookFamiliarity) {
        self.plan = plan
        self.store = store
        self.schedule = schedule
        self.familiarity = familiarity
    }

    /// The review of `from..<to`.
    ///
    /// - Parameters:
    ///   - from: The first instant.
    ///   - to: The instant after the last.
    /// - Returns: The report.
    /// - Throws: ``EngineError/invalidRequest(_:)`` when `to` is not after `from`; ``StoreError``;
    ///   ``ScheduleError`` when the schedule of the period cannot be computed (a holiday calendar
    ///   without coverage of those years).
    public func report(from: Date, to: Date) async throws -> ReviewReport {
        guard from < to else {
            throw EngineError.invalidRequest("the review period is empty: 'to' must be after 'from'")
        }
        let facts = try await store.reviewFacts(from: from, to: to)
        var period: Schedule?
        var members: [Engineer] = []
        if plan.oncall != nil {
            let calculator = try await schedule.calculator()
            period = try calculator.schedule(from: from, to: to)
            members = calculator.members
        }
        let unread = try await familiarity.unread().map {
            ReviewReport.Familiarity(pipeline: $0.pipeline.id, version: $0.digest, unread: $0.missing)
        }
        return ReviewCalculator(catalog: plan.catalog).report(
            from: from,
            to: to,
            facts: facts,
            schedule: period,
            members: members,
            familiarity: unread
        )
    }
}
