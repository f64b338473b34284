import Foundation
import PipewatchCore
import PipewatchTestSupport
import Testing

@Suite("weekly rotation")
struct RotationTests {
    struct DSTCase: CustomTestStringConvertible, Sendable {
        let zone: String
        let at: String
        let expected: String
        let hours: Double
        var testDescription: String { "\(zone) \(at)" }
    }

    @Test(
        "a 09:00 handoff stays at 09:00 local across both daylight-saving switches",
        arguments: [
            DSTCase(
                zone: "America/New_York",
                at: "2026-03-05T12:00:00-05:00",
                expected: "a rotation 2026-03-02T09:00:00-05:00..2026-03-09T09:00:00-04:00",
                hours: 167
            ),
            DSTCase(
                zone: "America/New_York",
                at: "2026-10-29T12:00:00-04:00",
                expected: "c rotation 2026-10-26T09:00:00-04:00..2026-11-02T09:00:00-05:00",
                hours: 169
            ),
            DSTCase(
                zone: "Europe/Berlin",
                at: "2026-03-26T12:00:00+01:00",
                expected: "d rotation 2026-03-23T09:00:00+01:00..2026-03-30T09:00:00+02:00",
                hours: 167
            ),
            DSTCase(
                zone: "Europe/Berlin",
                at: "2026-10-22T12:00:00+02:00",
                expected: "b rotation 2026-10-19T09:00:00+02:00..2026-10-26T09:00:00+01:00",
                hours: 169
            ),
        ]
    )
    func handoffAcrossDaylightSaving(_ example: DSTCase) throws {
        // Given the seed rotation with no holidays, in the team's zone
        let calculator = try ScheduleFixtures.seedCalculator(holidays: [:], teamZone: example.zone)
        // When asking who is on call during the week of the switch
        let coverage = try calculator.coverage(at: ScheduleFixtures.instant(example.at))
        // Then the shift starts and ends at 09:00 local and is an hour shorter or longer
        guard case .onCall(let shift) = coverage else {
            Issue.record("expected a shift, got \(coverage)")
            return
        }
        let zone = ScheduleFixtures.zone(example.zone)
        #expect(
            "\(shift.engineer) \(shift.reason) \(ISO8601Text.format(shift.start, in: zone))..\(ISO8601Text.format(shift.end, in: zone))"
                == example.expected
        )
        #expect(shift.duration == example.hours * 3600)
    }

    @Test("the rotation cycles A, B, C, D from the first handoff, with a gap before it")
    func plainCycle() throws {
        let calculator = try ScheduleFixtures.seedCalculator(holidays: [:])
        let result = try schedule(calculator, "2026-01-01T00:00:00-05:00", "2026-02-09T09:00:00-05:00")
        #expect(
            lines(result) == [
                "gap 2026-01-01T00:00:00-05:00..2026-01-05T09:00:00-05:00",
                "a rotation 2026-01-05T09:00:00-05:00..2026-01-12T09:00:00-05:00",
                "b rotation 2026-01-12T09:00:00-05:00..2026-01-19T09:00:00-05:00",
                "c rotation 2026-01-19T09:00:00-05:00..2026-01-26T09:00:00-05:00",
                "d rotation 2026-01-26T09:00:00-05:00..2026-02-02T09:00:00-05:00",
                "a rotation 2026-02-02T09:00:00-05:00..2026-02-09T09:00:00-05:00",
            ]
        )
        #expect(result.gaps.first?.uncovered == nil)
    }

    @Test("a start date that is not a handoff weekday begins at the next handoff weekday")
    func startOnOtherWeekday() throws {
        var policy = ScheduleFixtures.seedPolicy()
        policy.starts = ScheduleFixtures.date("2026-01-01")
        let calculator = try ScheduleCalculator(
            policy: policy,
            timeZone: ScheduleFixtures.zone("America/New_York"),
            engineers: ScheduleFixtures.seedEngineers,
            calendar: TableDayOffCalendar()
        )
        #expect(calculator.firstHandoff == ScheduleFixtures.instant("2026-01-05T09:00:00-05:00"))
    }

    @Test("a rotation naming an undeclared engineer is rejected")
    func unknownEngineer() {
        var policy = ScheduleFixtures.seedPolicy()
        policy.rotation.append("e")
        let error = #expect(throws: ScheduleError.self) {
            try ScheduleCalculator(
                policy: policy,
                timeZone: ScheduleFixtures.zone("America/New_York"),
                engineers: ScheduleFixtures.seedEngineers,
                calendar: TableDayOffCalendar()
            )
        }
        #expect(error?.description == "engineer 'e' is in the on-call rotation but not declared in 'engineers'")
    }

    @Test("days off before the range are read only where the calendar knows them; inside the range they must be")
    func calendarLeadIn() throws {
        // Given a rotation running since June 2025, the year-end season, and a table knowing 2026-2027 only
        var policy = ScheduleFixtures.seedPolicy(seasons: [ScheduleFixtures.yearEndSeason])
        policy.starts = ScheduleFixtures.date("2025-06-02")
        let limited = try ScheduleCalculator(
            policy: policy,
            timeZone: ScheduleFixtures.zone("America/New_York"),
            engineers: ScheduleFixtures.seedEngineers,
            calendar: TableDayOffCalendar(ScheduleFixtures.seedHolidays2026, coveredYears: 2026...2027)
        )
        let unlimited = try ScheduleCalculator(
            policy: policy,
            timeZone: ScheduleFixtures.zone("America/New_York"),
            engineers: ScheduleFixtures.seedEngineers,
            calendar: TableDayOffCalendar(ScheduleFixtures.seedHolidays2026)
        )
        // When asking for 2026, whose season started on 2025-12-20
        // Then the answer is the same as with a table that knows every year
        #expect(try limited.fairness(year: 2026) == unlimited.fairness(year: 2026))
        // And asking about December 2025 itself is an error
        let error = #expect(throws: ScheduleError.self) {
            try schedule(limited, "2025-12-15T00:00:00-05:00", "2025-12-16T00:00:00-05:00")
        }
        #expect(
            error?.description
                == "cannot tell the days off of engineer 'a' in 2025, which the range asked for reaches: "
                + "holidays of 'US-NY' are known for 2026 through 2027 only"
        )
    }

    @Test("a calendar that cannot answer for the year makes the computation fail with its reason")
    func calendarOutsideCoverage() throws {
        let calculator = try ScheduleCalculator(
            policy: ScheduleFixtures.seedPolicy(),
            timeZone: ScheduleFixtures.zone("America/New_York"),
            engineers: ScheduleFixtures.seedEngineers,
            calendar: TableDayOffCalendar(coveredYears: 2026...2026)
        )
        let error = #expect(throws: ScheduleError.self) {
            try schedule(calculator, "2027-06-01T00:00:00-04:00", "2027-06-02T00:00:00-04:00")
        }
        #expect(
            error?.description
                == "cannot tell the days off of engineer 'a' in 2027, which the range asked for reaches: "
                + "holidays of 'US-NY' are known for 2026 through 2026 only"
        )
    }
}
