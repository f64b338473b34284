import Foundation
import PipewatchCore
import PipewatchTestSupport
import Testing

@Suite("JSON and iCalendar output")
struct RenderingTests {
    static func mayWeek() throws -> Schedule {
        let calculator = try ScheduleFixtures.seedCalculator()
        return try schedule(calculator, "2026-05-25T09:00:00-04:00", "2026-05-26T12:00:00-04:00")
    }

    @Test("the JSON of oncall schedule has shifts and gaps with ISO 8601 times and offsets")
    func json() throws {
        let nobody = try AbsenceTests.newYorkTeam(
            zones: ["America/New_York", "America/New_York"],
            timeOff: ["a 2026-01-06 2026-01-06", "b 2026-01-06 2026-01-06"]
        )
        let result = try schedule(nobody, "2026-01-05T12:00:00-05:00", "2026-01-07T12:00:00-05:00")
        #expect(
            ScheduleDocument(result).json == """
                {
                  "shifts": [
                    {"engineer": "a", "start": "2026-01-05T12:00:00-05:00", "end": "2026-01-06T00:00:00-05:00", "reason": "rotation"},
                    {"engineer": "a", "start": "2026-01-07T00:00:00-05:00", "end": "2026-01-07T12:00:00-05:00", "reason": "rotation"}
                  ],
                  "gaps": [
                    {"start": "2026-01-06T00:00:00-05:00", "end": "2026-01-07T00:00:00-05:00"}
                  ]
                }

                """
        )
    }

    @Test("the JSON decodes to the document, and an engineer filter keeps only their shifts")
    func jsonRoundTrip() throws {
        let result = try Self.mayWeek()
        let document = ScheduleDocument(result)
        let decoded = try JSONDecoder().decode(ScheduleDocument.self, from: Data(document.json.utf8))
        #expect(decoded == document)
        #expect(decoded.shifts.map(\.reason) == ["substitute", "rotation"])
        #expect(ScheduleDocument(result, engineer: "a").shifts.map(\.engineer) == ["a"])
        #expect(ScheduleDocument(result, engineer: "a").gaps == [])
    }

    @Test("the iCalendar feed has one event per shift, UTC times, stable UIDs and CRLF lines")
    func ics() throws {
        let result = try Self.mayWeek()
        let writer = ICalendarWriter(
            calendarName: "Data Engineering, on call",
            engineers: ScheduleFixtures.seedEngineers
        )
        let text = writer.render(result, engineer: "d")
        let lines = text.components(separatedBy: "\r\n")
        let uid = ICalendarWriter.uid(for: result.shifts[0])
        #expect(
            lines == [
                "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Pipewatch//On-call schedule//EN", "CALSCALE:GREGORIAN",
                "METHOD:PUBLISH", "X-WR-CALNAME:Data Engineering\\, on call",
                "BEGIN:VEVENT", "UID:\(uid)", "DTSTAMP:20260525T130000Z", "DTSTART:20260525T130000Z",
                "DTEND:20260526T040000Z", "SUMMARY:On call: Data Engineer D (covering Data Engineer A)",
                "DESCRIPTION:reason: substitute\\npublic holiday 'Memorial Day'", "CATEGORIES:substitute",
                "TRANSP:TRANSPARENT", "END:VEVENT", "END:VCALENDAR", "",
            ]
        )
        #expect(text.hasSuffix("END:VCALENDAR\r\n"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
    }

    @Test("UIDs are the same run to run and differ between shifts")
    func stableUIDs() throws {
        let first = try Self.mayWeek()
        let second = try Self.mayWeek()
        #expect(first.shifts.map(ICalendarWriter.uid(for:)) == second.shifts.map(ICalendarWriter.uid(for:)))
        #expect(Set(first.shifts.map(ICalendarWriter.uid(for:))).count == first.shifts.count)
        #expect(ICalendarWriter.uid(for: first.shifts[0]).hasSuffix("@pipewatch"))
    }

    @Test("long lines fold at 75 octets without splitting a UTF-8 character")
    func folding() {
        let writer = ICalendarWriter(calendarName: String(repeating: "é", count: 60))
        let schedule = Schedule(
            from: Date(timeIntervalSince1970: 0),
            to: Date(timeIntervalSince1970: 1),
            timeZone: ScheduleFixtures.zone("UTC"),
            shifts: [],
            gaps: []
        )
        let text = writer.render(schedule)
        let physical = text.components(separatedBy: "\r\n")
        #expect(physical.allSatisfy { $0.utf8.count <= 75 })
        let unfolded = text.replacingOccurrences(of: "\r\n ", with: "")
        #expect(unfolded.contains("X-WR-CALNAME:" + String(repeating: "é", count: 60) + "\r\n"))
    }

    @Test("text values escape backslashes, semicolons, commas and newlines")
    func escaping() {
        let override = Shift(
            engineer: "a",
            start: Date(timeIntervalSince1970: 0),
            end: Date(timeIntervalSince1970: 3600),
            reason: .override,
            note: "db down; see a\\b, then\nretry"
        )
        let schedule = Schedule(
            from: Date(timeIntervalSince1970: 0),
            to: Date(timeIntervalSince1970: 3600),
            timeZone: ScheduleFixtures.zone("UTC"),
            shifts: [override],
            gaps: []
        )
        let text = ICalendarWriter().render(schedule)
        #expect(text.contains("DESCRIPTION:reason: override\\ndb down\\; see a\\\\b\\, then\\nretry\r\n"))
    }

    @Test(
        "ISO 8601 text round-trips with offsets",
        arguments: [
            ("2026-03-09T09:00:00-04:00", "America/New_York"), ("2026-03-29T03:00:00+02:00", "Europe/Berlin"),
            ("2026-01-01T05:30:00+05:30", "Asia/Kolkata"), ("1969-12-31T23:59:59+00:00", "UTC"),
        ]
    )
    func isoRoundTrip(text: String, zone: String) throws {
        let instant = try #require(ISO8601Text.parse(text))
        #expect(ISO8601Text.format(instant, in: ScheduleFixtures.zone(zone)) == text)
    }

    @Test("ISO 8601 parsing accepts Z and fractions, and rejects times without an offset")
    func isoParsing() {
        #expect(ISO8601Text.parse("2026-03-09T13:00:00Z") == ISO8601Text.parse("2026-03-09T09:00:00-04:00"))
        #expect(ISO8601Text.parse("2026-03-09T13:00:00.5Z")?.timeIntervalSince1970 == 1_773_061_200.5)
        #expect(ISO8601Text.parse("2026-03-09T13:00") == nil)
        #expect(ISO8601Text.parse("2026-02-30T13:00:00Z") == nil)
    }
}

