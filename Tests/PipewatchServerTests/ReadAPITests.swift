import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import PipewatchCore
import PipewatchEngine
import PipewatchServer
import PipewatchStore
import PipewatchTestSupport
import Testing

@Suite("read API, health, metrics and OpenAPI")
struct ReadAPITests {
    @Test("healthz and readyz report the database as up; livez answers without it")
    func health() async throws {
        try await withTestServer { client, _ in
            for uri in ["/healthz", "/readyz"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .ok, "\(String(buffer: response.body))")
                    let body =
                        try JSONSerialization.jsonObject(with: Data(String(buffer: response.body).utf8))
                        as? [String: Any]
                    #expect(body?["status"] as? String == "ok")
                    let database = (body?["checks"] as? [String: Any])?["database"] as? [String: Any]
                    #expect(database?["status"] as? String == "up")
                }
            }
            try await client.execute(uri: "/livez", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == #"{"status":"ok"}"#)
            }
        }
    }

    @Test("a known path with a method it does not take is 405 with Allow; a bad limit is 400 naming it")
    func methodNotAllowed() async throws {
        try await withTestServer { client, _ in
            try await client.execute(uri: "/api/v1/pipelines", method: .delete) { response in
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers[.allow] == "GET, HEAD")
            }
            try await client.execute(uri: "/api/v1/lineage", method: .get) { response in
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers[.allow] == "POST")
            }
            try await client.execute(uri: "/api/v1/nothing", method: .delete) { #expect($0.status == .notFound) }
            for limit in ["abc", "0", "-1", "100000"] {
                try await client.execute(uri: "/api/v1/pipelines/profit/runs?limit=\(limit)", method: .get) {
                    response in
                    #expect(response.status == .badRequest)
                    #expect(String(buffer: response.body).contains("limit"))
                }
            }
        }
    }

    @Test("an unknown pipeline is 404 with a JSON error")
    func unknownPipeline() async throws {
        try await withTestServer { client, _ in
            try await client.execute(uri: "/api/v1/pipelines/nope/runs", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(String(buffer: response.body) == #"{"error":"unknown pipeline 'nope'"}"#)
            }
        }
    }

    @Test("with read_access token, reads need a token of either scope")
    func protectedReads() async throws {
        try await withTestServer(plan: fixturePlan(readAccess: .token)) { client, _ in
            try await client.execute(uri: "/api/v1/pipelines", method: .get) { #expect($0.status == .unauthorized) }
            try await client.execute(
                uri: "/api/v1/pipelines",
                method: .get,
                headers: [.authorization: "Bearer \(readToken)"]
            ) {
                #expect($0.status == .ok)
            }
            try await client.execute(uri: "/healthz", method: .get) { #expect($0.status == .ok) }
            try await client.execute(uri: "/metrics", method: .get) { #expect($0.status == .unauthorized) }
            try await client.execute(uri: "/metrics", method: .get, headers: [.authorization: "Bearer \(readToken)"]) {
                #expect($0.status == .ok)
            }
        }
    }

    @Test("HEAD answers every GET route with its status and headers, without a body")
    func head() async throws {
        try await withTestServer { client, _ in
            for uri in ["/healthz", "/api/v1/pipelines", "/metrics", "/openapi.yaml"] {
                try await client.execute(uri: uri, method: .head) { response in
                    #expect(response.status == .ok, "HEAD \(uri)")
                    #expect(response.body.readableBytes == 0, "HEAD \(uri)")
                    #expect(response.headers[.contentType] != nil, "HEAD \(uri)")
                }
            }
            try await client.execute(uri: "/api/v1/pipelines/nope", method: .head) { #expect($0.status == .notFound) }
        }
    }

    @Test("/metrics is Prometheus text with accepted events, runs by state and a latency histogram")
    func metrics() async throws {
        try await withTestServer { client, _ in
            let headers: HTTPFields = [.authorization: "Bearer \(writeToken)", .contentType: "application/json"]
            _ = try await client.execute(
                uri: "/api/v1/lineage",
                method: .post,
                headers: headers,
                body: ByteBuffer(bytes: try sampleEvent())
            ) { $0.status }
            try await client.execute(uri: "/metrics", method: .get) { response in
                let text = String(buffer: response.body)
                #expect(response.headers[.contentType]?.hasPrefix("text/plain") == true)
                #expect(text.contains(#"pipewatch_events_accepted_total{outcome="stored"} 1"#))
                #expect(text.contains(#"pipewatch_runs{state="running"} 1"#))
                #expect(text.contains(#"pipewatch_http_request_duration_seconds_bucket{le="+Inf"}"#))
            }
        }
    }

    @Test("/openapi.yaml describes every endpoint")
    func openAPI() async throws {
        try await withTestServer { client, _ in
            try await client.execute(uri: "/openapi.yaml", method: .get) { response in
                let text = String(buffer: response.body)
                for path in [
                    "/api/v1/lineage:", "/api/v1/ingest/dbt:", "/api/v1/pipelines:", "/api/v1/pipelines/{id}:",
                    "/api/v1/pipelines/{id}/runs:", "/api/v1/signals:", "/api/v1/oncall/now:", "/healthz:", "/metrics:",
                    "/api/v1/incidents:", "/api/v1/incidents/{id}:", "/api/v1/incidents/{id}/ack:",
                    "/api/v1/incidents/{id}/resolve:", "/api/v1/incidents/{id}/note:",
                    "/api/v1/incidents/{id}/escalate:",
                    "/api/v1/incidents/{id}/steps/{step}:", "/api/v1/incidents/{id}/actions:",
                    "/api/v1/incidents/{id}/review:", "/api/v1/incidents/{id}/review/items/{item}:",
                    "/api/v1/notifications:", "/api/v1/notifications/{id}/retry:",
                    "/api/v1/checks:", "/api/v1/checks/{id}/history:", "/api/v1/checks/{id}/run:",
                    "/api/v1/review:",
                ] {
                    #expect(text.contains(path), "\(path) is missing")
                }
            }
        }
    }

    @Test("docs/server.md lists every route the router serves, and the OpenAPI document describes each")
    func documentedRoutes() async throws {
        let docs = try String(
            contentsOf: RepositoryFiles.root.appendingPathComponent("docs/server.md"),
            encoding: .utf8
        )
        let dashboard = try String(
            contentsOf: RepositoryFiles.root.appendingPathComponent("docs/dashboard.md"),
            encoding: .utf8
        )
        let routes = try await SQLStateStore.withStore(at: .sqliteInMemory, logger: Logger(label: "test")) { store in
            let plan = fixturePlan()
            let engine = Engine(
                plan: plan,
                store: store,
                clock: ContinuousClock(),
                wallClock: FixedWallClock(.now),
                environment: [:],
                logger: Logger(label: "test")
            )
            let (router, _) = buildRouter(
                settings: ServerSettings(),
                plan: plan,
                store: store,
                engine: engine,
                clock: FixedWallClock(.now),
                logger: Logger(label: "test")
            )
            return router.routes.filter { $0.method != .head }.map { ($0.method.rawValue, "\($0.path)") }
        }
        #expect(routes.count >= 25)
        let described = Set(OpenAPIDocument.paths)
        for (method, path) in routes {
            // The router writes a parameter as {id}, as the document and the docs do.
            #expect(
                docs.contains("`\(method) \(path)`") || docs.contains("`\(method) \(path)?"),
                "docs/server.md does not list \(method) \(path)"
            )
            // The document does not describe itself, nor the dashboard's HTML pages (docs/dashboard.md).
            #expect(
                described.contains(path) || path == "/openapi.yaml" || dashboard.contains("`\(method) \(path)`"),
                "/openapi.yaml does not describe \(path)"
            )
        }
    }

    @Test("dbt artifacts posted to the ingest endpoint become runs and a signal for the failing test")
    func dbtIngest() async throws {
        var changed = fixturePlan()
        changed.catalog.pipelines[0].jobs.append(PipelineJob(.dbt(uniqueID: "model.lab.orders_by_customer")))
        let plan = changed
        let body = try JSONSerialization.data(withJSONObject: [
            "run_results": try JSONSerialization.jsonObject(
                with: try RepositoryFiles.fixtureData("dbt/run_results.json")
            ),
            "manifest": try JSONSerialization.jsonObject(with: try RepositoryFiles.fixtureData("dbt/manifest.json")),
        ])
        try await withTestServer(plan: plan) { client, store in
            let headers: HTTPFields = [.authorization: "Bearer \(writeToken)", .contentType: "application/json"]
            try await client.execute(
                uri: "/api/v1/ingest/dbt",
                method: .post,
                headers: headers,
                body: ByteBuffer(bytes: body)
            ) { response in
                #expect(response.status == .created)
                #expect(String(buffer: response.body).contains(#""runs":8"#))
            }
            let signals = try await SignalEvaluation(catalog: plan.catalog, runs: store).signals(
                of: ["profit"],
                at: Date(timeIntervalSince1970: 1_795_000_000)
            )
            #expect(signals.map(\.kind) == [.processingFailure])
            #expect(signals.first?.subject.contains("accepted_values_orders_by_customer") == true)
        }
    }

    @Test("oncall/now names who is on call, since when and until when")
    func oncallNow() async throws {
        // 2026-11-18T11:06:40Z is a Wednesday in the 46th week of the a/b rotation: b's.
        try await withTestServer(now: Date(timeIntervalSince1970: 1_795_000_000)) { client, _ in
            try await client.execute(uri: "/api/v1/oncall/now", method: .get) { response in
                #expect(response.status == .ok)
                let object =
                    try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any]
                #expect(object?["start"] as? String == "2026-11-16T09:00:00+00:00")
                #expect(object?["end"] as? String == "2026-11-23T09:00:00+00:00")
                #expect(object?["engineer"] as? String == "b")
                #expect(object?["reason"] as? String == "rotation")
            }
        }
    }
}
