import Foundation
import PipewatchConfig
import PipewatchCore
import PipewatchEngine
import PipewatchStore
import PipewatchTestSupport
import Testing

/// `pipewatch review` on a SQLite store where the real incident service opened, acknowledged and
/// resolved incidents at pinned times, paging whoever was on call.
@Suite("review command")
struct ReviewCommandTests {
    /// Two engineers in London taking weekly turns from Monday 2026-01-05 09:00: a, then b.
    static let config = """
        team:
          name: Data
          timezone: Europe/London
          contacts: [{ webhook: { url: "http://127.0.0.1:9/team", secret_env: SECRET } }]
        engineers:
          a: { name: A, region: GB-ENG, timezone: Europe/London,
               contacts: [{ webhook: { url: "http://127.0.0.1:9/a", secret_env: SECRET } }] }
          b: { name: B, region: GB-ENG, timezone: Europe/London,
               contacts: [{ webhook: { url: "http://127.0.0.1:9/b", secret_env: SECRET } }] }
        pipelines:
          orders:
            name: Orders
            owners: { primary: a, secondary: b }
            jobs: [{ namespace: airflow, name: orders }]
        oncall:
          rotation: [a, b]
          shift: 1 week
          handoff: monday 09:00
          starts: 2026-01-05
        review:
          every: 2 weeks
          notify: team
          starts: 2026-01-05

        """

    static let key = "orders|processing_failure|job:airflow/orders"

    private static func at(_ text: String) -> Date { ScheduleFixtures.instant(text) }

    /// Writes the config and seeds the store: the orders job fails three times; each incident is
    /// paged, acknowledged and resolved at the times below, and the first is reviewed.
    ///
    /// | incident | opened (London = UTC) | on call | acknowledged | resolved |
    /// | 1 | Tue 6 Jan 10:00 | a | +4 min | +30 min |
    /// | 2 | Wed 7 Jan 02:00 (night) | a | +12 min | +60 min |
    /// | 3 | Tue 13 Jan 14:00 | b | +20 min | +120 min |
    static func seed(in directory: TemporaryDirectory) async throws -> (config: String, database: String) {
        let configURL = directory.url.appendingPathComponent("pipewatch.yaml")
        try config.write(to: configURL, atomically: true, encoding: .utf8)
        let database = directory.url.appendingPathComponent("state.sqlite").path
        let plan = try ConfigLoader.load(configURL, currentDirectory: directory.url).0
        try await SQLStateStore.withStore(at: .sqliteFile(path: database), logger: .discarding) { store in
            let engine = Engine(
                plan: plan,
                store: store,
                clock: ContinuousClock(),
                wallClock: FixedWallClock(at("2026-01-05T00:00:00Z")),
                environment: ["SECRET": "s"],
                logger: .discarding
            )
            let times: [(opened: String, ack: Double, resolve: Double, by: String)] = [
                ("2026-01-06T10:00:00Z", 4, 30, "a"),
                ("2026-01-07T02:00:00Z", 12, 60, "a"),
                ("2026-01-13T14:00:00Z", 20, 120, "b"),
            ]
            for time in times {
                let opened = at(time.opened)
                // Opening pages whoever is on call at once (the escalation's first step).
                let incident = try await open(engine, store, at: opened)
                try await engine.incidents.acknowledge(incident.id, by: time.by, at: opened + time.ack * 60)
                try await clear(engine, store, at: opened + time.ack * 60 + 60)
                try await engine.incidents.resolve(
                    incident.id,
                    by: time.by,
                    reason: "rerun",
                    at: opened + time.resolve * 60
                )
            }
            try await engine.incidents.review(
                1,
                cause: .schemaChange,
                summary: "An upstream column was renamed.",
                lessons: "Watch schema facets.",
                actionItems: [.init(text: "Add a schema check", owner: "b", due: ScheduleFixtures.date("2026-01-10"))],
                by: "a",
                at: at("2026-01-08T12:00:00Z")
            )
        }
        return (configURL.path, database)
    }

    private static var signal: Signal {
        Signal(
            kind: .processingFailure,
            pipeline: "orders",
            subject: "job:airflow/orders",
            openedAt: .distantPast,
            summary: "orders failed",
            evidence: ["run": "r"]
        )
    }

    /// Opens (or repeats) the failure as the signal evaluator does: the signal's state and transition, then the incident.
    private static func open(_ engine: Engine, _ store: SQLStateStore, at now: Date) async throws -> Incident {
        var signal = signal
        signal.openedAt = now
        let calculator = try await engine.schedule.calculator()
        return try await store.transaction { [signal] transaction in
            try await transaction.saveSignalState(
                SignalState(signal: signal, isOpen: true, changedAt: now),
                transition: .opened,
                at: now
            )
            return try await engine.incidents.occurred(signal, in: transaction, calculator: calculator, at: now)
        }
    }

    private static func clear(_ engine: Engine, _ store: SQLStateStore, at now: Date) async throws {
        var signal = signal
        signal.openedAt = now
        try await store.transaction { [signal] transaction in
            try await transaction.saveSignalState(
                SignalState(signal: signal, isOpen: false, clearedAt: now, changedAt: now),
                transition: .cleared,
                at: now
            )
            try await engine.incidents.cleared(key: key, in: transaction, at: now)
        }
    }

    private func review(
        _ arguments: [String],
        _ seeded: (config: String, database: String),
        in directory: URL
    ) async
        -> CommandResult
    {
        await pipewatch(
            arguments: ["review"] + arguments + ["--config", seeded.config, "--database", seeded.database],
            in: directory,
            environment: ["PIPEWATCH_NOW": "2026-01-20T12:00:00Z"]
        )
    }

