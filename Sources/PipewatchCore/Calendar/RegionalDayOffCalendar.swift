/// The ``DayOffCalendar`` the schedule uses for public holidays: each engineer's region, in the
/// categories they observe, minus the holidays they work through (`except:`).
public struct RegionalDayOffCalendar: DayOffCalendar {
    /// The holiday engine, whose memo is shared by copies of this calendar.
    public let holidays: HolidayCalendar

    /// Creates a calendar over `holidays` (a fresh engine by default).
    public init(holidays: HolidayCalendar = HolidayCalendar()) {
        self.holidays = holidays
    }

    /// The public holidays of `engineer`'s region from `start` through `end`, one day off per date.
    ///
    /// A holiday named in ``Engineer/holidayExceptions`` (compared without case, without
    /// "(estimated)") is left out, and so are its observed days (`Christmas Day (observed)` goes
    /// with `Christmas Day`, Spain's `Monday following Epiphany` with `Epiphany`).
    /// When several holidays share a date, the day off names them all, joined by `; `.
    ///
    /// - Throws: ``HolidayError`` for an unknown region or category, or a year outside a table's coverage.
    public func daysOff(for engineer: Engineer, from start: LocalDate, through end: LocalDate) throws -> [DayOff] {
        let categories = Set(engineer.holidayCategories.map { HolidayCategory($0) })
        let excluded = Set(engineer.holidayExceptions.map { $0.lowercased() })
        let found = try holidays.holidays(in: engineer.region, from: start, through: end, categories: categories)
            .filter { !excluded.contains(Self.baseName(of: $0).lowercased()) }
        var daysOff: [DayOff] = []
        for holiday in found {
            if let last = daysOff.last, last.date == holiday.date, case .publicHoliday(let names) = last.reason {
                daysOff[daysOff.count - 1] = DayOff(
                    date: holiday.date,
                    reason: .publicHoliday(name: names + "; " + holiday.name)
                )
            } else {
                daysOff.append(DayOff(date: holiday.date, reason: .publicHoliday(name: holiday.name)))
            }
        }
        return daysOff
    }

    /// The provisional years of `engineer`'s region from `start` through `end`; a year the engine
    /// cannot answer at all is left to ``daysOff(for:from:through:)`` to report.
    public func provisionalYears(
        for engineer: Engineer,
        from start: LocalDate,
        through end: LocalDate
    )
        -> [ProvisionalHolidays]
    {
        guard start <= end else { return [] }
        let categories = Set(engineer.holidayCategories.map { HolidayCategory($0) })
        return (start.year...end.year).compactMap { year in
            (try? holidays.provisional(in: engineer.region, year: year, categories: categories)) ?? nil
        }
    }

    /// The name of the holiday a day stands for: its own, or for an observed day the holiday it is
    /// observed for (`Christmas Day` for `Christmas Day (observed)`, `Epiphany` for
    /// `Monday following Epiphany`), without "(estimated)".
    static func baseName(of holiday: Holiday) -> String {
        holiday.observes ?? HolidayBuilder.baseName(of: holiday.name)
    }
}
