import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import PipewatchCore
import PipewatchEngine
import PipewatchStore

/// `GET /api/v1/review`: the periodic review over HTTP, with the command's parameters
/// (`since`, or `from`/`to`; `format` json, markdown or table).
struct ReviewController {
    let config: LiveConfig
    let clock: any WallClock

    func addReads(to router: RouterGroup<BasicRequestContext>) {
        router.get("review") { request, _ -> Response in
            let engine = config.current.engine
            let query = request.uri.queryParameters
            let period: (from: Date, to: Date)
            do {
                period = try ReviewPeriod.resolve(
                    since: query.get("since"),
                    from: query.get("from"),
                    to: query.get("to"),
                    now: clock.now,
                    in: engine.plan.catalog.team.timeZone
                )
            } catch let error as ReviewPeriod.Problem {
                throw APIError(.badRequest, "\(error.parameter): \(error.description)")
            }
            let format = query.get("format") ?? "json"
            guard ["json", "markdown", "table"].contains(format) else {
                throw APIError(.badRequest, "format: unknown format '\(format)' (one of json, markdown, table)")
            }
            let report: ReviewReport
            do {
                report = try await engine.review.report(from: period.from, to: period.to)
            } catch let error as ScheduleError {
                throw APIError(.unprocessableContent, "cannot compute the schedule of the period: \(error)")
            }
            switch format {
            case "markdown": return Self.text(report.markdown, type: "text/markdown; charset=utf-8")
            case "table": return Self.text(report.table, type: "text/plain; charset=utf-8")
            default: return JSONBody.response(try JSONBody.encode(ReviewDocument(report)))
            }
        }
    }

    private static func text(_ body: String, type: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }
}
