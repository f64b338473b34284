import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import PipewatchCore
import PipewatchServer
import PipewatchStore
import Testing

@Suite("checks over HTTP")
struct CheckAPITests {
    /// The fixture plan with two checks on `orders`: the free space of `/` (which passes) and a
    /// query against a source whose file does not exist (which errors).
    private static func plan() -> TeamPlan {
        var plan = fixturePlan()
        plan.sources = [DataSource(id: "gone", location: .sqlite(path: "/nonexistent/warehouse.sqlite"))]
        let index = plan.catalog.pipelines.firstIndex { $0.id == "orders" }!
        plan.catalog.pipelines[index].checks = [
            Check(
                id: "disk",
                kind: .storage(table: nil, path: "/", minFreeBytes: 1, maxBytes: nil, minDaysUntilFull: nil)
            ),
            Check(id: "broken", kind: .sql(query: "SELECT 1"), source: "gone"),
        ]
        return plan
    }

    private func send(
        _ client: any TestClientProtocol,
        _ method: HTTPRequest.Method,
        _ uri: String,
        token: String? = nil
    ) async throws -> (HTTPResponse.Status, [String: Any], String) {
        var headers: HTTPFields = [:]
        if let token { headers[.authorization] = "Bearer \(token)" }
        return try await client.execute(uri: uri, method: method, headers: headers, body: nil) { response in
            let text = String(decoding: response.body.readableBytesView, as: UTF8.self)
            let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
            return (response.status, object ?? [:], text)
        }
    }

    @Test("checks are listed with their latest result, run with a write token, and kept in their history")
    func listRunHistory() async throws {
        try await withTestServer(plan: Self.plan(), settings: ServerSettings(runsEngine: false)) { client, _ in
            let (_, listed, _) = try await send(client, .get, "/api/v1/checks")
            let checks = try #require(listed["checks"] as? [[String: Any]])
            #expect(checks.map { $0["id"] as? String } == ["disk", "broken"])
            #expect(checks.first?["kind"] as? String == "storage")
            #expect(checks.first?["schedule"] as? String == "every 15m")
            #expect(checks.first?["latest"] is NSNull || checks.first?["latest"] == nil)

            #expect(try await send(client, .post, "/api/v1/checks/disk/run").0 == .unauthorized)
            #expect(try await send(client, .post, "/api/v1/checks/disk/run", token: readToken).0 == .forbidden)
            let (status, ran, _) = try await send(client, .post, "/api/v1/checks/disk/run", token: writeToken)
            #expect(status == .ok)
            let result = try #require((ran["results"] as? [[String: Any]])?.first)
            #expect(result["check"] as? String == "disk")
            #expect(result["pipeline"] as? String == "orders")
            #expect(result["state"] as? String == "pass")
            #expect((result["value"] as? Double ?? 0) > 1)
            #expect(result["threshold"] as? String == "free >= 1 B")
            #expect(result["duration_ms"] is Int)
            #expect(result["sql"] as? String == "")

            let (_, after, _) = try await send(client, .get, "/api/v1/checks?pipeline=orders")
            let latest = (after["checks"] as? [[String: Any]])?.first?["latest"] as? [String: Any]
            #expect(latest?["state"] as? String == "pass")
            let (_, history, _) = try await send(client, .get, "/api/v1/checks/disk/history?limit=5")
            #expect((history["results"] as? [[String: Any]])?.count == 1)
        }
    }

    @Test("a check that errors raises check_error on its pipeline and shows in /metrics")
    func errorSignal() async throws {
        try await withTestServer(plan: Self.plan(), settings: ServerSettings(runsEngine: false)) { client, _ in
            let (_, ran, _) = try await send(client, .post, "/api/v1/checks/broken/run", token: writeToken)
            let result = try #require((ran["results"] as? [[String: Any]])?.first)
            #expect(result["state"] as? String == "error")
            #expect((result["message"] as? String)?.contains("/nonexistent/warehouse.sqlite") == true)
            let (_, signals, _) = try await send(client, .get, "/api/v1/signals?pipeline=orders")
            let signal = try #require((signals["signals"] as? [[String: Any]])?.first)
            #expect(signal["kind"] as? String == "check_error")
            #expect(signal["subject"] as? String == "check:broken")
            let (_, _, metrics) = try await send(client, .get, "/metrics")
            #expect(metrics.contains(#"pipewatch_checks{state="error"} 1"#))
            #expect(metrics.contains(#"pipewatch_check_failing{check="broken",pipeline="orders"} 1"#))
        }
    }

    @Test("unknown checks are 404 and a bad limit is a 400 naming it")
    func rejections() async throws {
        try await withTestServer(plan: Self.plan(), settings: ServerSettings(runsEngine: false)) { client, _ in
            #expect(try await send(client, .get, "/api/v1/checks/nope/history").0 == .notFound)
            #expect(try await send(client, .post, "/api/v1/checks/nope/run", token: writeToken).0 == .notFound)
            #expect(try await send(client, .get, "/api/v1/checks?pipeline=nope").0 == .notFound)
            let (status, body, _) = try await send(client, .get, "/api/v1/checks/disk/history?limit=0")
            #expect(status == .badRequest)
            #expect((body["error"] as? String)?.hasPrefix("limit:") == true)
        }
    }
}
