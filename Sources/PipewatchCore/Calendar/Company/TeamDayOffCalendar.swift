/// The days off of a team: each engineer's regional public holidays, plus company and custom
/// calendars applied to the whole team or to chosen engineers (the config's `calendars:`).
public struct TeamDayOffCalendar: DayOffCalendar {
    /// A company calendar and whom it applies to.
    public struct Assignment: Sendable, Hashable {
        /// The calendar.
        public var calendar: CompanyCalendar
        /// The engineers it applies to; `nil` for the whole team.
        public var engineers: Set<EngineerID>?

        /// Creates an assignment (the whole team unless `engineers` is given).
        public init(calendar: CompanyCalendar, engineers: Set<EngineerID>? = nil) {
            self.calendar = calendar
            self.engineers = engineers
        }
    }

    /// The regional public holidays.
    public var regional: RegionalDayOffCalendar
    /// The company calendars, in config order.
    public var assignments: [Assignment]

    /// Creates a team calendar.
    public init(regional: RegionalDayOffCalendar = RegionalDayOffCalendar(), assignments: [Assignment] = []) {
        self.regional = regional
        self.assignments = assignments
    }

    /// The engineer's days off, one per date: a public holiday wins over a company day on the same
    /// date, and an earlier calendar over a later one.
    ///
    /// - Throws: ``HolidayError`` when the regional calendar cannot answer the range.
    public func daysOff(for engineer: Engineer, from start: LocalDate, through end: LocalDate) throws -> [DayOff] {
        var days = try regional.daysOff(for: engineer, from: start, through: end)
        var taken = Set(days.map(\.date))
        for assignment in assignments where assignment.engineers?.contains(engineer.id) ?? true {
            for day in assignment.calendar.daysOff(from: start, through: end) where !taken.contains(day.date) {
                taken.insert(day.date)
                days.append(DayOff(date: day.date, reason: .companyDay(name: day.name)))
            }
        }
        return days.sorted { $0.date < $1.date }
    }

    /// The regional calendar's provisional years, except those a company calendar applying to
    /// the engineer supplies: one that `declares` the engineer's country and has a day that year.
    public func provisionalYears(
        for engineer: Engineer,
        from start: LocalDate,
        through end: LocalDate
    )
        -> [ProvisionalHolidays]
    {
        regional.provisionalYears(for: engineer, from: start, through: end).filter { year in
            !assignments.contains { assignment in
                guard assignment.engineers?.contains(engineer.id) ?? true,
                    assignment.calendar.declares == engineer.region.country,
                    let first = LocalDate(year: year.year, month: 1, day: 1),
                    let last = LocalDate(year: year.year, month: 12, day: 31)
                else { return false }
                return !assignment.calendar.daysOff(from: first, through: last).isEmpty
            }
        }
    }
}
