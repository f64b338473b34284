public import Foundation

/// How a person wants to be reached: which channels for which severity, and quiet hours in their
/// own time zone, when only critical pages go through and the rest wait for the morning.
public struct NotificationPreferences: Sendable, Hashable {
    /// Local hours from `start` until `end` (across midnight when `end` is earlier).
    public struct QuietHours: Sendable, Hashable {
        public var start: TimeOfDay
        public var end: TimeOfDay

        /// Creates quiet hours; `start == end` is none.
        public init(start: TimeOfDay, end: TimeOfDay) {
            self.start = start
            self.end = end
        }
    }

    /// The channels for each severity; a severity not listed uses every contact.
    public var channels: [Severity: Set<NotificationChannel>]
    /// When messages other than critical pages wait.
    public var quietHours: QuietHours?

    /// Creates preferences: every channel for every severity, no quiet hours.
    public init(channels: [Severity: Set<NotificationChannel>] = [:], quietHours: QuietHours? = nil) {
        self.channels = channels
        self.quietHours = quietHours
    }

    /// The contacts a message of `severity` goes to: those on the severity's channels, or all.
    public func contacts(_ contacts: [ContactMethod], severity: Severity?) -> [ContactMethod] {
        guard let severity, let wanted = channels[severity] else { return contacts }
        return contacts.filter { wanted.contains($0.channel) }
    }

    /// When a message of `severity` queued at `now` is sent: at once, or at the end of the quiet
    /// hours `now` falls in (in `timeZone`, the person's). Critical messages never wait.
    public func deliveryTime(severity: Severity?, at now: Date, in timeZone: TimeZone) -> Date {
        guard severity != .critical, let quiet = quietHours, quiet.start != quiet.end else { return now }
        let wall = WallTime.seconds(of: now, in: timeZone)
        let day = wall - ((wall % 86_400) + 86_400) % 86_400
        let minute = (wall - day) / 60
        let (start, end) = (quiet.start.minutesSinceMidnight, quiet.end.minutesSinceMidnight)
        let endOfQuiet: Int
        if start < end {
            guard minute >= start && minute < end else { return now }
            endOfQuiet = day + end * 60
        } else if minute >= start {
            endOfQuiet = day + 86_400 + end * 60
        } else if minute < end {
            endOfQuiet = day + end * 60
        } else {
            return now
        }
        return max(now, WallTime.instant(atWallSeconds: endOfQuiet, in: timeZone))
    }
}
