import Foundation
import PipewatchCore
import Testing

@Suite("company calendars from iCalendar")
struct CompanyCalendarTests {
    private func date(_ text: String) throws -> LocalDate { try #require(LocalDate(iso: text)) }

    private func days(_ ics: String, from: String, through: String) throws -> [String] {
        let calendar = CompanyCalendar(name: "company.ics", days: try ICalendarParser.parse(ics, file: "company.ics"))
        return try calendar.daysOff(from: date(from), through: date(through)).map { "\($0.date)\t\($0.name)" }
    }

    @Test("all-day events are days off: DTEND is exclusive, text is unfolded and unescaped, timed events are not")
    func allDayEvents() throws {
        let ics = """
            BEGIN:VCALENDAR\r
            VERSION:2.0\r
            PRODID:-//Example//Company//EN\r
            BEGIN:VEVENT\r
            UID:1\r
            DTSTART;VALUE=DATE:20261224\r
            DTEND;VALUE=DATE:20261226\r
            SUMMARY:Company winter\r
              break\\, everyone off\r
            END:VEVENT\r
            BEGIN:VEVENT\r
            UID:2\r
            DTSTART:20261211T150000Z\r
            DTEND:20261211T170000Z\r
            SUMMARY:All-hands (a meeting, not a day off)\r
            END:VEVENT\r
            BEGIN:VEVENT\r
            UID:3\r
            DTSTART;VALUE=DATE:20261130\r
            DURATION:P1D\r
            SUMMARY;LANGUAGE="en:US":Offsite\r
            END:VEVENT\r
            END:VCALENDAR\r

            """
        #expect(
            try days(ics, from: "2026-11-01", through: "2026-12-31") == [
                "2026-11-30\tOffsite", "2026-12-24\tCompany winter break, everyone off",
                "2026-12-25\tCompany winter break, everyone off",
            ]
        )
    }

    @Test("yearly RRULE repeats with INTERVAL, COUNT, UNTIL, EXDATE and an nth weekday")
    func yearlyRecurrence() throws {
        let ics = """
            BEGIN:VCALENDAR
            BEGIN:VEVENT
            DTSTART;VALUE=DATE:20240705
            RRULE:FREQ=YEARLY;COUNT=3
            EXDATE;VALUE=DATE:20250705
            SUMMARY:Summer shutdown
            END:VEVENT
            BEGIN:VEVENT
            DTSTART;VALUE=DATE:20240527
            RRULE:FREQ=YEARLY;BYMONTH=5;BYDAY=-1MO;UNTIL=20271231
            SUMMARY:Memorial Day shutdown
            END:VEVENT
            BEGIN:VEVENT
            DTSTART;VALUE=DATE:20240315
            RRULE:FREQ=YEARLY;INTERVAL=2
            SUMMARY:Biennial retreat
            END:VEVENT
            END:VCALENDAR
            """
        #expect(
            try days(ics, from: "2024-01-01", through: "2028-12-31") == [
                // python-dateutil's rrule gives the same dates for these three RRULEs.
                "2024-03-15\tBiennial retreat", "2024-05-27\tMemorial Day shutdown", "2024-07-05\tSummer shutdown",
                "2025-05-26\tMemorial Day shutdown", "2026-03-15\tBiennial retreat",
                "2026-05-25\tMemorial Day shutdown",
                "2026-07-05\tSummer shutdown", "2027-05-31\tMemorial Day shutdown", "2028-03-15\tBiennial retreat",
            ]
        )
    }

    @Test(
        "malformed files are reported with file and line",
        arguments: [
            (
                "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE 20260101\nEND:VEVENT\nEND:VCALENDAR\n",
                "company.ics:3: error: malformed content line 'DTSTART;VALUE=DATE 20260101'"
            ),
            (
                "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20260101\nEND:VCALENDAR\n",
                "company.ics:4: error: 'END:VCALENDAR' closes 'BEGIN:VEVENT' of line 2"
            ),
            (
                "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20260101\nEND:VEVENT\n",
                "company.ics:1: error: 'BEGIN:VCALENDAR' is never closed"
            ),
            (
                "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20260231\nEND:VEVENT\nEND:VCALENDAR\n",
                "company.ics:3: error: expected a date YYYYMMDD, found '20260231'"
            ),
            (
                "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20260101\nRRULE:FREQ=WEEKLY\nEND:VEVENT\nEND:VCALENDAR\n",
                "company.ics:4: error: unsupported RRULE 'FREQ=WEEKLY': only yearly events repeat as days off"
            ),
            (
                "BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:x\nEND:VEVENT\nEND:VCALENDAR\n",
                "company.ics:2: error: event without DTSTART"
            ),
            ("BEGIN:VEVENT\nEND:VEVENT\n", "company.ics:1: error: expected 'BEGIN:VCALENDAR', found 'BEGIN:VEVENT'"),
        ]
    )
    func malformed(ics: String, message: String) {
        let error = #expect(throws: ICalendarError.self) { try ICalendarParser.parse(ics, file: "company.ics") }
        #expect(error?.description == message)
    }

    @Test("a realistic company calendar reads as icalendar and recurring-ical-events read it")
    func matchesReferenceReaders() throws {
        // Given the fixture and the days off python's readers expand from it
        // (scripts/holidays/generate_ics_vectors.py)
        let folder = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
            .appendingPathComponent("ics")
        let ics = try String(contentsOf: folder.appendingPathComponent("company.ics"), encoding: .utf8)
        let expected = try String(contentsOf: folder.appendingPathComponent("company.tsv"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        // When Pipewatch reads it, 2024–2035
        let actual = try days(ics, from: "2024-01-01", through: "2035-12-31")
        // Then the days and names are the same
        #expect(actual == expected)
    }

    @Test("company calendars apply to the whole team or to chosen engineers; a public holiday wins its date")
    func teamCalendar() throws {
        // Given a company calendar for everyone and one for engineer 'b' only
        let everyone = CompanyCalendar(
            name: "company.ics",
            days: [CompanyDay(start: try date("2026-12-24"), length: 2, name: "Winter break")]
        )
        let bOnly = CompanyCalendar(
            name: "inline",
            days: [CompanyDay(start: try date("2026-12-31"), name: "Office closed")]
        )
        let team = TeamDayOffCalendar(
            assignments: [.init(calendar: everyone), .init(calendar: bOnly, engineers: [EngineerID("b")])]
        )
        let utc = try #require(TimeZone(identifier: "UTC"))
        let a = Engineer(id: EngineerID("a"), name: "A", region: try #require(Region(code: "GB-ENG")), timeZone: utc)
        let b = Engineer(id: EngineerID("b"), name: "B", region: try #require(Region(code: "DE-BE")), timeZone: utc)
        // When listing the last week of 2026
        let start = try date("2026-12-24")
        let end = try date("2026-12-31")
        let forA = try team.daysOff(for: a, from: start, through: end)
        let forB = try team.daysOff(for: b, from: start, through: end)
        // Then a gets the company day and England's holidays; b gets Berlin's and their own calendar
        #expect(
            forA.map(\.reason.description) == [
                "company day off 'Winter break'", "public holiday 'Christmas Day'", "public holiday 'Boxing Day'",
                "public holiday 'Boxing Day (observed)'",
            ]
        )
        #expect(forB.map(\.date.description) == ["2026-12-24", "2026-12-25", "2026-12-26", "2026-12-31"])
        #expect(forB.last?.reason == .companyDay(name: "Office closed"))
    }
}
