import Foundation
import PipewatchCore
import PipewatchTestSupport
import Testing

@Suite("fairness report")
struct FairnessReportTests {
    @Test("a plain year: thirteen weeks each, DST weeks an hour short or long, the last week cut at New Year")
    func plainYear() throws {
        // Given the seed rotation with no holidays
        let calculator = try ScheduleFixtures.seedCalculator(holidays: [:])
        // When reporting on 2026
        let report = try calculator.fairness(year: 2026)
        // Then
        #expect(report.lines.map(\.engineer) == ["a", "b", "c", "d"])
        #expect(report.lines.map(\.onCallHours) == [2183, 2184, 2185, 2103])
        #expect(report.lines.map(\.shifts) == [13, 13, 13, 13])
        #expect(report.lines.map(\.weekendDays) == [26, 26, 26, 24])
        #expect(report.lines.map(\.substitutionsGiven) == [0, 0, 0, 0])
        #expect(report.spreadHours == 82)
        #expect(report.mostLoaded == "c")
        #expect(report.leastLoaded == "d")
        #expect(report.gapHours == 0)
        #expect(report.gaps.count == 1)
    }

    @Test("with the seed's holidays and a year-end season, every hour is accounted for")
    func seedYear() throws {
        let calculator = try ScheduleFixtures.seedCalculator(seasons: [ScheduleFixtures.yearEndSeason])
        let report = try calculator.fairness(year: 2026)
        let hoursAfterStart =
            ScheduleFixtures.instant("2027-01-01T00:00:00-05:00").timeIntervalSince(
                ScheduleFixtures.instant("2026-01-05T09:00:00-05:00")
            ) / 3600
        #expect(report.lines.reduce(0) { $0 + $1.onCallHours } + report.gapHours == hoursAfterStart)
        #expect(
            report.lines.reduce(0) { $0 + $1.substitutionsGiven }
                == report.lines.reduce(0) { $0 + $1.substitutionsReceived }
        )
        // 13 season days in 2026: 01-05 (the first handoff, A's) and 12-20 through 12-31, three each.
        #expect(report.lines.map(\.seasonDays) == [4, 3, 3, 3])
        // Memorial Day: D covered A's holiday.
        #expect((report.lines.first { $0.engineer == "d" }?.holidaysCoveredForOthers ?? 0) >= 1)
        #expect(report.spreadHours < 24 * 7)
    }
}
