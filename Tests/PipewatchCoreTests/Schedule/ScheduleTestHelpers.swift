import Foundation
import PipewatchCore
import PipewatchTestSupport

/// One line per shift or gap, in the team zone, so expectations read like the table output:
/// `a rotation 2026-01-05T09:00:00-05:00..2026-01-12T09:00:00-05:00`, `gap …`, `c substitute(b) …`.
func lines(_ schedule: Schedule) -> [String] {
    let zone = schedule.timeZone
    var entries: [(Date, String)] = schedule.shifts.map { shift in
        let who =
            shift.covering.map { "\(shift.engineer) \(shift.reason)(\($0))" } ?? "\(shift.engineer) \(shift.reason)"
        return (
            shift.start,
            "\(who) \(ISO8601Text.format(shift.start, in: zone))..\(ISO8601Text.format(shift.end, in: zone))"
        )
    }
    entries += schedule.gaps.map { gap in
        (gap.start, "gap \(ISO8601Text.format(gap.start, in: zone))..\(ISO8601Text.format(gap.end, in: zone))")
    }
    return entries.sorted { $0.0 < $1.0 }.map(\.1)
}

/// The schedule between two ISO instants.
func schedule(_ calculator: ScheduleCalculator, _ from: String, _ to: String) throws -> Schedule {
    try calculator.schedule(from: ScheduleFixtures.instant(from), to: ScheduleFixtures.instant(to))
}
