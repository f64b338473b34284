import Foundation
import PipewatchCore
import PipewatchTestSupport
import Testing

@Suite("edge cases of time and people")
struct EdgeCaseTests {
    static func dailyBerlin(starts: String, handoff: TimeOfDay) throws -> ScheduleCalculator {
        var policy = ScheduleFixtures.seedPolicy()
        policy.shift = .seconds(86_400)
        policy.starts = ScheduleFixtures.date(starts)
        policy.handoff = Handoff(weekday: ScheduleFixtures.date(starts).weekday, time: handoff)
        return try ScheduleCalculator(
            policy: policy,
            timeZone: ScheduleFixtures.zone("Europe/Berlin"),
            engineers: ScheduleFixtures.seedEngineers,
            calendar: TableDayOffCalendar()
        )
    }

    @Test("a handoff at a wall time skipped by the spring switch (Berlin, 2024-03-31T01:00Z) moves past the gap")
    func skippedHandoff() throws {
        let calculator = try Self.dailyBerlin(
            starts: "2024-03-25",
            handoff: try #require(TimeOfDay(hour: 2, minute: 30))
        )
        let result = try schedule(calculator, "2024-03-30T02:30:00+01:00", "2024-04-01T02:30:00+02:00")
        #expect(
            lines(result) == [
                "b rotation 2024-03-30T02:30:00+01:00..2024-03-31T03:30:00+02:00",
                "c rotation 2024-03-31T03:30:00+02:00..2024-04-01T02:30:00+02:00",
            ]
        )
    }

    @Test("daily shifts run through 29 February")
    func leapDay() throws {
        let calculator = try Self.dailyBerlin(
            starts: "2028-02-28",
            handoff: try #require(TimeOfDay(hour: 9, minute: 0))
        )
        let result = try schedule(calculator, "2028-02-28T09:00:00+01:00", "2028-03-01T09:00:00+01:00")
        #expect(
            lines(result) == [
                "a rotation 2028-02-28T09:00:00+01:00..2028-02-29T09:00:00+01:00",
                "b rotation 2028-02-29T09:00:00+01:00..2028-03-01T09:00:00+01:00",
            ]
        )
    }

    @Test("a week crossing New Year: each year's part of an absence is chosen by that year's hours")
    func acrossNewYear() throws {
        // D's week runs 2026-12-28 to 2027-01-04; D is away 12-31 and 01-01 (Kolkata days), A on 12-31.
        // 2026's piece goes to B (least hours in 2026 among those available), 2027's to A (all at
        // zero, the next after D).
        let calculator = try ScheduleFixtures.seedCalculator(
            holidays: [:],
            timeOff: [
                TimeOff(
                    engineer: "d",
                    from: ScheduleFixtures.date("2026-12-31"),
                    to: ScheduleFixtures.date("2027-01-01")
                ),
                TimeOff(
                    engineer: "a",
                    from: ScheduleFixtures.date("2026-12-31"),
                    to: ScheduleFixtures.date("2026-12-31")
                ),
            ]
        )
        let result = try schedule(calculator, "2026-12-28T09:00:00-05:00", "2027-01-04T09:00:00-05:00")
        #expect(
            lines(result) == [
                "d rotation 2026-12-28T09:00:00-05:00..2026-12-30T13:30:00-05:00",
                "b substitute(d) 2026-12-30T13:30:00-05:00..2027-01-01T00:00:00-05:00",
                "a substitute(d) 2027-01-01T00:00:00-05:00..2027-01-01T13:30:00-05:00",
                "d rotation 2027-01-01T13:30:00-05:00..2027-01-04T09:00:00-05:00",
            ]
        )
    }

    @Test("an accepted swap whose taker later takes time off stays with the requester on those days")
    func swapTakerLaterAway() throws {
        let swap = SwapTests.request(
            "b",
            "c",
            "2026-03-09T09:00:00-04:00",
            "2026-03-12T09:00:00-04:00",
            filed: "2026-03-01T09:00:00-05:00",
            status: .accepted
        )
        let calculator = try ScheduleFixtures.seedCalculator(
            holidays: [:],
            timeOff: [
                TimeOff(
                    engineer: "c",
                    from: ScheduleFixtures.date("2026-03-10"),
                    to: ScheduleFixtures.date("2026-03-10")
                )
            ],
            swaps: [swap]
        )
        let result = try schedule(calculator, "2026-03-09T09:00:00-04:00", "2026-03-16T09:00:00-04:00")
        #expect(
            lines(result) == [
                "c swap(b) 2026-03-09T09:00:00-04:00..2026-03-09T19:00:00-04:00",
                "b rotation 2026-03-09T19:00:00-04:00..2026-03-10T19:00:00-04:00",
                "c swap(b) 2026-03-10T19:00:00-04:00..2026-03-12T09:00:00-04:00",
                "b rotation 2026-03-12T09:00:00-04:00..2026-03-16T09:00:00-04:00",
            ]
        )
    }

    @Test("an override may name an engineer outside the rotation, and fills a gap")
    func overrideOutsideRotation() throws {
        let override = Override(
            id: 7,
            engineer: "lead",
            start: ScheduleFixtures.instant("2026-01-02T00:00:00-05:00"),
            end: ScheduleFixtures.instant("2026-01-03T00:00:00-05:00"),
            reason: "holiday cover",
            createdAt: ScheduleFixtures.instant("2026-01-01T00:00:00-05:00")
        )
        let calculator = try ScheduleFixtures.seedCalculator(overrides: [override])
        let result = try schedule(calculator, "2026-01-01T00:00:00-05:00", "2026-01-05T09:00:00-05:00")
        #expect(
            lines(result) == [
                "gap 2026-01-01T00:00:00-05:00..2026-01-02T00:00:00-05:00",
                "lead override 2026-01-02T00:00:00-05:00..2026-01-03T00:00:00-05:00",
                "gap 2026-01-03T00:00:00-05:00..2026-01-05T09:00:00-05:00",
            ]
        )
    }

    @Test("lookup outside the computed range says so")
    func outsideRange() throws {
        let result = try schedule(
            try ScheduleFixtures.seedCalculator(),
            "2026-02-01T00:00:00-05:00",
            "2026-02-02T00:00:00-05:00"
        )
        #expect(result.coverage(at: ScheduleFixtures.instant("2026-02-02T00:00:00-05:00")) == .outsideRange)
        #expect(result.coverage(at: ScheduleFixtures.instant("2026-01-31T23:59:59-05:00")) == .outsideRange)
        #expect(result.engineer(at: ScheduleFixtures.instant("2026-02-01T00:00:00-05:00")) == "d")
    }

    @Test("an empty range is refused with both ends in the message")
    func emptyRange() throws {
        let calculator = try ScheduleFixtures.seedCalculator()
        let error = #expect(throws: ScheduleError.self) {
            try schedule(calculator, "2026-02-02T00:00:00-05:00", "2026-02-01T00:00:00-05:00")
        }
        #expect(
            error?.description
                == "the range from '2026-02-02T00:00:00-05:00' to '2026-02-01T00:00:00-05:00' is empty: the end must be after the start"
        )
    }
}

