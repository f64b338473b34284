import Foundation
import PipewatchCore
import PipewatchTestSupport
import Testing

@Suite("planning past a holiday table's end")
struct ProvisionalHolidayTests {
    /// A two-person rotation: `a` in New York, `li` in Shanghai, handing off Mondays 09:00 New York.
    private func calculator(assignments: [TeamDayOffCalendar.Assignment] = []) throws -> ScheduleCalculator {
        let policy = OncallPolicy(
            rotation: ["a", "li"],
            handoff: Handoff(weekday: .monday, time: TimeOfDay(hour: 9, minute: 0) ?? .midnight),
            starts: ScheduleFixtures.date("2026-01-05")
        )
        return try ScheduleCalculator(
            policy: policy,
            timeZone: ScheduleFixtures.zone("America/New_York"),
            engineers: [
                ScheduleFixtures.engineer("a", region: "US-NY", zone: "America/New_York"),
                ScheduleFixtures.engineer("li", region: "CN", zone: "Asia/Shanghai"),
            ],
            calendar: TeamDayOffCalendar(assignments: assignments)
        )
    }

    @Test("January 2027 plans for an engineer in China, with the year marked provisional and why")
    func chinaNextYear() throws {
        // Given an engineer in China, whose declared days off are published through 2026
        let calculator = try calculator()
        // When planning January 2027
        let schedule = try calculator.schedule(
            from: ScheduleFixtures.date("2027-01-01"),
            through: ScheduleFixtures.date("2027-01-31")
        )
        // Then the month is planned, with li's statutory New Year's Day off
        #expect(!schedule.shifts.isEmpty)
        #expect(
            schedule.absences.contains {
                $0.engineer == "li" && $0.date == ScheduleFixtures.date("2027-01-01")
                    && $0.reason == .publicHoliday(name: "New Year's Day")
            }
        )
        // And the schedule says which year is provisional, for whom
        let provisional = try #require(schedule.provisional.first)
        #expect(schedule.provisional.count == 1)
        #expect(provisional.region.code == "CN")
        #expect(provisional.year == 2027)
        #expect(provisional.engineers == ["li"])
        #expect(provisional.description.hasPrefix("the holidays of 'CN' in 2027 are provisional (for 'li'):"))
        // And a month of 2026 is complete
        let december = try calculator.schedule(
            from: ScheduleFixtures.date("2026-12-01"),
            through: ScheduleFixtures.date("2026-12-20")
        )
        #expect(december.provisional.isEmpty)
    }

    @Test("a calendar that declares China's days for 2027 completes the year and adds its days")
    func declaredByCalendar() throws {
        // Given the announced days off as a company calendar that declares CN
        let announced = CompanyCalendar(
            name: "cn-2027",
            days: [CompanyDay(start: ScheduleFixtures.date("2027-01-04"), name: "New Year bridging day")],
            declares: "CN"
        )
        let calculator = try calculator(assignments: [.init(calendar: announced, engineers: ["li"])])
        // When planning January 2027
        let schedule = try calculator.schedule(
            from: ScheduleFixtures.date("2027-01-01"),
            through: ScheduleFixtures.date("2027-01-31")
        )
        // Then nothing is provisional, and the declared day is a day off
        #expect(schedule.provisional.isEmpty)
        #expect(
            schedule.absences.contains {
                $0.engineer == "li" && $0.date == ScheduleFixtures.date("2027-01-04")
                    && $0.reason == .companyDay(name: "New Year bridging day")
            }
        )
        // And a calendar with no day in 2028 leaves 2028 provisional
        let next = try calculator.schedule(
            from: ScheduleFixtures.date("2028-01-03"),
            through: ScheduleFixtures.date("2028-01-09")
        )
        #expect(next.provisional.map(\.year) == [2028])
    }

    @Test("a year nothing reliable is known about is an error that says why the schedule needs it")
    func kolkataCrossesNewYear() throws {
        // Given the seed rotation, with d in Karnataka (India's tables end in 2035)
        let calculator = try ScheduleCalculator(
            policy: ScheduleFixtures.seedPolicy(),
            timeZone: ScheduleFixtures.zone("America/New_York"),
            engineers: ScheduleFixtures.seedEngineers,
            calendar: RegionalDayOffCalendar()
        )
        // When planning through 2035-12-31 in New York, which ends on 2036-01-01 in Kolkata
        let error = #expect(throws: ScheduleError.self) {
            try calculator.schedule(
                from: ScheduleFixtures.date("2035-12-01"),
                through: ScheduleFixtures.date("2035-12-31")
            )
        }
        // Then the error names the year, why it is needed, and what is missing
        #expect(
            error?.description
                == "cannot tell the days off of engineer 'd' in 2036, needed because local days cross New Year: "
                + "the range ends 2036-01-01T10:30:00+05:30 in Asia/Kolkata: "
                + "no holiday table for 'Diwali (Deepavali)' in 'IN-KA' for 2036: the table covers 2001–2035"
        )
    }
}
