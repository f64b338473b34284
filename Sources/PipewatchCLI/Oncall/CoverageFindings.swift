import Foundation
import PipewatchConfig
import PipewatchCore

/// What `validate` says about the schedule the config produces over the coming year: the years
/// planned with provisional holidays, and the gaps when nobody can be on call (from the config
/// alone: holidays, calendars and declared time off).
enum CoverageFindings {
    static func warnings(for plan: TeamPlan, at location: SourceLocation, from now: Date) -> [Diagnostic] {
        guard let policy = plan.oncall else { return [] }
        let zone = plan.catalog.team.timeZone
        do {
            let calculator = try ScheduleCalculator(
                policy: policy,
                timeZone: zone,
                engineers: plan.catalog.engineers,
                calendar: plan.dayOffCalendar()
            )
            let first = LocalDate(now, in: zone)
            let schedule = try calculator.schedule(from: first, through: first.adding(days: 364))
            let provisional = schedule.provisional.map { year in
                Diagnostic(
                    location: location,
                    severity: .warning,
                    message: "oncall: \(year)"
                )
            }
            return provisional
                + schedule.uncoveredGaps.map { gap in
                    Diagnostic(
                        location: location,
                        severity: .warning,
                        message: "oncall: nobody can be on call from \(ISO8601Text.format(gap.start, in: zone)) "
                            + "to \(ISO8601Text.format(gap.end, in: zone)): \(gap.explanation)",
                        hint: "add an engineer from another region to the rotation, or plan an override for those hours"
                    )
                }
        } catch {
            return [Diagnostic(location: location, severity: .warning, message: "oncall: \(error)")]
        }
    }
}
