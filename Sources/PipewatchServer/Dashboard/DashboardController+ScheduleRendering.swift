import Foundation
import HTTPTypes
import Hummingbird
import PipewatchCore
import PipewatchEngine
import PipewatchStore

extension DashboardController {
    /// The schedule page of the engineer and month the query names (by default the visitor's own
    /// engineer, or the first in the rotation, and the current month).
    func schedule(
        _ request: Request,
        _ visitor: DashboardVisitor,
        engineer chosen: EngineerID? = nil,
        feedPath: String? = nil,
        error: String? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let engine = config.current.engine
        let plan = engine.plan
        guard let policy = plan.oncall else { throw DashboardError.invalid("the config has no 'oncall:' section") }
        let zone = plan.catalog.team.timeZone
        let now = clock.now
        let query = request.uri.queryParameters
        let wanted = chosen ?? query.get("engineer").map { EngineerID($0) } ?? visitor.user?.engineer
        let engineer =
            wanted.flatMap { plan.catalog.engineer($0) } ?? policy.rotation.first.flatMap { plan.catalog.engineer($0) }
        guard let engineer else { throw DashboardError.invalid("the team has no engineers") }
        let today = LocalDate(now, in: zone)
        let month = query.get("month").flatMap { LocalDate(iso: $0 + "-01") }
        let first = month ?? LocalDate(year: today.year, month: today.month, day: 1) ?? today
        let last = first.adding(days: LocalDate.daysIn(month: first.month, year: first.year) - 1)
        let computed: Schedule
        do {
            computed = try await engine.schedule.calculator(policy: policy).schedule(
                from: first.adding(days: -1),
                through: last.adding(days: 1)
            )
        } catch let failure as ScheduleError {
            throw DashboardError.invalid(failure.description)
        }
        let pending = try await engine.schedule.store.swapRequests(status: .pending)
        let done = query.get("done").flatMap { Self.scheduleDoneMessages[$0] }
        let page = SchedulePage(
            chrome: DashboardChrome(
                title: "Schedule",
                path: "/schedule",
                visitor: visitor,
                notice: done,
                error: error
            ),
            plan: plan,
            policy: policy,
            engineer: engineer,
            first: first,
            schedule: computed,
            pending: pending,
            visitor: visitor,
            today: today,
            feedURL: feedPath.map {
                (plan.incidents.publicURL.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 } ?? "") + $0
            }
        )
        return try html("schedule", page, status: status)
    }

    /// The fairness page of the year the query names (by default this year).
    func fairness(_ request: Request, _ visitor: DashboardVisitor) async throws -> Response {
        let engine = config.current.engine
        let plan = engine.plan
        guard let policy = plan.oncall else { throw DashboardError.invalid("the config has no 'oncall:' section") }
        let year =
            request.uri.queryParameters.get("year").flatMap(Int.init).flatMap { (1970...9999).contains($0) ? $0 : nil }
            ?? LocalDate(clock.now, in: plan.catalog.team.timeZone).year
        let report: FairnessReport
        do {
            report = try await engine.schedule.calculator(policy: policy).fairness(year: year)
        } catch let failure as ScheduleError {
            throw DashboardError.invalid(failure.description)
        }
        let names = Dictionary(plan.catalog.engineers.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let page = FairnessPage(
            chrome: DashboardChrome(title: "Fairness \(year)", path: "/fairness", visitor: visitor),
            report: report,
            names: names
        )
        return try html("fairness", page)
    }
}
