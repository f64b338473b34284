import Foundation
import HTTPTypes
import HummingbirdTesting
import InMemoryLogging
import Logging
import NIOCore
import PipewatchCore
import PipewatchEngine
import PipewatchServer
import PipewatchStore
import PipewatchTestSupport
import Synchronization
import Testing

/// A token of admin scope, which the reload tests' plans declare.
private let adminToken = "test-admin-token"

/// The fixture plan with an admin token, and the pipelines `extra` names added.
private func reloadPlan(extra: [String] = []) -> TeamPlan {
    var plan = fixturePlan()
    plan.api.tokens.append(.init(name: "admin", sha256: TokenHash.sha256(adminToken), scope: .admin))
    for id in extra {
        plan.catalog.pipelines.append(
            Pipeline(
                id: PipelineID(id),
                name: id.capitalized,
                owners: PipelineOwners(primary: "a", secondary: "b"),
                jobs: [PipelineJob(.openLineage(namespace: "airflow", name: "\(id)_daily"))]
            )
        )
    }
    return plan
}

/// What the config files say now: a test edits it, and a reload reads it.
private final class ConfigFiles: Sendable {
    private let reading: Mutex<ConfigReading>

    init(_ plan: TeamPlan) {
        reading = Mutex(ConfigReading(plan: plan, files: ["pipewatch.yaml"]))
    }

    func write(_ plan: TeamPlan) {
        reading.withLock { $0 = ConfigReading(plan: plan, files: ["pipewatch.yaml"]) }
    }

    func writeInvalid(_ errors: [String]) {
        reading.withLock { $0 = ConfigReading(plan: nil, errors: errors, files: ["pipewatch.yaml"]) }
    }

    func read() -> ConfigReading { reading.withLock { $0 } }
}

@Suite("config reload")
struct ReloadTests {
    private let start = Date(timeIntervalSince1970: 1_795_900_000)

    /// Runs `body` against a server whose config `files` holds, started on `files`' first plan.
    private func withReloadingServer(
        _ files: ConfigFiles,
        clock: ManualWallClock,
        logs: InMemoryLogHandler = InMemoryLogHandler(),
        _ body: @Sendable (any TestClientProtocol) async throws -> Void
    ) async throws {
        let logger = Logger(label: "test") { _ in logs }
        try await SQLStateStore.withStore(at: .sqliteInMemory, logger: logger) { store in
            let makeEngine: @Sendable (TeamPlan) -> Engine = { plan in
                Engine(
                    plan: plan,
                    store: store,
                    clock: ContinuousClock(),
                    wallClock: clock,
                    environment: [:],
                    logger: logger
                )
            }
            let plan = try #require(files.read().plan)
            let config = LiveConfig(
                engine: makeEngine(plan),
                files: ["pipewatch.yaml"],
                source: ConfigSource(read: { files.read() }, makeEngine: makeEngine),
                clock: clock,
                logger: logger
            )
            let app = try buildApplication(
                settings: ServerSettings(),
                config: config,
                store: store,
                clock: clock,
                logger: logger
            )
            try await app.test(.router) { client in try await body(client) }
        }
    }

