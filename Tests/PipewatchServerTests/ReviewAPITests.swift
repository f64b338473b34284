import Foundation
import HTTPTypes
import HummingbirdTesting
import Logging
import NIOCore
import PipewatchCore
import PipewatchEngine
import PipewatchServer
import PipewatchStore
import PipewatchTestSupport
import Testing

/// `GET /api/v1/review` through the real server on a loopback port.
@Suite("review over HTTP")
struct ReviewAPITests {
    private static func at(_ text: String) -> Date { ScheduleFixtures.instant(text) }

    /// The profit job failed three times in November; the incident service opened, acknowledged
    /// (after 2, 6 and 10 minutes) and resolved (after 10, 20 and 30 minutes) each.
    private static func seed(_ store: SQLStateStore) async throws {
        let plan = fixturePlan(readAccess: .token)
        let engine = Engine(
            plan: plan,
            store: store,
            clock: ContinuousClock(),
            wallClock: FixedWallClock(at("2026-11-01T00:00:00Z")),
            environment: [:],
            logger: Logger(label: "test")
        )
        let calculator = try await engine.schedule.calculator()
        for (day, ack, resolve) in [("02", 2.0, 10.0), ("09", 6.0, 20.0), ("16", 10.0, 30.0)] {
            let opened = at("2026-11-\(day)T10:00:00Z")
            let signal = Signal(
                kind: .processingFailure,
                pipeline: "profit",
                subject: "job:airflow/profit_daily",
                openedAt: opened,
                summary: "profit_daily failed",
                evidence: [:]
            )
            let incident = try await store.transaction { transaction in
                try await engine.incidents.occurred(signal, in: transaction, calculator: calculator, at: opened)
            }
            try await engine.incidents.acknowledge(incident.id, by: "a", at: opened + ack * 60)
            try await engine.incidents.resolve(incident.id, by: "a", reason: nil, at: opened + resolve * 60)
        }
    }

    private func get(
        _ client: any TestClientProtocol,
        _ uri: String,
        token: String? = readToken
    ) async throws
        -> (HTTPResponse.Status, String, String?)
    {
        var headers = HTTPFields()
        if let token { headers[.authorization] = "Bearer \(token)" }
        return try await client.execute(uri: uri, method: .get, headers: headers) { response in
            (response.status, String(buffer: response.body), response.headers[.contentType])
        }
    }

    @Test("the review needs a read token and answers JSON with the period's numbers, or Markdown")
    func review() async throws {
        try await withTestServer(
            plan: fixturePlan(readAccess: .token),
            settings: ServerSettings(port: 0),
            now: Self.at("2026-11-30T12:00:00Z"),
            testing: .live
        ) { client, store in
            try await Self.seed(store)
            #expect(try await get(client, "/api/v1/review", token: nil).0 == .unauthorized)
            let (status, body, type) = try await get(client, "/api/v1/review?from=2026-11-01&to=2026-11-30")
            #expect(status == .ok)
            #expect(type == "application/json; charset=utf-8")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
            #expect(object["from"] as? String == "2026-11-01T00:00:00+00:00")
            #expect(object["to"] as? String == "2026-12-01T00:00:00+00:00")
            #expect(object["incidents"] as? Int == 3)
            let ack = try #require(object["time_to_acknowledge"] as? [String: Any])
            #expect(ack["median_seconds"] as? Double == 360)
            #expect(ack["p90_seconds"] as? Double == 600)
            let pipelines = try #require(object["pipelines"] as? [[String: Any]])
            #expect(pipelines.map { $0["pipeline"] as? String } == ["profit"])
            let resolve = try #require(pipelines.first?["time_to_resolve"] as? [String: Any])
            #expect(resolve["median_seconds"] as? Double == 1200)
            let recurring = try #require(object["recurring"] as? [[String: Any]])
            #expect(recurring.first?["occurrences"] as? Int == 3)
            let missing = try #require(object["missing_reviews"] as? [[String: Any]])
            #expect(missing.count == 3)
            let markdown = try await get(client, "/api/v1/review?since=60d&format=markdown")
            #expect(markdown.0 == .ok)
            #expect(markdown.2 == "text/markdown; charset=utf-8")
            #expect(markdown.1.contains("| profit | 3 | 6m | 10m | 20m | 30m |"))
        }
    }

    @Test("a bad period is a 400 naming the parameter")
    func badPeriod() async throws {
        try await withTestServer(settings: ServerSettings(port: 0), testing: .live) { client, _ in
            let since = try await get(client, "/api/v1/review?since=soon")
            #expect(since.0 == .badRequest)
            #expect(since.1 == #"{"error":"since: 'soon' is not a duration; use 90d or 4 weeks"}"#)
            let to = try await get(client, "/api/v1/review?from=2026-11-10&to=yesterday")
            #expect(to.0 == .badRequest)
            #expect(to.1.contains(#""error":"to: 'yesterday' is not a date"#))
            let format = try await get(client, "/api/v1/review?format=pdf")
            #expect(format.0 == .badRequest)
            #expect(format.1.contains("format: unknown format 'pdf'"))
        }
    }
}
