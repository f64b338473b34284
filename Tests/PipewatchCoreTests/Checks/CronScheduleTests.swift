import Foundation
import PipewatchCore
import Testing

@Suite("cron schedules")
struct CronScheduleTests {
    let utc = TimeZone(identifier: "UTC")!
    let newYork = TimeZone(identifier: "America/New_York")!

    /// The first `count` instants `text` names after `start`, written in `zone` the way a user reads them.
    private func runs(_ text: String, after start: String, count: Int, in zone: TimeZone? = nil) throws -> [String] {
        let zone = zone ?? utc
        let cron = try CronSchedule(parsing: text)
        var instant = try #require(ISO8601Text.parse(start))
        var found: [String] = []
        for _ in 0..<count {
            guard let next = cron.next(after: instant, in: zone) else { break }
            found.append(ISO8601Text.format(next, in: zone))
            instant = next
        }
        return found
    }

    // MARK: Parsing

    @Test("a list of minutes and a step over hours name exactly those times")
    func listsAndSteps() throws {
        // Given "at :00 and :30 of every sixth hour", When asked from 05:00, Then
        #expect(
            try runs("0,30 */6 * * *", after: "2027-03-10T05:00:00Z", count: 5) == [
                "2027-03-10T06:00:00+00:00", "2027-03-10T06:30:00+00:00", "2027-03-10T12:00:00+00:00",
                "2027-03-10T12:30:00+00:00", "2027-03-10T18:00:00+00:00",
            ]
        )
        #expect(
            try runs("*/15 9 * * *", after: "2027-03-10T08:59:00Z", count: 5) == [
                "2027-03-10T09:00:00+00:00", "2027-03-10T09:15:00+00:00", "2027-03-10T09:30:00+00:00",
                "2027-03-10T09:45:00+00:00", "2027-03-11T09:00:00+00:00",
            ]
        )
    }

    @Test("a range with a step starts at the range's first value")
    func rangeWithStep() throws {
        #expect(
            try runs("0 9-17/4 * * *", after: "2027-03-10T00:00:00Z", count: 4) == [
                "2027-03-10T09:00:00+00:00", "2027-03-10T13:00:00+00:00", "2027-03-10T17:00:00+00:00",
                "2027-03-11T09:00:00+00:00",
            ]
        )
    }

    @Test("weekday names in any case give a working-week range")
    func weekdayNames() throws {
        // Given Friday 2027-03-12 after 09:00, When a weekday schedule is asked, Then the weekend is skipped
        let expected = [
            "2027-03-15T09:00:00+00:00", "2027-03-16T09:00:00+00:00", "2027-03-17T09:00:00+00:00",
            "2027-03-18T09:00:00+00:00", "2027-03-19T09:00:00+00:00", "2027-03-22T09:00:00+00:00",
        ]
        #expect(try runs("0 9 * * mon-fri", after: "2027-03-12T10:00:00Z", count: 6) == expected)
        #expect(try runs("0 9 * * MON-Fri", after: "2027-03-12T10:00:00Z", count: 6) == expected)
        #expect(try runs("0 9 * * 1-5", after: "2027-03-12T10:00:00Z", count: 6) == expected)
    }

    @Test("Sunday is 0, 7 or sun", arguments: ["0", "7", "sun"])
    func sunday(field: String) throws {
        #expect(
            try runs("0 9 * * \(field)", after: "2027-03-10T00:00:00Z", count: 2) == [
                "2027-03-14T09:00:00+00:00", "2027-03-21T09:00:00+00:00",
            ]
        )
    }

    @Test("a month name restricts the schedule to that month, across the year boundary")
    func monthName() throws {
        #expect(
            try runs("0 0 1 jan *", after: "2027-03-10T00:00:00Z", count: 2) == [
                "2028-01-01T00:00:00+00:00", "2029-01-01T00:00:00+00:00",
            ]
        )
    }

    @Test("the 31st runs only in months that have one, and 29 February only in leap years")
    func shortMonths() throws {
        #expect(
            try runs("0 0 31 * *", after: "2027-03-31T12:00:00Z", count: 3) == [
                "2027-05-31T00:00:00+00:00", "2027-07-31T00:00:00+00:00", "2027-08-31T00:00:00+00:00",
            ]
        )
        #expect(
            try runs("0 0 29 feb *", after: "2027-03-10T00:00:00Z", count: 2) == [
                "2028-02-29T00:00:00+00:00", "2032-02-29T00:00:00+00:00",
            ]
        )
    }

    @Test("the next run is strictly after the instant asked from")
    func strictlyAfter() throws {
        #expect(
            try runs("30 23 31 12 *", after: "2026-12-31T23:30:00Z", count: 1) == ["2027-12-31T23:30:00+00:00"]
        )
    }

    @Test("the schedule keeps its text with the spacing tidied")
    func text() throws {
        #expect(try CronSchedule(parsing: "  0   6 * *\t* ").text == "0 6 * * *")
    }

    @Test(
        "a schedule that does not parse says which field is wrong and why",
        arguments: [
            ("0 6 * *", "expected 5 fields (minute hour day month weekday), found 4"),
            ("0 6 * * * *", "expected 5 fields (minute hour day month weekday), found 6"),
            ("60 * * * *", "minute '60' is not in 0–59"),
            ("0 24 * * *", "hour '24' is not in 0–23"),
            ("0 6 0 * *", "day of month '0' is not in 1–31"),
            ("0 6 * 13 *", "month '13' is not in 1–12"),
            ("0 17-9 * * *", "hour range '17-9' runs backwards"),
            ("0 6 * * fri-mon", "weekday range 'fri-mon' runs backwards"),
            ("*/0 * * * *", "step '0' of minute must be a positive number"),
            ("0 */x * * *", "step 'x' of hour must be a positive number"),
            ("0 6 * * mon,", "weekday '' does not parse"),
        ]
    )
    func parseErrors(text: String, message: String) {
        let error = #expect(throws: CronSchedule.ParseError.self) { try CronSchedule(parsing: text) }
        #expect(error?.description == message)
    }

    // MARK: Time zones and daylight saving

    @Test("times are read in the zone given: 09:00 New York is 14:00 UTC in winter and 13:00 in summer")
    func wallClockAcrossSpringForward() throws {
        let cron = try CronSchedule(parsing: "0 9 * * *")
        let friday = try #require(ISO8601Text.parse("2027-03-12T10:00:00-05:00"))
        let saturday = try #require(cron.next(after: friday, in: newYork))
        let sunday = try #require(cron.next(after: saturday, in: newYork))
        #expect(ISO8601Text.format(saturday, in: utc) == "2027-03-13T14:00:00+00:00")
        #expect(ISO8601Text.format(sunday, in: utc) == "2027-03-14T13:00:00+00:00")
    }

    @Test("a 02:30 schedule skips 2027-03-14 in New York, where 02:30 does not exist, and runs the next day")
    func springForwardSkipsMissingTime() throws {
        #expect(
            try runs("30 2 * * *", after: "2027-03-13T00:00:00-05:00", count: 3, in: newYork) == [
                "2027-03-13T02:30:00-05:00", "2027-03-15T02:30:00-04:00", "2027-03-16T02:30:00-04:00",
            ]
        )
    }

    @Test("a half-hourly schedule goes from 01:30 EST straight to 03:00 EDT on the spring-forward day")
    func springForwardHalfHourly() throws {
        #expect(
            try runs("*/30 * * * *", after: "2027-03-14T01:00:00-05:00", count: 3, in: newYork) == [
                "2027-03-14T01:30:00-05:00", "2027-03-14T03:00:00-04:00", "2027-03-14T03:30:00-04:00",
            ]
        )
    }

    @Test("a 01:30 schedule runs once on the fall-back day, though 01:30 happens twice")
    func fallBackRunsOnce() throws {
        let found = try runs("30 1 * * *", after: "2027-11-06T12:00:00-04:00", count: 2, in: newYork)
        #expect(found.count == 2)
        #expect(found.first?.hasPrefix("2027-11-07T01:30:00") == true)
        #expect(found.last == "2027-11-08T01:30:00-05:00")
    }

    @Test("a quarter-hourly schedule keeps running through the hour repeated on the fall-back day")
    func fallBackQuarterHourly() throws {
        // Given 01:00–02:00 happens twice in New York on 2027-11-07: first EDT (-04:00), then EST (-05:00)
        let found = try runs("*/15 * * * *", after: "2027-11-07T01:30:00-04:00", count: 3, in: newYork)

        // Then every quarter of an hour of real time has a run, as in cron's own handling of wildcard jobs
        #expect(found == ["2027-11-07T01:45:00-04:00", "2027-11-07T01:00:00-05:00", "2027-11-07T01:15:00-05:00"])
        // And from inside the second pass, the schedule goes on in it
        #expect(
            try runs("*/15 * * * *", after: "2027-11-07T01:20:00-05:00", count: 3, in: newYork) == [
                "2027-11-07T01:30:00-05:00", "2027-11-07T01:45:00-05:00", "2027-11-07T02:00:00-05:00",
            ]
        )
    }

    @Test("a schedule naming no real day, such as 30 February, has no next run")
    func impossibleDay() throws {
        let cron = try CronSchedule(parsing: "0 0 30 feb *")
        #expect(cron.next(after: try #require(ISO8601Text.parse("2027-03-10T00:00:00Z")), in: utc) == nil)
    }

    @Test("with both day fields restricted, a day matches either one: the 1st of the month or a Monday")
    func dayOfMonthOrWeekday() throws {
        // Given Monday 2027-03-29 after 09:00; 1 April is a Thursday and 1 May a Saturday
        #expect(
            try runs("0 9 1 * mon", after: "2027-03-29T12:00:00-04:00", count: 7, in: newYork) == [
                "2027-04-01T09:00:00-04:00", "2027-04-05T09:00:00-04:00", "2027-04-12T09:00:00-04:00",
                "2027-04-19T09:00:00-04:00", "2027-04-26T09:00:00-04:00", "2027-05-01T09:00:00-04:00",
                "2027-05-03T09:00:00-04:00",
            ]
        )
        // With only one restricted, only that one counts
        #expect(
            try runs("0 9 1 * *", after: "2027-03-29T12:00:00-04:00", count: 2, in: newYork) == [
                "2027-04-01T09:00:00-04:00", "2027-05-01T09:00:00-04:00",
            ]
        )
        #expect(
            try runs("0 9 * * mon", after: "2027-03-29T12:00:00-04:00", count: 2, in: newYork) == [
                "2027-04-05T09:00:00-04:00", "2027-04-12T09:00:00-04:00",
            ]
        )
    }

    // MARK: When a check is due

    @Test("an interval check is due now when it never ran, else one interval after its last run")
    func everyIsDue() throws {
        let now = try #require(ISO8601Text.parse("2027-03-10T12:00:00Z"))
        let schedule = CheckSchedule.every(.seconds(15 * 60))
        #expect(schedule.nextDue(after: nil, now: now, in: newYork) == now)
        #expect(
            schedule.nextDue(after: now.addingTimeInterval(-300), now: now, in: newYork)
                == now.addingTimeInterval(600)
        )
        // A check that fell behind is due at an instant already past: the engine runs it at once
        #expect(
            schedule.nextDue(after: now.addingTimeInterval(-3600), now: now, in: newYork)
                == now.addingTimeInterval(-2700)
        )
    }

    @Test("a cron check is due now when it never ran, else at the schedule's next time in the pipeline's zone")
    func cronIsDue() throws {
        let now = try #require(ISO8601Text.parse("2027-03-10T12:00:00Z"))
        let schedule = CheckSchedule.cron(try CronSchedule(parsing: "0 6 * * *"))
        let last = try #require(ISO8601Text.parse("2027-03-10T06:00:00-05:00"))
        #expect(schedule.nextDue(after: nil, now: now, in: newYork) == now)
        let due = try #require(schedule.nextDue(after: last, now: now, in: newYork))
        #expect(ISO8601Text.format(due, in: newYork) == "2027-03-11T06:00:00-05:00")
        let dueInUTC = try #require(schedule.nextDue(after: last, now: now, in: utc))
        #expect(ISO8601Text.format(dueInUTC, in: utc) == "2027-03-11T06:00:00+00:00")
    }

    @Test("an after-run check is never due on a timer")
    func afterRunIsNeverDue() throws {
        let now = try #require(ISO8601Text.parse("2027-03-10T12:00:00Z"))
        #expect(CheckSchedule.afterRun.nextDue(after: nil, now: now, in: newYork) == nil)
        #expect(CheckSchedule.afterRun.nextDue(after: now, now: now, in: newYork) == nil)
    }

    @Test("schedules describe themselves as the config writes them; the default is every 15 minutes")
    func descriptions() throws {
        #expect(CheckSchedule.standard == .every(.seconds(900)))
        #expect(CheckSchedule.standard.description == "every 15m")
        #expect(CheckSchedule.cron(try CronSchedule(parsing: "0 6 * * *")).description == #"cron "0 6 * * *""#)
        #expect(CheckSchedule.afterRun.description == "after each run")
    }
}
