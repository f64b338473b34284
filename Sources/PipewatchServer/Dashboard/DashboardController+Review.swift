import Foundation
import Hummingbird
import PipewatchCore
import PipewatchEngine

extension DashboardController {
    func addReviewPages(to router: Router<BasicRequestContext>) {
        router.get("review") { request, _ in
            await page(request) { visitor in try await review(request, visitor) }
        }
    }

    /// `/review?since=90d` or `?from=…&to=…`: the periodic review, as `GET /api/v1/review` computes it.
    func review(_ request: Request, _ visitor: DashboardVisitor) async throws -> Response {
        let engine = config.current.engine
        let query = request.uri.queryParameters
        let since = query.get("since")
        let from = query.get("from")
        let to = query.get("to")
        let period = try Self.reviewPeriod(
            since: since,
            from: from,
            to: to,
            now: clock.now,
            zone: engine.plan.catalog.team.timeZone
        )
        let report: ReviewReport
        do {
            report = try await engine.review.report(from: period.from, to: period.to)
        } catch let error as ScheduleError {
            throw DashboardError.invalid("cannot compute the schedule of the period: \(error)")
        }
        let parameters = [("since", since), ("from", from), ("to", to)].compactMap { name, value in
            value.map { "\(name)=\(DashboardForm.percentEncode($0))" }
        }
        return try html(
            "review",
            ReviewPage(
                chrome: DashboardChrome(title: "Review", path: "/review", visitor: visitor),
                report: report,
                since: from == nil && to == nil ? since ?? "90d" : nil,
                query: parameters.joined(separator: "&")
            )
        )
    }

    /// A review's period.
    struct ReviewRange {
        let from: Date
        let to: Date
    }

    /// The period the query asks for, or a refusal that names the parameter.
    private static func reviewPeriod(
        since: String?,
        from: String?,
        to: String?,
        now: Date,
        zone: TimeZone
    ) throws -> ReviewRange {
        let result = Result { () throws(ReviewPeriod.Problem) -> ReviewRange in
            let period = try ReviewPeriod.resolve(since: since, from: from, to: to, now: now, in: zone)
            return ReviewRange(from: period.from, to: period.to)
        }
        switch result {
        case .success(let range): return range
        case .failure(let problem): throw DashboardError.invalid("\(problem.parameter): \(problem.description)")
        }
    }
}
