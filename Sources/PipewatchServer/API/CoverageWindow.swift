import Foundation
import PipewatchCore
import PipewatchEngine
import PipewatchStore
import Synchronization

/// Who is on call, from a schedule computed once for weeks around now and kept while the stored
/// schedule does not change: `/api/v1/oncall/now` then costs a lookup, not a schedule.
///
/// The store is asked whether the schedule changed (its audit log's last id: every change is
/// audited) at most once a second, so a change made from the command line shows within a second.
final class CoverageWindow: Sendable {
    private struct Window: Sendable {
        var version: Int64
        var checkedAt: ContinuousClock.Instant
        var schedule: Schedule
        var from: Date
        var to: Date
    }

    private let service: ScheduleService
    private let window = Mutex<Window?>(nil)

    init(service: ScheduleService) {
        self.service = service
    }

    /// Coverage at `now` under `policy`.
    func coverage(policy: OncallPolicy, at now: Date) async throws -> Schedule.Coverage {
        // Far enough from the window's edges that the shift around `now` is whole.
        let margin = max(2 * policy.shift.timeInterval, 7 * 86_400)
        let inside = { (window: Window) in
            window.from.addingTimeInterval(margin) <= now && now.addingTimeInterval(margin) <= window.to
        }
        let kept = window.withLock { $0 }
        if let kept, inside(kept), kept.checkedAt.duration(to: .now) < .seconds(1) {
            return kept.schedule.coverage(at: now)
        }
        let version = try await service.store.scheduleVersion()
        if var kept, kept.version == version, inside(kept) {
            kept.checkedAt = .now
            window.withLock { $0 = kept }
            return kept.schedule.coverage(at: now)
        }
        let (from, to) = (now.addingTimeInterval(-2 * margin), now.addingTimeInterval(4 * margin))
        let schedule = try await service.calculator(policy: policy).schedule(from: from, to: to)
        window.withLock { $0 = Window(version: version, checkedAt: .now, schedule: schedule, from: from, to: to) }
        return schedule.coverage(at: now)
    }
}
