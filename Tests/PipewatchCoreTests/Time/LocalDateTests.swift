import Foundation
import PipewatchCore
import Testing

@Suite("local dates and times")
struct LocalDateTests {
    @Test(
        "day numbers round-trip across centuries, leap days included",
        arguments: [
            "1900-02-28", "1970-01-01", "2000-02-29", "2024-02-29", "2026-12-31", "2100-03-01", "2400-02-29",
        ]
    )
    func dayNumbers(text: String) throws {
        let date = try #require(LocalDate(iso: text))
        #expect(LocalDate(dayNumber: date.dayNumber) == date)
        #expect(date.description == text)
    }

    @Test(
        "dates that do not exist are rejected",
        arguments: ["2027-02-29", "2026-13-01", "2026-04-31", "26-01-01", "2026-1-1"]
    )
    func invalidDates(text: String) {
        #expect(LocalDate(iso: text) == nil)
    }

    @Test("weekdays")
    func weekdays() {
        #expect(LocalDate(year: 1970, month: 1, day: 1)?.weekday == .thursday)
        #expect(LocalDate(year: 2026, month: 1, day: 5)?.weekday == .monday)
        #expect(LocalDate(year: 2024, month: 2, day: 29)?.weekday == .thursday)
        #expect(LocalDate(year: 1969, month: 12, day: 28)?.weekday == .sunday)
    }

    @Test("a local wall time becomes the right instant on both sides of a daylight-saving switch")
    func wallTimeAcrossDST() throws {
        let berlin = try #require(TimeZone(identifier: "Europe/Berlin"))
        let nine = try #require(TimeOfDay(hour: 9, minute: 0))
        // 2024-03-31 01:00Z is the spring switch in Berlin: 09:00 is UTC+1 before, UTC+2 after.
        #expect(
            LocalDate(year: 2024, month: 3, day: 30)!.instant(at: nine, in: berlin)
                == Date(timeIntervalSince1970: 1_711_785_600)
        )
        #expect(
            LocalDate(year: 2024, month: 3, day: 31)!.instant(at: nine, in: berlin)
                == Date(timeIntervalSince1970: 1_711_868_400)
        )
        // 02:30 does not exist that night; it resolves to the instant after the gap (03:30 CEST = 01:30Z).
        let skipped = try #require(TimeOfDay(hour: 2, minute: 30))
        #expect(
            LocalDate(year: 2024, month: 3, day: 31)!.instant(at: skipped, in: berlin)
                == Date(timeIntervalSince1970: 1_711_848_600)
        )
        // Autumn: 2024-10-27 09:00 is UTC+1 again.
        #expect(
            LocalDate(year: 2024, month: 10, day: 27)!.instant(at: nine, in: berlin)
                == Date(timeIntervalSince1970: 1_730_016_000)
        )
    }

    @Test("the local date of an instant follows the zone")
    func localDateOfInstant() throws {
        let instant = Date(timeIntervalSince1970: 1_798_761_600)  // 2027-01-01T00:00:00Z
        #expect(
            LocalDate(instant, in: try #require(TimeZone(identifier: "America/New_York"))).description == "2026-12-31"
        )
        #expect(LocalDate(instant, in: try #require(TimeZone(identifier: "Asia/Kolkata"))).description == "2027-01-01")
    }

    @Test(
        "durations as people write them",
        arguments: [
            ("15m", 900), ("6h", 21_600), ("1 week", 604_800), ("7 days", 604_800), ("1h30m", 5_400),
            ("2 hours, 5 minutes", 7_500),
        ]
    )
    func durations(text: String, seconds: Int64) {
        #expect(DurationText.parse(text) == .seconds(seconds))
    }

    @Test("durations that do not parse", arguments: ["", "one week", "7 fortnights", "5", "h"])
    func badDurations(text: String) {
        #expect(DurationText.parse(text) == nil)
    }

    @Test("durations print compactly")
    func formatDurations() {
        #expect(DurationText.format(.seconds(604_800)) == "1w")
        #expect(DurationText.format(.seconds(5_400)) == "1h30m")
        #expect(DurationText.format(.seconds(0)) == "0s")
    }

    @Test("seasons that cross New Year contain both ends")
    func seasonAcrossNewYear() throws {
        let season = Season(
            name: "Year end",
            from: try #require(MonthDay(month: 12, day: 20)),
            to: try #require(MonthDay(month: 1, day: 5))
        )
        #expect(season.contains(LocalDate(year: 2026, month: 12, day: 20)!))
        #expect(season.contains(LocalDate(year: 2027, month: 1, day: 5)!))
        #expect(!season.contains(LocalDate(year: 2027, month: 1, day: 6)!))
        #expect(!season.contains(LocalDate(year: 2026, month: 12, day: 19)!))
    }
}
