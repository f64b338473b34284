import Foundation
public import PipewatchCore

/// A ``DayOffCalendar`` backed by a table of holidays per region code, for tests and
/// benchmarks until the holiday engine answers. Optionally limited to covered years, outside
/// which it throws as a real calendar must.
public struct TableDayOffCalendar: DayOffCalendar {
    /// Holiday names by region code (`US-NY`) and date.
    public var holidays: [String: [LocalDate: String]]
    /// Years the table covers; `nil` for any year.
    public var coveredYears: ClosedRange<Int>?

    /// Creates a calendar from `region code → [(YYYY-MM-DD, name)]`.
    ///
    /// - Parameters:
    ///   - table: each region's holidays as ISO dates and names; bad dates are a test bug and trap.
    ///   - coveredYears: the years the table covers, or `nil` for all.
    public init(_ table: [String: [(String, String)]] = [:], coveredYears: ClosedRange<Int>? = nil) {
        var holidays: [String: [LocalDate: String]] = [:]
        for (region, entries) in table {
            for (text, name) in entries {
                guard let date = LocalDate(iso: text) else { preconditionFailure("bad date '\(text)' in test table") }
                holidays[region, default: [:]][date] = name
            }
        }
        self.holidays = holidays
        self.coveredYears = coveredYears
    }

    public func daysOff(for engineer: Engineer, from start: LocalDate, through end: LocalDate) throws -> [DayOff] {
        if let coveredYears, !coveredYears.contains(start.year) || !coveredYears.contains(end.year) {
            throw TableCalendarError.outsideCoverage(region: engineer.region.code, years: coveredYears)
        }
        let table = holidays[engineer.region.code] ?? [:]
        return table.filter { $0.key >= start && $0.key <= end }
            .filter { !engineer.holidayExceptions.contains($0.value) }
            .sorted { $0.key < $1.key }
            .map { DayOff(date: $0.key, reason: .publicHoliday(name: $0.value)) }
    }
}

/// The error a ``TableDayOffCalendar`` throws outside its years.
public enum TableCalendarError: Error, Sendable, CustomStringConvertible {
    case outsideCoverage(region: String, years: ClosedRange<Int>)

    public var description: String {
        switch self {
        case .outsideCoverage(let region, let years):
            "holidays of '\(region)' are known for \(years.lowerBound) through \(years.upperBound) only"
        }
    }
}
