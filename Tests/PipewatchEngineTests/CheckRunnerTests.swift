import Foundation
import PipewatchCore
import PipewatchEngine
import PipewatchProbes
import PipewatchStore
import PipewatchTestSupport
import SQLiteNIO
import Testing

/// The seed's checks run by the engine against the demo warehouse: on their schedule, after a
/// run, and through to signals and incidents that open on a failure and clear when it passes.
@Suite("The check runner")
struct CheckRunnerTests {
    static let start = ISO8601Text.parse("2026-12-03T10:00:00Z")!

    /// The seed plan with its demo warehouse written into `directory`, as of ``start``.
    private func seedWithWarehouse(in directory: TemporaryDirectory) async throws -> TeamPlan {
        var plan = try SeedWorld.plan()
        var source = try #require(plan.sources.first { $0.isDemo })
        source.location = .sqlite(path: directory.url.appendingPathComponent("warehouse.sqlite").path)
        source.attachments = source.attachments.map {
            DataSource.Attachment(
                schema: $0.schema,
                path: directory.url.appendingPathComponent("\($0.schema).sqlite").path
            )
        }
        plan.sources = [source]
        try await DemoWarehouse.write(into: source, at: Self.start, logger: .discarding)
        return plan
    }

    private func engine(_ plan: TeamPlan, _ store: SQLStateStore, _ clock: TestClock) -> Engine {
        SeedWorld.engine(
            plan: plan,
            store: store,
            clock: clock,
            environment: SeedWorld.environment(base: "http://127.0.0.1:9")
        )
    }

    @Test("the demo's faults fail their checks and open incidents; the rest pass")
    func demoFaults() async throws {
        try await TemporaryDirectory.with { directory in
            let plan = try await seedWithWarehouse(in: directory)
            try await withTestStore(.sqlite) { store in
                let clock = TestClock(start: Self.start)
                let engine = engine(plan, store, clock)
                let results = try await engine.checks.tick(at: Self.start)
                let states = Dictionary(uniqueKeysWithValues: results.map { ($0.check.rawValue, $0.state) })
                #expect(results.count == plan.checks.count)
                #expect(
                    Set(states.filter { $0.value == .fail }.keys)
                        == ["orders-fresh", "sales-fresh", "cost-valid", "daily-matches-aggregate", "events-complete"]
                )
                #expect(states.values.allSatisfy { $0 == .pass || $0 == .fail })
                let signals = try await store.openSignals(pipeline: "investor-profit").map(\.signal)
                #expect(signals.map(\.kind) == [.checkFailed])
                #expect(signals.first?.subject == "check:sales-fresh")
                let incidents = try await store.incidents(states: [.triggered], pipeline: "investor-profit", limit: 10)
                #expect(incidents.count == 1)
                #expect(incidents.first?.kind == "check_failed")
                #expect(incidents.first?.title.contains("sales-fresh") == true)
            }
        }
    }

    @Test("checks run on their schedule: every 15 minutes by default, cron in the pipeline's zone")
    func schedule() async throws {
        try await TemporaryDirectory.with { directory in
            let plan = try await seedWithWarehouse(in: directory)
            try await withTestStore(.sqlite) { store in
                let clock = TestClock(start: Self.start)
                let engine = engine(plan, store, clock)
                #expect(try await engine.checks.dueChecks(at: Self.start).count == plan.checks.count)
                try await engine.checks.tick(at: Self.start)
                #expect(try await engine.checks.dueChecks(at: Self.start.addingTimeInterval(14 * 60)).isEmpty)
                let quarter = try await engine.checks.dueChecks(at: Self.start.addingTimeInterval(15 * 60))
                #expect(quarter.count == plan.checks.count - 1)
                #expect(!quarter.contains("signups-anomaly"))
                // signups-anomaly: cron "0 7 * * *" in New York, the zone of its pipeline's deadline.
                let sevenInNewYork = ISO8601Text.parse("2026-12-03T07:00:00-05:00")!
                #expect(
                    try await engine.checks.dueChecks(at: sevenInNewYork.addingTimeInterval(-60)).contains(
                        "signups-anomaly"
                    ) == false
                )
                #expect(try await engine.checks.dueChecks(at: sevenInNewYork).contains("signups-anomaly"))
            }
        }
    }

    @Test("a failing check's signal clears when the data is fixed, and stays open across runs")
    func clearsWhenFixed() async throws {
        try await TemporaryDirectory.with { directory in
            let plan = try await seedWithWarehouse(in: directory)
            try await withTestStore(.sqlite) { store in
                let clock = TestClock(start: Self.start)
                let engine = engine(plan, store, clock)
                try await engine.checks.run(["sales-fresh"], at: Self.start)
                let later = Self.start.addingTimeInterval(900)
                let again = try await engine.checks.run(["sales-fresh"], at: later)
                #expect(again.first?.state == .fail)
                #expect(again.first?.stateSince == Self.start)
                let open = try await store.openSignals(pipeline: "investor-profit").map(\.signal)
                #expect(open.first?.openedAt == Self.start)

                let sales = directory.url.appendingPathComponent("sales.sqlite").path
                let writer = try await SQLiteConnection.open(storage: .file(path: sales))
                _ = try await writer.query(
                    "UPDATE orders SET updated_at = '2026-12-03 10:20:00' WHERE rowid = (SELECT MAX(rowid) FROM orders)",
                    []
                )
                try await writer.close()
                let fixed = try await engine.checks.run(["sales-fresh"], at: Self.start.addingTimeInterval(1800))
                #expect(fixed.first?.state == .pass)
                #expect(try await store.openSignals(pipeline: "investor-profit").isEmpty)
                let history = try await store.checkResults(of: "sales-fresh", limit: 10)
                #expect(history.map(\.state) == [.pass, .fail, .fail])
            }
        }
    }

    @Test("an 'after: run' check runs when a run of its pipeline ends, once per run")
    func afterRun() async throws {
        try await TemporaryDirectory.with { directory in
            var plan = try await seedWithWarehouse(in: directory)
            let index = try #require(plan.catalog.pipelines.firstIndex { $0.id == "profit" })
            for check in plan.catalog.pipelines[index].checks.indices {
                plan.catalog.pipelines[index].checks[check].schedule = .afterRun
            }
            try await withTestStore(.sqlite) { store in
                let clock = TestClock(start: Self.start)
                let engine = engine(plan, store, clock)
                let ids = Set(plan.catalog.pipelines[index].checks.map(\.id))
                #expect(try await engine.checks.dueChecks(at: Self.start).isDisjoint(with: ids))
                let failed = try SeedWorld.failure(job: "profit_daily", at: Self.start, runID: UUID().uuidString)
                _ = try await store.record([failed], receivedAt: Self.start)
                engine.checks.runsChanged(["profit"])
                let ran = try await engine.checks.tick(at: Self.start.addingTimeInterval(5))
                #expect(Set(ran.map(\.check)).isSuperset(of: ids))
                engine.checks.runsChanged(["profit"])
                let twice = try await engine.checks.tick(at: Self.start.addingTimeInterval(10))
                #expect(twice.filter { ids.contains($0.check) }.isEmpty)
            }
        }
    }
}
