import Foundation
import PipewatchConfig
import PipewatchCore
import Testing

@Suite("calendars and holiday settings in the config")
struct CalendarConfigTests {
    private let ics = """
        BEGIN:VCALENDAR
        BEGIN:VEVENT
        DTSTART;VALUE=DATE:20261224
        DTEND;VALUE=DATE:20261225
        SUMMARY:Company Christmas Eve
        END:VEVENT
        END:VCALENDAR

        """

    @Test("an iCalendar file and inline dates become days off, for the team or chosen engineers")
    func calendars() async throws {
        // Given a company file for everyone and inline dates for 'b'
        let yaml =
            baseConfig + """
                calendars:
                  company: { file: calendars/company.ics }
                  london-office:
                    engineers: [b]
                    dates: [2026-08-14, { from: 2026-12-29, to: 2026-12-30, name: Office closed }]

                """
        let plan = try #require(try await report(yaml, others: ["calendars/company.ics": ics]).plan)
        // When asking the plan's day-off calendar
        let b = try #require(plan.catalog.engineers.first { $0.id == EngineerID("b") })
        let a = try #require(plan.catalog.engineers.first { $0.id == EngineerID("a") })
        let start = try #require(LocalDate(iso: "2026-08-01"))
        let end = try #require(LocalDate(iso: "2026-12-31"))
        let calendar = plan.dayOffCalendar()
        // Then b has the company day, London's inline days and England's holidays; a has Berlin's and the company day
        let forB = try calendar.daysOff(for: b, from: start, through: end)
        #expect(
            forB.map(\.date.description) == [
                "2026-08-14", "2026-08-31", "2026-12-24", "2026-12-25", "2026-12-26", "2026-12-28", "2026-12-29",
                "2026-12-30",
            ]
        )
        #expect(forB.first?.reason == .companyDay(name: "london-office"))
        let forA = try calendar.daysOff(for: a, from: start, through: end)
        #expect(forA.map(\.date.description) == ["2026-10-03", "2026-12-24", "2026-12-25", "2026-12-26"])
    }

    @Test("a malformed iCalendar file is reported with its own file and line")
    func malformedFile() async throws {
        let yaml = baseConfig + "calendars:\n  company: { file: company.ics }\n"
        let found = try await findings(
            yaml,
            others: ["company.ics": "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:bad\nEND:VCALENDAR\n"]
        )
        #expect(found == ["company.ics:4:1: error: 'END:VCALENDAR' closes 'BEGIN:VEVENT' of line 2"])
    }

    @Test("a missing file, and an entry with neither file nor dates, are errors at the entry")
    func missingDays() async throws {
        let yaml = baseConfig + "calendars:\n  company: { file: nowhere.ics }\n  empty: { name: Empty }\n"
        let found = try await findings(yaml)
        #expect(
            found == [
                "pipewatch.yaml:14:20: error: calendars.company.file: cannot read calendar file 'nowhere.ics'\n"
                    + "    hint: paths are relative to the config file that names them",
                "pipewatch.yaml:15:10: error: calendars.empty: calendar 'empty' has no days\n"
                    + "    hint: give 'file: company.ics' (all-day events are days off) or 'dates: [YYYY-MM-DD, …]'",
            ]
        )
    }

    @Test("an except name that is no holiday of the region is a warning with a suggestion")
    func exceptTypo() async throws {
        let yaml = """
            team: { name: Data, timezone: UTC }
            engineers:
              a: { name: A, region: GB-ENG, except: [Boxing Day, Christmass Day] }

            """
        let found = try await findings(yaml)
        #expect(
            found == [
                "pipewatch.yaml:3:54: warning: engineers.a.except[1]: 'Christmass Day' is not a holiday of 'GB-ENG'\n"
                    + "    hint: did you mean 'Christmas Day'?"
            ]
        )
    }

    @Test("an engineer's region and holiday categories are checked against the holiday engine")
    func holidaySettings() async throws {
        let yaml = """
            team: { name: Data, timezone: UTC }
            engineers:
              a: { name: A, region: US-XX }
              b: { name: B, region: DE-BY, holidays: [public, bank] }

            """
        let found = try await findings(yaml)
        #expect(
            found == [
                "pipewatch.yaml:3:25: error: engineers.a.region: unknown subdivision 'XX' of 'US' in region 'US-XX': "
                    + "did you mean 'US-TX'? ('pipewatch holidays --list' shows all)",
                "pipewatch.yaml:4:51: error: engineers.b.holidays[1]: unknown holiday category 'bank' for 'DE-BY'\n"
                    + "    hint: 'DE-BY' has 'public', 'catholic'",
            ]
        )
    }
}