    private func send(
        _ client: any TestClientProtocol,
        _ method: HTTPRequest.Method,
        _ uri: String,
        token: String? = nil,
        body: Data? = nil
    ) async throws -> (status: HTTPResponse.Status, json: [String: Any], text: String) {
        var headers: HTTPFields = [.contentType: "application/json"]
        if let token { headers[.authorization] = "Bearer \(token)" }
        return try await client.execute(
            uri: uri,
            method: method,
            headers: headers,
            body: body.map { ByteBuffer(bytes: $0) }
        ) { response in
            let text = String(buffer: response.body)
            let json = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any]
            return (response.status, json ?? [:], text)
        }
    }

    private func pipelineIDs(_ client: any TestClientProtocol) async throws -> [String] {
        let listed = try await send(client, .get, "/api/v1/pipelines")
        return (listed.json["pipelines"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
    }

    @Test("a reload through POST /-/reload serves the new config: a pipeline added is listed and known")
    func reloadAddsPipeline() async throws {
        // Given a server on two pipelines, whose pipeline list has been read (and kept)
        let files = ConfigFiles(reloadPlan())
        try await withReloadingServer(files, clock: ManualWallClock(start)) { client in
            #expect(try await pipelineIDs(client) == ["profit", "orders"])
            #expect(try await send(client, .get, "/api/v1/pipelines/billing").status == .notFound)

            // When the file gains a pipeline and an admin asks for a reload
            files.write(reloadPlan(extra: ["billing"]))
            let reloaded = try await send(client, .post, "/-/reload", token: adminToken)

            // Then the answer sums up the new config, and every read serves it
            #expect(reloaded.status == .ok, "\(reloaded.text)")
            #expect(reloaded.json["status"] as? String == "reloaded")
            #expect(reloaded.json["generation"] as? Int == 2)
            #expect(reloaded.json["pipelines"] as? Int == 3)
            #expect(reloaded.json["files"] as? [String] == ["pipewatch.yaml"])
            #expect(reloaded.json["loaded_at"] as? String == "2026-11-28T21:06:40+00:00")
            #expect(try await pipelineIDs(client) == ["profit", "orders", "billing"])
            #expect(try await send(client, .get, "/api/v1/pipelines/billing").status == .ok)
        }
    }

    @Test("events of a pipeline added by a reload are matched to it, and its signals are evaluated")
    func reloadedPipelineIngests() async throws {
        // Given a server reloaded with a pipeline fed by airflow/billing_daily
        let files = ConfigFiles(reloadPlan())
        try await withReloadingServer(files, clock: ManualWallClock(start)) { client in
            files.write(reloadPlan(extra: ["billing"]))
            #expect(try await send(client, .post, "/-/reload", token: adminToken).status == .ok)

            // When that job's run fails
            let event = try sampleEvent(
                "openlineage-runevent-fail",
                ["job": ["namespace": "airflow", "name": "billing_daily"]]
            )
            let posted = try await send(client, .post, "/api/v1/lineage", token: writeToken, body: event)

            // Then the event names the new pipeline, and the new pipeline has a processing failure
            #expect(posted.status == .created, "\(posted.text)")
            #expect(posted.json["pipeline"] as? String == "billing")
            let signals = try await send(client, .get, "/api/v1/signals?pipeline=billing")
            let kinds = (signals.json["signals"] as? [[String: Any]] ?? []).compactMap { $0["kind"] as? String }
            #expect(kinds == ["processing_failure"])
        }
    }

    @Test("runs stored before a reload mapped their job move to its pipeline, whose signals follow")
    func reloadAttributesStoredRuns() async throws {
        // Given a failed run of airflow/billing_daily, which no pipeline claims yet
        let files = ConfigFiles(reloadPlan())
        try await withReloadingServer(files, clock: ManualWallClock(start)) { client in
            let event = try sampleEvent(
                "openlineage-runevent-fail",
                ["job": ["namespace": "airflow", "name": "billing_daily"]]
            )
            let posted = try await send(client, .post, "/api/v1/lineage", token: writeToken, body: event)
            #expect(posted.status == .created && posted.json["pipeline"] is NSNull)

            // When a reload maps the job to a new pipeline
            files.write(reloadPlan(extra: ["billing"]))
            #expect(try await send(client, .post, "/-/reload", token: adminToken).status == .ok)

            // Then the stored run becomes billing's, and billing has its processing failure
            var kinds: [String] = []
            for _ in 0..<2_000 where kinds.isEmpty {
                await Task.yield()
                let signals = try await send(client, .get, "/api/v1/signals?pipeline=billing")
                kinds = (signals.json["signals"] as? [[String: Any]] ?? []).compactMap { $0["kind"] as? String }
            }
            #expect(kinds == ["processing_failure"])
            let runs = try await send(client, .get, "/api/v1/pipelines/billing/runs")
            #expect((runs.json["runs"] as? [[String: Any]])?.count == 1)
        }
    }

    @Test("an invalid config is refused with its errors, logged, and the last good one keeps serving")
    func invalidConfigRefused() async throws {
        // Given a server on two pipelines
        let files = ConfigFiles(reloadPlan())
        let logs = InMemoryLogHandler()
        try await withReloadingServer(files, clock: ManualWallClock(start), logs: logs) { client in
            // When the file is broken and a reload is asked for
            let error = "pipewatch.yaml:7:14: error: pipelines.billing: missing key 'owners'"
            files.writeInvalid([error])
            let refused = try await send(client, .post, "/-/reload", token: adminToken)

            // Then it is refused with the error, the log has it, and the old config still serves
            #expect(refused.status == .badRequest)
            #expect(refused.json["errors"] as? [String] == [error])
            #expect(refused.json["generation"] as? Int == 1)
            #expect(
                refused.json["error"] as? String
                    == "the config has 1 error; still serving the last good one (generation 1)"
            )
            let logged = logs.entries.map { "\($0.level): \($0.message)" }
            #expect(logged.contains("error: \(error)"))
            #expect(logged.contains("error: the config has errors; still serving the last good one"))
            #expect(try await pipelineIDs(client) == ["profit", "orders"])
            #expect(try await send(client, .get, "/api/v1/pipelines/profit").status == .ok)
        }
    }

    @Test("/metrics says whether the last reload loaded its config, and when one last did")
    func reloadMetrics() async throws {
        // Given a server started at `start`
        let files = ConfigFiles(reloadPlan())
        let clock = ManualWallClock(start)
        try await withReloadingServer(files, clock: clock) { client in
            let metrics = { try await send(client, .get, "/metrics").text }
            #expect(try await metrics().contains("pipewatch_config_last_reload_successful 1.0\n"))
            #expect(
                try await metrics().contains("pipewatch_config_last_reload_success_timestamp_seconds 1795900000.0\n")
            )

            // When a reload is refused an hour later
            clock.advance(by: 3600)
            files.writeInvalid(["pipewatch.yaml:1:1: error: missing key 'team'"])
            _ = try await send(client, .post, "/-/reload", token: adminToken)

            // Then the gauge is 0 and the timestamp still the start's
            #expect(try await metrics().contains("pipewatch_config_last_reload_successful 0.0\n"))
            #expect(
                try await metrics().contains("pipewatch_config_last_reload_success_timestamp_seconds 1795900000.0\n")
            )

            // When the file is fixed and reloaded another hour later
            clock.advance(by: 3600)
            files.write(reloadPlan(extra: ["billing"]))
            _ = try await send(client, .post, "/-/reload", token: adminToken)

            // Then the gauge is 1 and the timestamp the reload's, and the new pipeline has series
            let text = try await metrics()
            #expect(text.contains("pipewatch_config_last_reload_successful 1.0\n"))
            #expect(text.contains("pipewatch_config_last_reload_success_timestamp_seconds 1795907200.0\n"))
            #expect(text.contains(#"pipewatch_pipeline_health{pipeline="billing",health="unknown"} 1"#))

            // When a reload removes that pipeline again, its series go with it
            files.write(reloadPlan())
            _ = try await send(client, .post, "/-/reload", token: adminToken)
            #expect(try await !metrics().contains(#"pipeline="billing""#))
        }
    }

    @Test("a reload needs an admin token: none is 401, a write or read token 403")
    func reloadNeedsAdmin() async throws {
        let files = ConfigFiles(reloadPlan())
        try await withReloadingServer(files, clock: ManualWallClock(start)) { client in
            #expect(try await send(client, .post, "/-/reload").status == .unauthorized)
            #expect(try await send(client, .post, "/-/reload", token: "nonsense").status == .unauthorized)
            let write = try await send(client, .post, "/-/reload", token: writeToken)
            #expect(write.status == .forbidden)
            #expect(write.json["error"] as? String == "token 'writer' has scope 'write'; this needs 'admin'")
            #expect(try await send(client, .post, "/-/reload", token: readToken).status == .forbidden)
            // An admin token may do what a write token may.
            let event = try sampleEvent()
            #expect(try await send(client, .post, "/api/v1/lineage", token: adminToken, body: event).status == .created)
        }
    }

    @Test("tokens come from the config served now: a reload can revoke one")
    func reloadRevokesToken() async throws {
        // Given a server that accepts the write token
        let files = ConfigFiles(reloadPlan())
        try await withReloadingServer(files, clock: ManualWallClock(start)) { client in
            let event = try sampleEvent()
            #expect(try await send(client, .post, "/api/v1/lineage", token: writeToken, body: event).status == .created)

            // When a reload removes it
            var revoked = reloadPlan()
            revoked.api.tokens.removeAll { $0.name == "writer" }
            files.write(revoked)
            #expect(try await send(client, .post, "/-/reload", token: adminToken).status == .ok)

            // Then it is refused
            #expect(
                try await send(client, .post, "/api/v1/lineage", token: writeToken, body: event).status == .unauthorized
            )
        }
    }

    @Test("a server started on a plan rather than files answers a reload with 409")
    func reloadWithoutFiles() async throws {
        try await withTestServer(plan: reloadPlan()) { client, _ in
            let answer = try await send(client, .post, "/-/reload", token: adminToken)
            #expect(answer.status == .conflict)
            #expect(
                answer.json["error"] as? String
                    == "the server was not started from config files, so there is nothing to read again"
            )
        }
    }

    @Test("after a reload the engine's services run on the new config, and the old ones have stopped")
    func servicesFollowReload() async throws {
        // Given a server whose engines sleep on a test clock that never moves
        let files = ConfigFiles(reloadPlan())
        let clock = TestClock(start: start)
        let engines = Mutex<[Engine]>([])
        try await SQLStateStore.withStore(at: .sqliteInMemory, logger: .discarding) { store in
            let makeEngine: @Sendable (TeamPlan) -> Engine = { plan in
                let engine = Engine(
                    plan: plan,
                    store: store,
                    clock: clock,
                    wallClock: clock.wall,
                    environment: [:],
                    logger: .discarding
                )
                engines.withLock { $0.append(engine) }
                return engine
            }
            let config = LiveConfig(
                engine: makeEngine(try #require(files.read().plan)),
                source: ConfigSource(read: { files.read() }, makeEngine: makeEngine),
                clock: clock.wall,
                logger: .discarding
            )
            let app = try buildApplication(
                settings: ServerSettings(),
                config: config,
                store: store,
                clock: clock.wall,
                logger: .discarding
            )
            try await app.test(.router) { client in
                let first = try #require(engines.withLock { $0.first })
                // Each service does its first turn at once, then sleeps until its next one.
                await until { first.evaluator.generation > 0 && clock.sleeperCount == 5 }
                #expect(clock.sleeperCount == 5)

                // When the config is reloaded
                files.write(reloadPlan(extra: ["billing"]))
                #expect(try await send(client, .post, "/-/reload", token: adminToken).status == .ok)

                // Then the new engine's evaluator has made its first pass, and the old services no
                // longer sleep: five services run, not ten
                let second = try #require(engines.withLock { $0.count == 2 ? $0[1] : nil })
                #expect(second.plan.catalog.pipeline("billing") != nil)
                await until { second.evaluator.generation > 0 && clock.sleeperCount == 5 }
                #expect(second.evaluator.generation > 0)
                #expect(clock.sleeperCount == 5)
            }
        }
    }

    /// Yields until `condition` holds (bounded), for work the services do in their own tasks.
    private func until(_ condition: () -> Bool) async {
        for _ in 0..<1_000_000 where !condition() { await Task.yield() }
    }
}
