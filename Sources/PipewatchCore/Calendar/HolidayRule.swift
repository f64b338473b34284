/// How a holiday's date is found in a given year, for holidays that follow the Gregorian
/// calendar or Easter. Dates from lunar calendars come from a ``HolidayTable`` instead.
public indirect enum HolidayRule: Sendable, Hashable {
    /// The same month and day every year: `12-25`. In a year without the day (02-29) there is none.
    case fixed(month: Int, day: Int)
    /// The `nth` `weekday` of `month` (1 is the first); a negative `nth` counts from the end (-1 is the last).
    case nthWeekday(Int, Weekday, month: Int)
    /// Days after (before, when negative) Easter Sunday.
    case easter(offset: Int, method: EasterMethod)
    /// The first `weekday` on or after `month`-`day` (strictly after when `inclusive` is false).
    case weekdayOnOrAfter(Weekday, month: Int, day: Int, inclusive: Bool = true)
    /// The last `weekday` on or before `month`-`day` (strictly before when `inclusive` is false).
    case weekdayOnOrBefore(Weekday, month: Int, day: Int, inclusive: Bool = true)
    /// Another rule's date moved by `days` (the Friday after Thanksgiving is the fourth
    /// Thursday of November shifted by 1).
    case shifted(HolidayRule, days: Int)

    /// The date of the holiday in `year`, or `nil` when the year has none.
    public func date(in year: Int) -> LocalDate? {
        switch self {
        case .fixed(let month, let day):
            return LocalDate(year: year, month: month, day: day)
        case .nthWeekday(let nth, let weekday, let month):
            if nth > 0 {
                guard let first = LocalDate(year: year, month: month, day: 1) else { return nil }
                let date = first.adding(days: first.daysUntil(weekday) + 7 * (nth - 1))
                return date.month == month ? date : nil
            }
            let days = LocalDate.daysIn(month: month, year: year)
            guard let last = LocalDate(year: year, month: month, day: days) else { return nil }
            let date = last.adding(days: -last.daysSince(weekday) - 7 * (-nth - 1))
            return date.month == month ? date : nil
        case .easter(let offset, let method):
            return method.easterSunday(of: year).adding(days: offset)
        case .weekdayOnOrAfter(let weekday, let month, let day, let inclusive):
            guard let anchor = LocalDate(year: year, month: month, day: day) else { return nil }
            let start = inclusive ? anchor : anchor.adding(days: 1)
            return start.adding(days: start.daysUntil(weekday))
        case .weekdayOnOrBefore(let weekday, let month, let day, let inclusive):
            guard let anchor = LocalDate(year: year, month: month, day: day) else { return nil }
            let start = inclusive ? anchor : anchor.adding(days: -1)
            return start.adding(days: -start.daysSince(weekday))
        case .shifted(let rule, let days):
            return rule.date(in: year)?.adding(days: days)
        }
    }
}

extension LocalDate {
    /// Days from `self` forward to the next `weekday` (0 when `self` is one).
    func daysUntil(_ weekday: Weekday) -> Int {
        (weekday.rawValue - self.weekday.rawValue + 7) % 7
    }

    /// Days from the last `weekday` on or before `self` to `self` (0 when `self` is one).
    func daysSince(_ weekday: Weekday) -> Int {
        (self.weekday.rawValue - weekday.rawValue + 7) % 7
    }
}

extension HolidayRule {
    /// Days after Western Easter Sunday (Good Friday is -2, Easter Monday 1, Ascension 39,
    /// Whit Monday 50, Corpus Christi 60).
    static func western(_ offset: Int) -> HolidayRule { .easter(offset: offset, method: .western) }

    /// Days after Orthodox Easter Sunday.
    static func orthodox(_ offset: Int) -> HolidayRule { .easter(offset: offset, method: .orthodox) }
}
