import Foundation
import PipewatchCore
import PipewatchEngine
import PipewatchStore
import PipewatchTestSupport
import Testing

/// Shift notices through the outbox: the incoming engineer is reminded, the team hears of gaps.
@Suite("Shift notices")
struct ShiftNoticeTests {
    private func engine(_ store: SQLStateStore, at iso: String) -> (Engine, TestClock) {
        var plan = DispatcherTests.plan(base: "http://127.0.0.1:9")
        plan.catalog.team.contacts = [.slack(url: .literal("http://127.0.0.1:9/team"))]
        let clock = TestClock(iso: iso)
        let engine = DispatcherTests.engine(plan, store, clock)
        return (engine, clock)
    }

    @Test("the incoming engineer is reminded a day before the handoff and at its start, each once")
    func handoffReminders() async throws {
        try await withTestStore(.sqlite) { store in
            // Given a takes over from b on Monday 2026-03-30 at 09:00 London time (BST)
            let (engine, clock) = engine(store, at: "2026-03-29T08:10:00Z")
            // When the notice planner looks a day before
            // (the team also hears of Good Friday, when both engineers in GB are off)
            #expect(try await engine.notices.shiftNotices(at: clock.wall.now) == 2)
            #expect(try await engine.notices.shiftNotices(at: clock.wall.now) == 0, "once")
            // And again at the start
            clock.advance(by: .seconds(86_400))
            #expect(try await engine.notices.shiftNotices(at: clock.wall.now) == 1)
            // Then a got both, in a's own time
            let messages = try await store.messages(incidentID: nil, state: nil, limit: 10)
                .filter { $0.kind == "shift_reminder" }
            #expect(messages.map(\.recipient) == ["engineer:a", "engineer:a"])
            #expect(
                Set(messages.map(\.title)) == [
                    "You are on call from 2026-03-30T09:00:00+01:00", "Your on-call shift starts now",
                ]
            )
        }
    }

    @Test("oncall.reminders sets when the incoming engineer is reminded")
    func configuredReminders() async throws {
        // Given reminders two hours before a shift only, an hour and fifty minutes before a's
        var plan = DispatcherTests.plan(base: "http://127.0.0.1:9")
        plan.oncall?.reminders = [.seconds(7200)]
        try await withTestStore(.sqlite) { [plan] (store: SQLStateStore) async throws in
            let clock = TestClock(iso: "2026-03-30T06:10:00Z")
            let reminding = DispatcherTests.engine(plan, store, clock)
            #expect(try await reminding.notices.shiftNotices(at: clock.wall.now) == 1)
            // And none at the start
            clock.advance(by: .seconds(7200))
            #expect(try await reminding.notices.shiftNotices(at: clock.wall.now) == 0)
        }
    }

    @Test("a gap in the next 14 days reaches the team once, with why nobody can be on call")
    func gapNotice() async throws {
        try await withTestStore(.sqlite) { store in
            // Given both engineers keep Christmas Day (both in GB), twelve days ahead
            let (engine, clock) = engine(store, at: "2026-12-13T12:00:00Z")
            _ = try await engine.notices.shiftNotices(at: clock.wall.now)
            let gaps = try await store.messages(incidentID: nil, state: nil, limit: 10)
                .filter { $0.kind == "schedule_gap" }
            #expect(gaps.count == 1)
            #expect(gaps.first?.recipient == "team")
            #expect(gaps.first?.title.hasPrefix("Nobody can be on call from 2026-12-25T") == true)
            #expect(gaps.first?.body.contains("Christmas Day") == true, "\(gaps.map(\.body))")
            #expect(gaps.first?.title.hasSuffix("to 2026-12-27T00:00:00+00:00") == true)
            #expect(try await engine.notices.shiftNotices(at: clock.wall.now) == 0, "once")
        }
    }

    @Test("a swap request reaches its taker, and the decision its requester, each once")
    func swapNotices() async throws {
        try await withTestStore(.sqlite) { store in
            let (engine, clock) = engine(store, at: "2026-03-10T12:00:00Z")
            // Given b asks a to take Thursday and Friday of b's week
            let swap = try await store.fileSwapRequest(
                requester: "b",
                taker: "a",
                interval: ScheduleFixtures.instant(
                    "2026-03-19T09:00:00Z"
                )..<ScheduleFixtures.instant("2026-03-21T09:00:00Z"),
                reason: "conference",
                at: clock.wall.now,
                audit: { AuditDraft(at: $0.requestedAt, actor: "b", action: "swap.request", detail: "#\($0.id)") }
            )
            // When the planner looks, then again after a accepts
            _ = try await engine.notices.swapNotices(at: clock.wall.now)
            #expect(try await engine.notices.swapNotices(at: clock.wall.now) == 0, "once")
            _ = try await store.decideSwapRequest(
                id: swap.id,
                as: .accepted,
                at: clock.wall.now,
                audit: { AuditDraft(at: $0.requestedAt, actor: "a", action: "swap.accept", detail: "#\($0.id)") }
            )
            _ = try await engine.notices.swapNotices(at: clock.wall.now)
            // Then a heard of the request, with how to answer, and b of the acceptance
            let messages = try await store.messages(incidentID: nil, state: nil, limit: 10)
                .filter { $0.kind.hasPrefix("swap_") }
                .sorted { $0.id < $1.id }
            #expect(messages.map(\.recipient) == ["engineer:a", "engineer:b"])
            #expect(
                messages.first?.title
                    == "Swap request #\(swap.id): b asks you to take 2026-03-19T09:00:00+00:00 to 2026-03-21T09:00:00+00:00"
            )
            #expect(messages.first?.body.contains("pipewatch swap accept \(swap.id) --as a") == true)
            #expect(messages.last?.title.hasPrefix("Your swap request #\(swap.id) was accepted by a:") == true)
        }
    }

    @Test("time off that moves shifts tells each engineer whose shifts moved, with their shifts now, once")
    func scheduleChange() async throws {
        try await withTestStore(.sqlite) { store in
            // Given the planner has seen the schedule once (a is on call from Monday 2026-03-16)
            let (engine, clock) = engine(store, at: "2026-03-10T12:00:00Z")
            #expect(try await engine.notices.scheduleChangeNotices(at: clock.wall.now) == 0)
            // When a takes two days off in that week
            _ = try await store.addTimeOff(
                TimeOff(
                    engineer: "a",
                    from: ScheduleFixtures.date("2026-03-17"),
                    to: ScheduleFixtures.date("2026-03-18")
                ),
                at: clock.wall.now,
                audit: { AuditDraft(at: $0.createdAt, actor: "a", action: "timeoff.add", detail: "#\($0.id)") }
            )
            clock.advance(by: .seconds(60))
            // Then a and b (who covers) hear that their shifts changed, and only once
            #expect(try await engine.notices.scheduleChangeNotices(at: clock.wall.now) == 2)
            #expect(try await engine.notices.scheduleChangeNotices(at: clock.wall.now) == 0)
            let messages = try await store.messages(incidentID: nil, state: nil, limit: 10)
                .filter { $0.kind == "schedule_change" }
            #expect(Set(messages.map(\.recipient)) == ["engineer:a", "engineer:b"])
            let toB = try #require(messages.first { $0.recipient == "engineer:b" })
            #expect(toB.body.contains("2026-03-17T00:00:00+00:00"), "\(toB.body)")
            // And when both are off on the same day three weeks ahead, the team hears of the gap at once
            for engineer in ["a", "b"] {
                _ = try await store.addTimeOff(
                    TimeOff(
                        engineer: EngineerID(engineer),
                        from: ScheduleFixtures.date("2026-04-01"),
                        to: ScheduleFixtures.date("2026-04-01")
                    ),
                    at: clock.wall.now,
                    audit: { AuditDraft(at: $0.createdAt, actor: engineer, action: "timeoff.add", detail: "#\($0.id)") }
                )
            }
            _ = try await engine.notices.scheduleChangeNotices(at: clock.wall.now)
            let gaps = try await store.messages(incidentID: nil, state: nil, limit: 20)
                .filter { $0.kind == "schedule_gap" }
            #expect(
                gaps.map(\.title) == [
                    "Nobody can be on call from 2026-04-01T00:00:00+01:00 to 2026-04-02T00:00:00+01:00"
                ]
            )
        }
    }

    @Test("a shift reminder by email comes from the configured address")
    func reminderEmailFrom() async throws {
        var plan = DispatcherTests.plan(base: "http://127.0.0.1:9")
        plan.smtp = SMTPSettings(host: "127.0.0.1", from: "oncall@example.com")
        plan.catalog.engineers[0].contacts = [.email(address: "a@example.com")]
        try await withTestStore(.sqlite) { [plan] (store: SQLStateStore) async throws in
            let clock = TestClock(iso: "2026-03-29T08:10:00Z")  // a day before a's shift
            _ = try await DispatcherTests.engine(plan, store, clock).notices.shiftNotices(at: clock.wall.now)
            let email = try #require(
                try await store.messages(incidentID: nil, state: nil, limit: 10).first { $0.channel == "email" }
            )
            #expect(email.body.contains("From: Pipewatch <oncall@example.com>"), "\(email.body.prefix(300))")
        }
    }
}