@Suite("helpers for the commands")
struct CommandHelperTests {
    @Test("an override on someone's day off can be warned about; uncovered gaps leave out the time before the start")
    func helpers() throws {
        let calculator = try ScheduleFixtures.seedCalculator()
        let absences = try calculator.absences(
            of: "a",
            from: ScheduleFixtures.instant("2026-05-24T12:00:00-04:00"),
            to: ScheduleFixtures.instant("2026-05-26T12:00:00-04:00")
        )
        #expect(absences.map(\.date) == [ScheduleFixtures.date("2026-05-25")])
        #expect(absences.map(\.reason) == [.publicHoliday(name: "Memorial Day")])
        let early = try schedule(calculator, "2026-01-01T00:00:00-05:00", "2026-02-01T00:00:00-05:00")
        #expect(early.gaps.count == 1)
        #expect(early.uncoveredGaps.isEmpty)
    }
}

@Suite("before the rotation starts")
struct BeforeStartTests {
    @Test("asking about a time before the first handoff needs no holidays and answers with a gap")
    func beforeStart() throws {
        let calculator = try ScheduleCalculator(
            policy: ScheduleFixtures.seedPolicy(),
            timeZone: ScheduleFixtures.zone("America/New_York"),
            engineers: ScheduleFixtures.seedEngineers,
            calendar: TableDayOffCalendar(coveredYears: 2026...2026)
        )
        let coverage = try calculator.coverage(at: ScheduleFixtures.instant("2025-06-01T12:00:00-04:00"))
        guard case .gap(let gap) = coverage else {
            Issue.record("expected a gap, got \(coverage)")
            return
        }
        #expect(gap.explanation == "the rotation has not started")
    }
}

@Suite("who is on call now")
struct OnCallNowTests {
    @Test("oncall now reads the clock once and asks the calculator about that instant")
    func now() throws {
        // Given a clock pinned on a Wednesday of A's first week
        let clock = ManualWallClock(iso: "2026-01-07T15:00:00-05:00")
        let calculator = try ScheduleFixtures.seedCalculator(holidays: [:])
        // When asking now, and again a week later
        let first = try calculator.coverage(at: clock.now)
        clock.advance(by: 7 * 86_400)
        let second = try calculator.coverage(at: clock.now)
        // Then A, since Monday 09:00 until next Monday 09:00, then B
        let zone = ScheduleFixtures.zone("America/New_York")
        guard case .onCall(let a) = first, case .onCall(let b) = second else {
            Issue.record("expected shifts, got \(first) and \(second)")
            return
        }
        #expect(a.engineer == "a")
        #expect(ISO8601Text.format(a.start, in: zone) == "2026-01-05T09:00:00-05:00")
        #expect(ISO8601Text.format(a.end, in: zone) == "2026-01-12T09:00:00-05:00")
        #expect(a.explanation == "rotation")
        #expect(b.engineer == "b")
    }
}
