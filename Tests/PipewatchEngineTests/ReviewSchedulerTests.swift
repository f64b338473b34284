import Foundation
import PipewatchCore
import PipewatchEngine
import PipewatchStore
import PipewatchTestSupport
import Testing

/// The review schedule (`review: {every: 2 weeks, notify: team}`) on a test clock: each period's
/// review goes to the team once, through the outbox, and a restart does not send it again.
@Suite("Review scheduler")
struct ReviewSchedulerTests {
    /// Two engineers in London (the dispatcher's plan) with a team channel and a two-week review from Monday 5 January.
    private static func plan() -> TeamPlan {
        var plan = DispatcherTests.plan(base: "http://127.0.0.1:9")
        plan.catalog.team.contacts = [.slack(url: .literal("http://127.0.0.1:9/team"))]
        plan.review = ReviewSchedule(everyDays: 14, notify: [.team], starts: ScheduleFixtures.date("2026-01-05"))
        return plan
    }

    private func reviews(_ store: SQLStateStore) async throws -> [OutboxMessage] {
        try await store.messages(incidentID: nil, state: nil, limit: 100).filter { $0.kind == "review" }
    }

    /// Yields until `condition` holds (bounded), while the service's task runs.
    private func until(_ condition: () async throws -> Bool) async rethrows {
        for _ in 0..<100_000 {
            if try await condition() { return }
            await Task.yield()
        }
    }

    @Test("the running service sends each period's review once, when the clock passes the period's end")
    func oncePerPeriod() async throws {
        try await withTestStore(.sqlite) { (store: SQLStateStore) async throws in
            // Given the engine at Sunday 18 January 23:59 London, a minute before the first period ends
            let clock = TestClock(iso: "2026-01-18T23:59:00Z")
            let engine = DispatcherTests.engine(Self.plan(), store, clock)
            try await DispatcherTests.openIncident(engine, store, at: ScheduleFixtures.instant("2026-01-06T10:00:00Z"))
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await engine.reviews.run() }
                await until { clock.sleeperCount > 0 }
                let early = try await reviews(store)
                #expect(early.isEmpty, "not before the period ends")
                // When the clock passes midnight
                clock.advance(by: .seconds(60))
                try await until { try await reviews(store).count == 1 && clock.sleeperCount > 0 }
                // And the service looks again, a minute and a day later
                clock.advance(by: .seconds(60))
                await until { clock.sleeperCount > 0 }
                clock.advance(by: .seconds(86_400))
                await until { clock.sleeperCount > 0 }
                // Then the team got the first period's review once, as Markdown
                let sent = try await reviews(store)
                #expect(sent.count == 1)
                #expect(sent.first?.recipient == "team")
                #expect(sent.first?.title == "Review of 2026-01-05 to 2026-01-18: 1 incident")
                #expect(sent.first?.body.contains("## Incidents per pipeline") == true)
                #expect(sent.first?.body.contains("| orders | 1 |") == true)
                // And the next period's comes when it ends, two weeks later
                clock.advance(by: .seconds(13 * 86_400))
                try await until { try await reviews(store).count == 2 && clock.sleeperCount > 0 }
                #expect(
                    try await reviews(store).first?.title.hasPrefix("Review of 2026-01-19 to 2026-02-01") == true,
                    "newest first"
                )
                group.cancelAll()
            }
        }
    }

    @Test("a restarted engine does not send a period's review again: the store remembers it was queued")
    func restart() async throws {
        try await withTestStore(.sqlite) { (store: SQLStateStore) async throws in
            let clock = TestClock(iso: "2026-01-19T08:00:00Z")
            let first = DispatcherTests.engine(Self.plan(), store, clock)
            #expect(try await first.reviews.tick(at: clock.wall.now) == 1)
            // A new engine over the same store, as after a restart, later the same period
            clock.advance(by: .seconds(3600))
            let second = DispatcherTests.engine(Self.plan(), store, clock)
            #expect(try await second.reviews.tick(at: clock.wall.now) == 0)
            #expect(try await reviews(store).count == 1)
        }
    }
}
