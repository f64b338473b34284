public import Foundation

/// When the engine runs a check: at a fixed interval, on a cron schedule, or after each
/// completed run of its pipeline.
public enum CheckSchedule: Sendable, Equatable, CustomStringConvertible {
    case every(Duration)
    /// Five cron fields, read in the pipeline's time zone.
    case cron(CronSchedule)
    /// When a run of the pipeline completes (OpenLineage COMPLETE or FAIL, or a dbt invocation).
    case afterRun

    /// What a check without `every`, `cron` or `after` gets.
    public static let standard = CheckSchedule.every(.seconds(15 * 60))

    /// When a check last run at `last` (never: `nil`) is next due, or `nil` when only a run
    /// triggers it.
    ///
    /// - Parameters:
    ///   - last: When it last ran.
    ///   - now: The instant the engine asks at; a check that never ran on a timer is due now.
    ///   - timeZone: The pipeline's time zone, for cron.
    public func nextDue(after last: Date?, now: Date, in timeZone: TimeZone) -> Date? {
        switch self {
        case .every(let interval):
            guard let last else { return now }
            return last.addingTimeInterval(interval.timeInterval)
        case .cron(let cron):
            guard let last else { return now }
            return cron.next(after: last, in: timeZone)
        case .afterRun:
            return nil
        }
    }

    public var description: String {
        switch self {
        case .every(let interval): "every \(DurationText.format(interval))"
        case .cron(let cron): "cron \"\(cron.text)\""
        case .afterRun: "after each run"
        }
    }
}
