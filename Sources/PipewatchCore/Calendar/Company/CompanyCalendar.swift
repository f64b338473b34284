/// A company or custom calendar: all-day events that are days off (from an iCalendar file, or
/// dates written inline in the config), each once or every year.
public struct CompanyCalendar: Sendable, Hashable {
    /// The calendar's name in the config (the file name, or the inline entry's name).
    public var name: String
    /// The days off it declares.
    public var days: [CompanyDay]
    /// The country (ISO 3166-1 code) whose government-declared days off this calendar supplies,
    /// for the years it has days in: those years are then complete, no longer provisional.
    public var declares: String?

    /// Creates a calendar.
    public init(name: String, days: [CompanyDay], declares: String? = nil) {
        self.name = name
        self.days = days
        self.declares = declares
    }

    /// Every day off from `start` through `end` (inclusive), sorted by date, with the event's name.
    public func daysOff(from start: LocalDate, through end: LocalDate) -> [(date: LocalDate, name: String)] {
        guard start <= end else { return [] }
        var found: [(date: LocalDate, name: String)] = []
        for day in days {
            for first in day.occurrences(from: start, through: end) {
                for offset in 0..<day.length {
                    let date = first.adding(days: offset)
                    if date >= start && date <= end { found.append((date, day.name)) }
                }
            }
        }
        return found.sorted { ($0.date, $0.name) < ($1.date, $1.name) }
    }
}

/// One all-day event of a ``CompanyCalendar``: `length` days from `start`, once or yearly.
public struct CompanyDay: Sendable, Hashable {
    /// How an event repeats: RFC 5545 `RRULE` with `FREQ=YEARLY`.
    public struct YearlyRecurrence: Sendable, Hashable {
        /// Every `interval` years.
        public var interval: Int
        /// At most this many occurrences (the first included).
        public var count: Int?
        /// No occurrence after this date.
        public var until: LocalDate?
        /// `BYMONTH` with `BYDAY` (`4TH`, `-1MO`): the nth weekday of a month instead of the start's month and day.
        public var nthWeekday: (nth: Int, weekday: Weekday, month: Int)?

        /// Creates a yearly recurrence.
        public init(
            interval: Int = 1,
            count: Int? = nil,
            until: LocalDate? = nil,
            nthWeekday: (Int, Weekday, Int)? = nil
        ) {
            self.interval = interval
            self.count = count
            self.until = until
            self.nthWeekday = nthWeekday.map { (nth: $0.0, weekday: $0.1, month: $0.2) }
        }

        public static func == (lhs: YearlyRecurrence, rhs: YearlyRecurrence) -> Bool {
            lhs.interval == rhs.interval && lhs.count == rhs.count && lhs.until == rhs.until
                && lhs.nthWeekday?.nth == rhs.nthWeekday?.nth && lhs.nthWeekday?.weekday == rhs.nthWeekday?.weekday
                && lhs.nthWeekday?.month == rhs.nthWeekday?.month
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(interval)
            hasher.combine(count)
            hasher.combine(until)
            hasher.combine(nthWeekday?.nth)
            hasher.combine(nthWeekday?.weekday)
            hasher.combine(nthWeekday?.month)
        }
    }

    /// The first day.
    public var start: LocalDate
    /// How many days the event covers (DTEND is exclusive in iCalendar).
    public var length: Int
    /// The event's summary.
    public var name: String
    /// How it repeats, if it does.
    public var recurrence: YearlyRecurrence?
    /// Occurrences removed by `EXDATE`.
    public var exceptions: Set<LocalDate>

    /// Creates a day off.
    public init(
        start: LocalDate,
        length: Int = 1,
        name: String,
        recurrence: YearlyRecurrence? = nil,
        exceptions: Set<LocalDate> = []
    ) {
        self.start = start
        self.length = max(1, length)
        self.name = name
        self.recurrence = recurrence
        self.exceptions = exceptions
    }

    /// The first days of the occurrences that can touch `start` through `end`.
    func occurrences(from start: LocalDate, through end: LocalDate) -> [LocalDate] {
        guard let recurrence else {
            return exceptions.contains(self.start) ? [] : [self.start]
        }
        var result: [LocalDate] = []
        var index = 0
        var year = self.start.year
        while year <= end.year {
            defer {
                year += recurrence.interval
                index += 1
            }
            if let count = recurrence.count, index >= count { break }
            let date: LocalDate? =
                if let rule = recurrence.nthWeekday {
                    HolidayRule.nthWeekday(rule.nth, rule.weekday, month: rule.month).date(in: year)
                } else {
                    LocalDate(year: year, month: self.start.month, day: self.start.day)
                }
            guard let date, date >= self.start else { continue }
            if let until = recurrence.until, date > until { break }
            if exceptions.contains(date) { continue }
            if date.adding(days: length - 1) >= start { result.append(date) }
        }
        return result
    }
}
