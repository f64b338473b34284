public import Foundation

/// A five-field cron schedule (`minute hour day-of-month month day-of-week`), as crontab(5)
/// reads it: `*`, lists, ranges and steps (`*/15`, `1-5`, `0,30`), month and weekday names,
/// and the day fields matching either one when both are restricted.
public struct CronSchedule: Sendable, Equatable {
    /// The schedule as written.
    public let text: String
    let minutes: [Int]
    let hours: [Int]
    let days: Set<Int>
    let months: Set<Int>
    /// 0 is Sunday.
    let weekdays: Set<Int>
    let daysRestricted: Bool
    let weekdaysRestricted: Bool
    /// The hour field is `*` or `*/N`: the schedule runs through an hour the fall-back repeats.
    let everyHour: Bool

    /// Why a schedule does not parse.
    public struct ParseError: Error, Equatable, CustomStringConvertible {
        public let description: String
    }

    private static let monthNames = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ]
    private static let weekdayNames = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]

    /// Parses five whitespace-separated fields.
    public init(parsing text: String) throws(ParseError) {
        let fields = text.split(whereSeparator: \.isWhitespace).map(String.init)
        guard fields.count == 5 else {
            throw ParseError(description: "expected 5 fields (minute hour day month weekday), found \(fields.count)")
        }
        self.text = fields.joined(separator: " ")
        minutes = try Self.values(fields[0], "minute", 0...59).sorted()
        hours = try Self.values(fields[1], "hour", 0...23).sorted()
        days = try Self.values(fields[2], "day of month", 1...31)
        months = try Self.values(fields[3], "month", 1...12, names: Self.monthNames, firstName: 1)
        weekdays = Set(try Self.values(fields[4], "weekday", 0...7, names: Self.weekdayNames).map { $0 % 7 })
        daysRestricted = !fields[2].hasPrefix("*")
        weekdaysRestricted = !fields[4].hasPrefix("*")
        everyHour = fields[1].hasPrefix("*")
    }

    /// The first instant strictly after `instant` that the schedule names, read in `timeZone`;
    /// local times a daylight-saving change skips are not run, and local times it repeats run
    /// once, unless the hour field is `*` or `*/N` (then in both passes, as cron does).
    public func next(after instant: Date, in timeZone: TimeZone) -> Date? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        var day = calendar.startOfDay(for: instant)
        for _ in 0..<(366 * 8) {
            let parts = calendar.dateComponents([.year, .month, .day, .weekday], from: day)
            if let month = parts.month, let dayOfMonth = parts.day, let weekday = parts.weekday,
                months.contains(month), matchesDay(dayOfMonth, weekday: weekday - 1)
            {
                for hour in hours {
                    var firsts: [Date] = []
                    for minute in minutes {
                        var wanted = parts
                        wanted.weekday = nil
                        (wanted.hour, wanted.minute, wanted.second) = (hour, minute, 0)
                        guard let date = calendar.date(from: wanted), calendar.component(.hour, from: date) == hour
                        else { continue }
                        if date > instant { return date }
                        firsts.append(date)
                    }
                    // An hour the fall-back repeats: a schedule over every hour runs in its second
                    // pass too, as cron runs wildcard jobs; one naming its hours runs once.
                    guard everyHour else { continue }
                    for first in firsts {
                        let repeated = first.addingTimeInterval(fallBack(after: first, in: timeZone))
                        if repeated > instant, calendar.component(.hour, from: repeated) == hour { return repeated }
                    }
                }
            }
            guard let following = calendar.date(byAdding: .day, value: 1, to: day) else { return nil }
            day = following
        }
        return nil
    }

    /// How far the clocks go back within the two hours after `instant` (0 on other days).
    private func fallBack(after instant: Date, in timeZone: TimeZone) -> TimeInterval {
        timeZone.daylightSavingTimeOffset(for: instant)
            - timeZone.daylightSavingTimeOffset(for: instant.addingTimeInterval(2 * 3600))
    }

    private func matchesDay(_ day: Int, weekday: Int) -> Bool {
        switch (daysRestricted, weekdaysRestricted) {
        case (true, true): days.contains(day) || weekdays.contains(weekday)
        case (true, false): days.contains(day)
        case (false, true): weekdays.contains(weekday)
        case (false, false): true
        }
    }

    private static func values(
        _ field: String,
        _ name: String,
        _ bounds: ClosedRange<Int>,
        names: [String] = [],
        firstName: Int = 0
    ) throws(ParseError) -> Set<Int> {
        func number(_ text: Substring) throws(ParseError) -> Int {
            if let index = names.firstIndex(of: text.lowercased()) { return index + firstName }
            guard let value = Int(text), bounds.contains(value) else {
                throw ParseError(
                    description: "\(name) '\(text)' is not in \(bounds.lowerBound)–\(bounds.upperBound)"
                )
            }
            return value
        }
        var result = Set<Int>()
        for part in field.split(separator: ",", omittingEmptySubsequences: false) {
            let pieces = part.split(separator: "/", omittingEmptySubsequences: false)
            guard (1...2).contains(pieces.count), !pieces[0].isEmpty else {
                throw ParseError(description: "\(name) '\(part)' does not parse")
            }
            var step = 1
            if pieces.count == 2 {
                guard let parsed = Int(pieces[1]), parsed > 0 else {
                    throw ParseError(description: "step '\(pieces[1])' of \(name) must be a positive number")
                }
                step = parsed
            }
            let range: ClosedRange<Int>
            if pieces[0] == "*" {
                range = bounds
            } else if let dash = pieces[0].firstIndex(of: "-") {
                let low = try number(pieces[0][..<dash])
                let high = try number(pieces[0][pieces[0].index(after: dash)...])
                guard low <= high else { throw ParseError(description: "\(name) range '\(pieces[0])' runs backwards") }
                range = low...high
            } else {
                let single = try number(pieces[0])
                range = single...(pieces.count == 2 ? bounds.upperBound : single)
            }
            result.formUnion(stride(from: range.lowerBound, through: range.upperBound, by: step))
        }
        return result
    }
}