    @Test("the numbers a team lead checks: response times, recurrence, pages at night, reviews and action items")
    func numbers() async throws {
        try await TemporaryDirectory.with { directory in
            let seeded = try await Self.seed(in: directory)
            let result = await review(
                ["--from", "2026-01-05", "--to", "2026-01-18", "--format", "json"],
                seeded,
                in: directory.url
            )
            #expect(result.status == 0, "\(result.errorOutput)")
            let object = try #require(
                try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
            )
            #expect(object["from"] as? String == "2026-01-05T00:00:00+00:00")
            #expect(object["to"] as? String == "2026-01-19T00:00:00+00:00")
            #expect(object["incidents"] as? Int == 3)
            // Acknowledged after 4, 12, 20 minutes: median (rank 2) 12 min, p90 (rank 3) 20 min.
            let ack = try #require(object["time_to_acknowledge"] as? [String: Any])
            #expect(ack["count"] as? Int == 3)
            #expect(ack["median_seconds"] as? Double == 720)
            #expect(ack["p90_seconds"] as? Double == 1200)
            // Resolved after 30, 60, 120 minutes.
            let resolve = try #require(object["time_to_resolve"] as? [String: Any])
            #expect(resolve["median_seconds"] as? Double == 3600)
            #expect(resolve["p90_seconds"] as? Double == 7200)
            let recurring = try #require(object["recurring"] as? [[String: Any]])
            #expect(recurring.map { $0["key"] as? String } == [Self.key])
            #expect(recurring.first?["occurrences"] as? Int == 3)
            #expect(recurring.first?["pipeline"] as? String == "orders")
            let noisy = try #require(object["noisy_signals"] as? [[String: Any]])
            #expect(noisy.first?["opened"] as? Int == 3)
            #expect(noisy.first?["cleared"] as? Int == 3)
            // a was paged twice (once at 02:00), b once; a held 168 h with a weekend, b Monday 09:00 to Monday 00:00.
            let oncall = try #require(object["oncall"] as? [[String: Any]])
            #expect(oncall.map { $0["engineer"] as? String } == ["a", "b"])
            #expect(oncall.map { $0["pages"] as? Int } == [2, 1])
            #expect(oncall.map { $0["night_pages"] as? Int } == [1, 0])
            #expect(oncall.map { $0["on_call_hours"] as? Double } == [168, 159])
            #expect(oncall.map { $0["weekend_hours"] as? Double } == [48, 48])
            let causes = try #require(object["causes"] as? [[String: Any]])
            #expect(causes.map { $0["cause"] as? String } == ["processing_failure", "schema_change"])
            #expect(causes.map { $0["incidents"] as? Int } == [2, 1])
            let missing = try #require(object["missing_reviews"] as? [[String: Any]])
            #expect(missing.map { $0["incident"] as? Int } == [2, 3])
            #expect(missing.first?["resolved_at"] as? String == "2026-01-07T03:00:00+00:00")
            let items = try #require(object["action_items"] as? [[String: Any]])
            #expect(items.map { $0["owner"] as? String } == ["b"])
            #expect(items.first?["overdue"] as? Int == 1)
        }
    }

    @Test("an action item marked done leaves the open count, shows who did it, and a missing item is named")
    func actionItemDone() async throws {
        try await TemporaryDirectory.with { directory in
            let seeded = try await Self.seed(in: directory)
            let store = ["--config", seeded.config, "--database", seeded.database]
            let environment = ["PIPEWATCH_NOW": "2026-01-20T12:00:00Z"]
            let marked = await pipewatch(
                arguments: ["incident", "action-item", "INC-1", "1", "done", "--as", "b"] + store,
                in: directory.url,
                environment: environment
            )
            #expect(marked.status == 0, "\(marked.errorOutput)")
            #expect(marked.output == "action item 1 of INC-1 is done: Add a schema check\n")
            let shown = await pipewatch(arguments: ["incident", "show", "1"] + store, in: directory.url)
            #expect(
                shown.output.contains(
                    "  1. [done by b at 2026-01-20T12:00:00+00:00] Add a schema check (b, due 2026-01-10)"
                )
            )
            let result = await review(["--since", "30d", "--format", "json"], seeded, in: directory.url)
            let object = try #require(
                try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
            )
            let items = try #require(object["action_items"] as? [[String: Any]])
            #expect(items.map { "\($0["owner"] ?? "") \($0["open"] ?? "") \($0["done"] ?? "")" } == ["b 0 1"])
            let missing = await pipewatch(
                arguments: ["incident", "action-item", "1", "2", "done", "--as", "b"] + store,
                in: directory.url,
                environment: environment
            )
            #expect(missing.status != 0)
            #expect(missing.errorOutput.contains("action item 2 does not exist: the review of INC-1 has items 1 to 1"))
        }
    }

    @Test("--format markdown is what the schedule sends; --since and --from together are a usage error")
    func markdownAndUsage() async throws {
        try await TemporaryDirectory.with { directory in
            let seeded = try await Self.seed(in: directory)
            let markdown = await review(["--since", "30d", "--format", "markdown"], seeded, in: directory.url)
            #expect(markdown.status == 0)
            #expect(markdown.output.contains("| time to acknowledge | 3 | 12m | 20m |"))
            #expect(markdown.output.contains("| INC-2 | orders | 2026-01-07T03:00:00+00:00 |"))
            let table = await review([], seeded, in: directory.url)
            #expect(table.status == 0)
            #expect(table.output.contains("RECURRING INCIDENTS"))
            let both = await review(["--since", "30d", "--from", "2026-01-01"], seeded, in: directory.url)
            #expect(both.status == 2)
            #expect(both.errorOutput.contains("give either 'since' or 'from'/'to', not both"))
        }
    }
}
