import Foundation
import Logging
import PipewatchCore
import PipewatchEngine
import PipewatchStore

/// The engine's periodic work with a big backlog: 200 pipelines of 50 jobs each, every job's
/// latest run failed, so 10,000 signals and 10,000 open incidents, in a SQLite file as
/// `pipewatch serve` keeps it (WAL, synchronous=FULL). Target: the evaluator's tick under 50 ms.
let engineBenchmark = Benchmark(name: "engine") {
    do {
        try await runEngineBenchmark(pipelines: 200, jobsPerPipeline: 50)
    } catch {
        print("engine benchmark failed: \(error)")
    }
}

private func runEngineBenchmark(pipelines count: Int, jobsPerPipeline: Int) async throws {
    let zone = TimeZone(identifier: "America/New_York")!
    let engineers = (0..<4).map { index in
        Engineer(
            id: EngineerID("e\(index)"),
            name: "Engineer \(index)",
            region: Region(code: "US-NY")!,
            timeZone: zone,
            contacts: [.webhook(url: .literal("http://127.0.0.1:9/e\(index)"), secretEnv: nil)]
        )
    }
    let pipelines = (0..<count).map { index in
        Pipeline(
            id: PipelineID("p\(index)"),
            name: "Pipeline \(index)",
            owners: PipelineOwners(primary: engineers[index % 4].id, secondary: engineers[(index + 1) % 4].id),
            deliverBy: index % 10 == 0 ? DeliveryDeadline(time: TimeOfDay(hour: 9, minute: 0)!, timeZone: zone) : nil,
            jobs: (0..<jobsPerPipeline).map { PipelineJob(.openLineage(namespace: "bench", name: "p\(index).j\($0)")) }
        )
    }
    let plan = TeamPlan(
        catalog: Catalog(team: Team(name: "Bench", timeZone: zone), engineers: engineers, pipelines: pipelines),
        oncall: OncallPolicy(
            rotation: engineers.map(\.id),
            handoff: Handoff(weekday: .monday, time: TimeOfDay(hour: 9, minute: 0)!),
            starts: LocalDate(year: 2026, month: 1, day: 5)!
        )
    )
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pipewatch-bench-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let logger = Logger(label: "bench") { _ in SwiftLogNoOpLogHandler() }
    let now = ISO8601Text.parse("2026-03-25T12:00:00Z")!
    try await SQLStateStore.withStore(
        at: .sqliteFile(path: folder.appendingPathComponent("state.sqlite").path),
        logger: logger
    ) {
        store in
        let engine = Engine(
            plan: plan,
            store: store,
            clock: ContinuousClock(),
            wallClock: FixedWallClock(now),
            environment: [:],
            logger: logger
        )
        let setup = ContinuousClock().now
        var events: [IncomingEvent] = []
        for pipeline in pipelines {
            for job in pipeline.jobs {
                guard case .openLineage(let namespace, let name) = job.identity else { continue }
                let event = LineageEvent(
                    eventType: .fail,
                    eventTime: now.addingTimeInterval(-600),
                    runID: UUID().uuidString.lowercased(),
                    job: JobName(namespace: namespace, name: name),
                    errorMessage: "boom",
                    producer: "bench"
                )
                events.append(IncomingEvent(event: event, body: "{}", pipeline: pipeline.id))
            }
        }
        for start in stride(from: 0, to: events.count, by: 500) {
            _ = try await store.record(Array(events[start..<min(start + 500, events.count)]), receivedAt: now)
        }
        let opened = try await engine.evaluator.evaluate(nil, at: now)
        let open = try await store.incidents(states: [.triggered], pipeline: nil, limit: 100_000).count
        let ready = (ContinuousClock().now - setup).timeInterval
        print(
            "setup: \(events.count) failed runs, \(opened) signals opened, \(open) open incidents in \(format(ready)) s"
        )

        let tick = try await samples(repeats: 50) { try await engine.evaluator.tick(at: now) }
        report("evaluator tick (\(count) pipelines, \(open) open incidents, nothing changed)", tick)
        let full = try await samples(repeats: 10) { try await engine.evaluator.evaluate(nil, at: now) }
        report("evaluator full pass, every pipeline read again (once a minute)", full)
        let touched = try await samples(repeats: 50) { try await engine.evaluator.evaluate(["p7"], at: now) }
        report("evaluation of one pipeline after an ingest (50 jobs)", touched)
        let escalator = try await samples(repeats: 20) { try await engine.escalator.tick(at: now) }
        report("escalator tick (no step due)", escalator)
        let notices = try await samples(repeats: 20) { try await engine.notices.tick(at: now) }
        report("notice planner tick (\(count / 10) pipelines with deadlines)", notices)
    }
}

private func report(_ what: String, _ sorted: [Double]) {
    let median = sorted[sorted.count / 2]
    let worst = sorted[sorted.count - 1]
    print("\(what): median \(format(median * 1000)) ms, max \(format(worst * 1000)) ms")
}

private func format(_ value: Double) -> String { String(format: "%.1f", value) }
