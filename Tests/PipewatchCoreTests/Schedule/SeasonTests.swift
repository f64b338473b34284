import Foundation
import PipewatchCore
import PipewatchTestSupport
import Testing

@Suite("seasons of daily shifts")
struct SeasonTests {
    static let daily = [
        ("b", "2026-12-20"), ("c", "2026-12-21"), ("d", "2026-12-22"), ("a", "2026-12-23"),
        ("b", "2026-12-24"), ("c", "2026-12-25"), ("d", "2026-12-26"), ("a", "2026-12-27"),
        ("b", "2026-12-28"), ("c", "2026-12-29"), ("d", "2026-12-30"), ("a", "2026-12-31"),
        ("b", "2027-01-01"), ("c", "2027-01-02"), ("d", "2027-01-03"), ("a", "2027-01-04"),
        ("b", "2027-01-05"),
    ]

    @Test("a season across New Year splits duty into daily shifts at the handoff time, in turn")
    func acrossNewYear() throws {
        // Given the seed rotation, no holidays, and the year-end season 12-20 to 01-05
        let calculator = try ScheduleFixtures.seedCalculator(holidays: [:], seasons: [ScheduleFixtures.yearEndSeason])
        // When computing December through the first week of January
        let result = try schedule(calculator, "2026-12-14T09:00:00-05:00", "2027-01-11T09:00:00-05:00")
        // Then the rotation stops at the season, each day goes round in order, and the rotation resumes
        let days = Self.daily.map { engineer, day in
            let start = ScheduleFixtures.date(day)
            return "\(engineer) season \(start)T09:00:00-05:00..\(start.adding(days: 1))T09:00:00-05:00"
        }
        #expect(
            lines(result)
                == ["b rotation 2026-12-14T09:00:00-05:00..2026-12-20T09:00:00-05:00"] + days + [
                    "a rotation 2027-01-06T09:00:00-05:00..2027-01-11T09:00:00-05:00"
                ]
        )
    }

    @Test("a range starting in January sees the same season days as one starting in December")
    func rangeIndependent() throws {
        let calculator = try ScheduleFixtures.seedCalculator(seasons: [ScheduleFixtures.yearEndSeason])
        let long = try schedule(calculator, "2026-12-01T00:00:00-05:00", "2027-01-31T00:00:00-05:00")
        let short = try schedule(calculator, "2027-01-01T00:00:00-05:00", "2027-01-08T00:00:00-05:00")
        for hour in stride(from: 0.0, to: 7 * 24, by: 1) {
            let instant = ScheduleFixtures.instant("2027-01-01T00:30:00-05:00").addingTimeInterval(hour * 3600)
            #expect(long.engineer(at: instant) == short.engineer(at: instant))
        }
    }

    @Test("a season day goes to someone available all day; Christmas leaves only D")
    func seasonRespectsHolidays() throws {
        let calculator = try ScheduleFixtures.seedCalculator(seasons: [ScheduleFixtures.yearEndSeason])
        let result = try schedule(calculator, "2026-12-25T09:00:00-05:00", "2026-12-26T09:00:00-05:00")
        #expect(lines(result) == ["d season 2026-12-25T09:00:00-05:00..2026-12-26T09:00:00-05:00"])
        #expect(result.shifts.first?.note == "Year-end holidays")
    }
}
