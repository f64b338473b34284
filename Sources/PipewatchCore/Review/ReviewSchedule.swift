public import Foundation

/// When the team's review is sent, and to whom (`review:` in the config).
///
/// Periods are whole days: they start at midnight in the team's zone on `starts`, and every
/// `everyDays` days after, so daylight saving time never moves a boundary.
public struct ReviewSchedule: Sendable, Equatable {
    /// Who receives the review.
    public enum Recipient: Sendable, Hashable {
        /// The team's own contacts (`team.contacts`).
        case team
        /// An engineer's contacts.
        case engineer(EngineerID)
        /// A stakeholder's contacts.
        case stakeholder(StakeholderID)
    }

    /// The default first day of the first period: Monday 2024-01-01.
    public static let defaultStart = LocalDate(year: 2024, month: 1, day: 1) ?? LocalDate(dayNumber: 19_723)

    /// The length of a period, in days.
    public var everyDays: Int
    public var notify: [Recipient]
    /// The first day of the first period.
    public var starts: LocalDate

    /// Creates a schedule.
    public init(everyDays: Int, notify: [Recipient] = [.team], starts: LocalDate = ReviewSchedule.defaultStart) {
        self.everyDays = everyDays
        self.notify = notify
        self.starts = starts
    }

    /// The latest period that has ended at `now`: the one the review sent at `now` covers.
    ///
    /// - Parameters:
    ///   - now: The instant.
    ///   - zone: The team's zone.
    /// - Returns: The period's first instant and the instant after it, or `nil` before the first period has ended.
    public func lastEndedPeriod(at now: Date, in zone: TimeZone) -> (from: Date, to: Date)? {
        guard everyDays > 0 else { return nil }
        let today = LocalDate(now, in: zone)
        var periods = starts.days(to: today) / everyDays
        var end = starts.adding(days: periods * everyDays)
        // Today's boundary has not come yet when now is before its midnight (never, but be exact).
        if end.instant(in: zone) > now { periods -= 1 }
        guard periods >= 1 else { return nil }
        end = starts.adding(days: periods * everyDays)
        return (end.adding(days: -everyDays).instant(in: zone), end.instant(in: zone))
    }
}