@Suite("table output")
struct ScheduleTableTests {
    @Test("the schedule table lists shifts and gaps with the reason and why")
    func scheduleTable() throws {
        let nobody = try AbsenceTests.newYorkTeam(
            zones: ["America/New_York", "America/New_York"],
            timeOff: ["a 2026-01-06 2026-01-06", "b 2026-01-06 2026-01-06"]
        )
        let result = try schedule(nobody, "2026-01-05T12:00:00-05:00", "2026-01-07T12:00:00-05:00")
        #expect(
            ScheduleTable.render(result) == """
                START                      END                        ENGINEER  REASON    WHY
                2026-01-05T12:00:00-05:00  2026-01-06T00:00:00-05:00  a         rotation
                2026-01-06T00:00:00-05:00  2026-01-07T00:00:00-05:00  -         gap       nobody available to cover 'a' (time off ('vacation'))
                2026-01-07T00:00:00-05:00  2026-01-07T12:00:00-05:00  a         rotation

                """
        )
    }

    @Test("the fairness table ends with the spread")
    func fairnessTable() throws {
        let report = try ScheduleFixtures.seedCalculator(holidays: [:]).fairness(year: 2026)
        let text = ScheduleTable.render(report)
        #expect(
            text.hasPrefix(
                "ENGINEER  HOURS  SHIFTS  SEASON DAYS  WEEKEND DAYS  HOLIDAYS COVERED  SUBS GIVEN  SUBS RECEIVED\n"
            )
        )
        #expect(
            text.contains("\na         2183   13      0            26            0                 0           0\n")
        )
        #expect(
            text.hasSuffix(
                "spread between most and least loaded: 82 hours ('c' most, 'd' least)\nhours nobody could be on call in 2026: 0\n"
            )
        )
    }
}
