import Foundation
import Logging
import PipewatchConfig
import PipewatchCore
import PipewatchEngine
import PipewatchStore
import PipewatchTestSupport
import Testing

/// The incident commands end to end, in-process, on the seed plan, against a store where the
/// engine opened INC-1 for the aggregate profit job's failure at 03:00 New York time.
@Suite("incident commands")
struct IncidentCommandTests {
    let seed = "examples/seed/pipewatch.yaml"
    let failed = "2026-03-26T03:00:00-04:00"

    /// Opens INC-1 in a SQLite file in `directory`, as `pipewatch serve` would.
    private func openIncident(in directory: TemporaryDirectory) async throws -> String {
        let path = directory.url.appendingPathComponent("state.sqlite").path
        let plan = try ConfigLoader.load(RepositoryFiles.seedConfig, currentDirectory: RepositoryFiles.root).0
        let now = ScheduleFixtures.instant(failed)
        try await SQLStateStore.withStore(at: .sqliteFile(path: path), logger: .discarding) { store in
            let engine = Engine(
                plan: plan,
                store: store,
                clock: ContinuousClock(),
                wallClock: FixedWallClock(now),
                environment: [:],
                logger: .discarding
            )
            let body = try RepositoryFiles.fixtureData("lineage/openlineage-runevent-fail.json")
            var object = try JSONSerialization.jsonObject(with: body) as? [String: Any] ?? [:]
            object["job"] = ["namespace": "airflow", "name": "investor_profit"]
            object["eventTime"] = "2026-03-26T07:00:00Z"
            let data = try JSONSerialization.data(withJSONObject: object)
            let event = try LineageEventDecoder.decode(data)
            _ = try await store.record(
                [IncomingEvent(event: event, body: String(decoding: data, as: UTF8.self), pipeline: "investor-profit")],
                receivedAt: now
            )
            try await engine.evaluator.evaluate(["investor-profit"], at: now)
        }
        return path
    }

    private func run(_ arguments: [String], database: String) async -> CommandResult {
        await pipewatch(
            arguments: arguments + ["--config", seed, "--database", database],
            in: RepositoryFiles.root,
            environment: ["PIPEWATCH_NOW": "2026-03-26T03:05:00-04:00", "USER": "lead"]
        )
    }

    @Test("list --format json gives id, pipeline, key, state, severity, count, opened_at and assignee")
    func listJSON() async throws {
        try await TemporaryDirectory.with { directory in
            let database = try await openIncident(in: directory)
            let result = await run(["incident", "list", "--format", "json"], database: database)
            #expect(result.status == 0)
            let object = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
            let incident = try #require((object?["incidents"] as? [[String: Any]])?.first)
            #expect(incident["id"] as? Int == 1)
            #expect(incident["pipeline"] as? String == "investor-profit")
            #expect(incident["key"] as? String == "investor-profit|processing_failure|job:airflow/investor_profit")
            #expect(incident["state"] as? String == "triggered")
            #expect(incident["severity"] as? String == "critical")
            #expect(incident["count"] as? Int == 1)
            #expect(incident["opened_at"] as? String == "2026-03-26T07:00:00+00:00")
            #expect(incident["assignee"] as? String == "b")
        }
    }

    @Test("ack needs --as a known engineer, records it, and a second ack is a finding naming the first")
    func acknowledge() async throws {
        try await TemporaryDirectory.with { directory in
            let database = try await openIncident(in: directory)
            let unknown = await run(["incident", "ack", "INC-1", "--as", "zz"], database: database)
            #expect(unknown.status == 2)
            #expect(unknown.errorOutput.contains("unknown engineer 'zz'"))
            let first = await run(["incident", "ack", "1", "--as", "b"], database: database)
            #expect(first.status == 0)
            #expect(first.output == "acknowledged INC-1 as b: escalation stopped\n")
            let second = await run(["incident", "ack", "1", "--as", "c"], database: database)
            #expect(second.status == 1)
            #expect(
                second.errorOutput == "error: cannot acknowledge incident 'INC-1': it is already acknowledged by 'b'\n"
            )
            let audit = await run(["audit", "--format", "json"], database: database)
            #expect(audit.output.contains("incident.ack"))
        }
    }

    @Test("show prints the checklist, escalation and timeline; step and review are recorded on it")
    func showStepReview() async throws {
        try await TemporaryDirectory.with { directory in
            let database = try await openIncident(in: directory)
            let step = await run(
                ["incident", "step", "1", "1", "done", "--as", "b", "--note", "sales feed is current"],
                database: database
            )
            #expect(step.status == 0)
            let review = await run(
                [
                    "incident", "review", "1", "--as", "b", "--summary", "the load was late", "--action-item",
                    "alert on the load|c|2026-04-30",
                ],
                database: database
            )
            #expect(review.output == "recorded the review of INC-1: cause processing_failure, 1 action item\n")
            let show = await run(["incident", "show", "1"], database: database)
            #expect(show.status == 0)
            #expect(
                show.output.contains(
                    "[x] 1. Check data sources for missing or delayed inputs (e.g., sales databases). (done by b)"
                )
            )
            #expect(
                show.output.contains("  1. paged b (due 2026-03-26T07:00:00+00:00): you were on call when it opened")
            )
            #expect(show.output.contains("  1. [open] alert on the load (c, due 2026-04-30)"))
            let notifications = await run(["notifications", "list", "--format", "json"], database: database)
            #expect(notifications.output.contains(#""recipient" : "engineer:b""#))
        }
    }
}
