/// Answers which local days an engineer does not work: public holidays of their region,
/// company days off. The schedule asks it; the holiday engine answers it.
public protocol DayOffCalendar: Sendable {
    /// The days off of `engineer` from `start` through `end` (inclusive), sorted by date.
    ///
    /// - Throws: when the range reaches past what the calendar knows (a lunar holiday table's
    ///   coverage, say); a calendar never answers with a silently shorter list.
    func daysOff(for engineer: Engineer, from start: LocalDate, through end: LocalDate) throws -> [DayOff]

    /// The years from `start` through `end` whose days off for `engineer` are provisional: known
    /// by law, but without days a government has not declared yet. Empty by default.
    func provisionalYears(
        for engineer: Engineer,
        from start: LocalDate,
        through end: LocalDate
    )
        -> [ProvisionalHolidays]
}

extension DayOffCalendar {
    public func provisionalYears(
        for engineer: Engineer,
        from start: LocalDate,
        through end: LocalDate
    )
        -> [ProvisionalHolidays]
    { [] }
}

/// One local day on which an engineer is unavailable, and why.
public struct DayOff: Sendable, Hashable {
    public var date: LocalDate
    public var reason: DayOffReason

    /// Creates a day off.
    public init(date: LocalDate, reason: DayOffReason) {
        self.date = date
        self.reason = reason
    }
}

/// Why an engineer is unavailable on a day.
public enum DayOffReason: Sendable, Hashable, CustomStringConvertible {
    /// A public holiday of the engineer's region, by its English name.
    case publicHoliday(name: String)
    /// A day of a company or custom calendar.
    case companyDay(name: String)
    /// Personal time off, with its reason when one was given.
    case timeOff(reason: String?)

    public var description: String {
        switch self {
        case .publicHoliday(let name): "public holiday '\(name)'"
        case .companyDay(let name): "company day off '\(name)'"
        case .timeOff(let reason): reason.map { "time off ('\($0)')" } ?? "time off"
        }
    }
}
