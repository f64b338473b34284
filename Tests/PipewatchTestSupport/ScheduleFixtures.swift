public import Foundation
public import PipewatchCore

/// Small building blocks for schedule tests: the seed team, zones, dates and instants.
public enum ScheduleFixtures {
    /// A zone by identifier; an unknown identifier is a test bug and traps.
    public static func zone(_ identifier: String) -> TimeZone {
        guard let zone = TimeZone(identifier: identifier) else { preconditionFailure("unknown zone '\(identifier)'") }
        return zone
    }

    /// A date from `YYYY-MM-DD`; a bad literal traps.
    public static func date(_ text: String) -> LocalDate {
        guard let date = LocalDate(iso: text) else { preconditionFailure("bad date '\(text)'") }
        return date
    }

    /// An instant from ISO 8601 with offset; a bad literal traps.
    public static func instant(_ text: String) -> Date {
        guard let instant = ISO8601Text.parse(text) else { preconditionFailure("bad instant '\(text)'") }
        return instant
    }

    /// An engineer with id `id` in `region` and `zone`.
    public static func engineer(_ id: String, region: String, zone identifier: String) -> Engineer {
        guard let parsed = Region(code: region) else { preconditionFailure("bad region '\(region)'") }
        return Engineer(
            id: EngineerID(id),
            name: "Data Engineer \(id.uppercased())",
            region: parsed,
            timeZone: zone(identifier)
        )
    }

    /// The seed's four engineers: A in New York, B in England, C in Berlin, D in Karnataka.
    public static let seedEngineers: [Engineer] = [
        engineer("a", region: "US-NY", zone: "America/New_York"),
        engineer("b", region: "GB-ENG", zone: "Europe/London"),
        engineer("c", region: "DE-BE", zone: "Europe/Berlin"),
        engineer("d", region: "IN-KA", zone: "Asia/Kolkata"),
    ]

    /// The seed's policy: A→B→C→D weekly from Monday 2026-01-05 09:00, a week's swap notice.
    public static func seedPolicy(seasons: [Season] = [], timeOff: [TimeOff] = []) -> OncallPolicy {
        OncallPolicy(
            rotation: ["a", "b", "c", "d"],
            handoff: Handoff(weekday: .monday, time: TimeOfDay(hour: 9, minute: 0) ?? .midnight),
            starts: date("2026-01-05"),
            seasons: seasons,
            timeOff: timeOff
        )
    }

    /// The year-end season, 12-20 through 01-05, in daily shifts.
    public static var yearEndSeason: Season {
        guard let from = MonthDay(month: 12, day: 20), let to = MonthDay(month: 1, day: 5) else {
            preconditionFailure("bad season")
        }
        return Season(name: "Year-end holidays", from: from, to: to)
    }

    /// Some real 2026 public holidays of the seed's four regions.
    public static let seedHolidays2026: [String: [(String, String)]] = [
        "US-NY": [
            ("2026-01-01", "New Year's Day"), ("2026-01-19", "Martin Luther King Jr. Day"),
            ("2026-02-16", "Washington's Birthday"), ("2026-05-25", "Memorial Day"),
            ("2026-06-19", "Juneteenth National Independence Day"), ("2026-07-03", "Independence Day (observed)"),
            ("2026-09-07", "Labor Day"), ("2026-10-12", "Columbus Day"), ("2026-11-11", "Veterans Day"),
            ("2026-11-26", "Thanksgiving Day"), ("2026-12-25", "Christmas Day"),
        ],
        "GB-ENG": [
            ("2026-01-01", "New Year's Day"), ("2026-04-03", "Good Friday"), ("2026-04-06", "Easter Monday"),
            ("2026-05-04", "May Day"), ("2026-05-25", "Spring Bank Holiday"),
            ("2026-08-31", "Late Summer Bank Holiday"),
            ("2026-12-25", "Christmas Day"), ("2026-12-28", "Boxing Day (substitute day)"),
        ],
        "DE-BE": [
            ("2026-01-01", "New Year's Day"), ("2026-03-08", "International Women's Day"),
            ("2026-04-03", "Good Friday"), ("2026-04-06", "Easter Monday"), ("2026-05-01", "Labour Day"),
            ("2026-05-14", "Ascension Day"), ("2026-05-25", "Whit Monday"), ("2026-10-03", "German Unity Day"),
            ("2026-12-25", "Christmas Day"), ("2026-12-26", "Second Day of Christmas"),
        ],
        "IN-KA": [
            ("2026-01-26", "Republic Day"), ("2026-08-15", "Independence Day"),
            ("2026-10-02", "Gandhi Jayanti"), ("2026-11-01", "Karnataka Rajyotsava"),
        ],
    ]

    /// The seed team's calculator for 2026 holidays, with optional extras.
    public static func seedCalculator(
        holidays: [String: [(String, String)]] = seedHolidays2026,
        seasons: [Season] = [],
        timeOff: [TimeOff] = [],
        swaps: [SwapRequest] = [],
        overrides: [Override] = [],
        teamZone: String = "America/New_York"
    ) throws(ScheduleError) -> ScheduleCalculator {
        try ScheduleCalculator(
            policy: seedPolicy(seasons: seasons),
            timeZone: zone(teamZone),
            engineers: seedEngineers,
            calendar: TableDayOffCalendar(holidays),
            timeOff: timeOff,
            swaps: swaps,
            overrides: overrides
        )
    }
}
