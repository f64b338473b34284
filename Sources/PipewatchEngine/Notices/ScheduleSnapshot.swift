import Foundation
import PipewatchCore

/// The coming shifts as computed at one schedule version, so that the next version's can be
/// compared with them: whose shifts a change of time off, a swap or an override moved.
struct ScheduleSnapshot: Sendable {
    let version: Int64
    let window: Range<Date>
    let shifts: [Shift]
    /// The gaps nobody can cover (not those before the first handoff).
    let gaps: [ScheduleGap]

    /// The engineers whose shifts differ from `other`'s over the time both snapshots cover, with
    /// their shifts there now; shifts cut by either window's edges are left out.
    func movedShifts(since other: ScheduleSnapshot) -> [EngineerID: [Shift]] {
        let start = max(window.lowerBound, other.window.lowerBound)
        let end = min(window.upperBound, other.window.upperBound)
        let inside = { (shift: Shift) in shift.start >= start && shift.end <= end }
        let now = Dictionary(grouping: shifts.filter(inside), by: \.engineer)
        let before = Dictionary(grouping: other.shifts.filter(inside), by: \.engineer)
        var moved: [EngineerID: [Shift]] = [:]
        for engineer in Set(now.keys).union(before.keys) {
            let current = now[engineer] ?? []
            if Set(current) != Set(before[engineer] ?? []) { moved[engineer] = current }
        }
        return moved
    }

    /// The gaps that `other` did not have.
    func newGaps(since other: ScheduleSnapshot) -> [ScheduleGap] {
        let known = Set(other.gaps.map { [$0.start, $0.end] })
        return gaps.filter { !known.contains([$0.start, $0.end]) }
    }
}
