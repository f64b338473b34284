import Foundation
import PipewatchCore
import PipewatchEngine
import PipewatchStore
import PipewatchTestSupport
import Testing

/// The background services as `pipewatch serve` runs them, with a test clock that the test moves:
/// nothing here sleeps for real.
@Suite("Service loops on a test clock")
struct ServiceLoopTests {
    /// Yields until `condition` holds (bounded), for work another task does on loopback.
    private func until(_ condition: () -> Bool) async {
        for _ in 0..<1_000_000 where !condition() { await Task.yield() }
    }

    @Test("the dispatcher retries a failed page when the clock passes its backoff, not before")
    func dispatcherLoop() async throws {
        let receiver = WebhookReceiver(failing: 1)
        try await receiver.serve { base in
            try await withTestStore(.sqlite) { store in
                let clock = TestClock(iso: "2026-03-25T12:00:00Z")
                let engine = Engine(
                    plan: DispatcherTests.plan(base: base),
                    store: store,
                    clock: clock,
                    wallClock: clock.wall,
                    environment: ["SECRET": "s"],
                    logger: .discarding
                )
                try await DispatcherTests.openIncident(engine, store, at: clock.wall.now)
                await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask { try await engine.dispatcher.run() }
                    // The first attempt fails at once; the loop then sleeps on the test clock
                    await until { receiver.refusals == 1 && clock.sleeperCount > 0 }
                    #expect(receiver.deliveries.isEmpty)
                    // A second passes: still within the backoff, nothing is sent
                    clock.advance(by: .seconds(1))
                    await until { clock.sleeperCount > 0 }
                    #expect(receiver.refusals == 1 && receiver.deliveries.isEmpty)
                    // Past the backoff (7 s ± 20 %), the page goes out
                    clock.advance(by: .seconds(9))
                    var arrivals = receiver.arrivals.makeAsyncIterator()
                    let delivered = await arrivals.next()
                    #expect(delivered?.path == "/b")
                    group.cancelAll()
                }
            }
        }
    }

    @Test("engineers whose shift starts within a day are reminded once to read the investor run books")
    func runbookReminders() async throws {
        let plan = try SeedWorld.plan()
        try await withTestStore(.sqlite) { store in
            let clock = TestClock(start: SeedEscalationTests.failureTime)
            let engine = SeedWorld.engine(plan: plan, store: store, clock: clock, environment: [:])
            let first = try await engine.notices.runbookReminders(at: clock.wall.now)
            #expect(first > 0)
            #expect(try await engine.notices.runbookReminders(at: clock.wall.now) == 0)
            let reminder = try #require(try await store.messages(incidentID: nil, state: nil, limit: 10).first)
            #expect(reminder.kind == "reminder")
            #expect(reminder.body.contains("pipewatch runbook ack investor-profit --as"))
            // When everyone has read every investor run book, a day later nobody is reminded
            for pipeline in engine.familiarity.investorPipelines {
                for engineer in plan.catalog.engineers {
                    _ = try await engine.familiarity.acknowledge(pipeline, by: engineer.id, at: clock.wall.now)
                }
            }
            #expect(try await engine.familiarity.unread().allSatisfy { $0.missing.isEmpty })
            clock.advance(by: .seconds(86_400))
            #expect(try await engine.notices.runbookReminders(at: clock.wall.now) == 0)
        }
    }
}
