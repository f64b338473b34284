public import Foundation
import PipewatchCore
import PipewatchStore
import Synchronization

extension NoticePlanner {
    /// How far ahead a schedule change is looked for.
    static let scheduleChangeHorizon: TimeInterval = 28 * 86_400

    /// Tells each engineer whose shifts in the next four weeks a stored change (time off, a swap,
    /// an override) moved, with their shifts now, once per change and engineer; and the team of a
    /// gap the change left.
    ///
    /// - Returns: How many messages were queued.
    public func scheduleChangeNotices(at now: Date) async throws -> Int {
        guard plan.oncall != nil else { return 0 }
        let version = try await schedule.store.scheduleVersion()
        // Nothing stored changed since the last look: the snapshot taken then still compares
        // (only the time both windows cover is compared), so the schedule is not computed again.
        if let last = lastSchedule.withLock({ $0 }), last.version == version { return 0 }
        guard let calculator = try? await schedule.calculator() else { return 0 }
        let window = now..<now.addingTimeInterval(Self.scheduleChangeHorizon)
        guard let ahead = try? calculator.schedule(from: window.lowerBound, to: window.upperBound) else { return 0 }
        let current = ScheduleSnapshot(
            version: version,
            window: window,
            shifts: ahead.shifts,
            gaps: ahead.uncoveredGaps
        )
        let previous = lastSchedule.withLock { last in
            defer { last = current }
            return last
        }
        guard let previous, previous.version != version else { return 0 }
        var queued = 0
        for (id, shifts) in current.movedShifts(since: previous).sorted(by: { $0.key < $1.key }) {
            guard let engineer = plan.catalog.engineer(id) else { continue }
            let title = "Your on-call shifts changed"
            let listed = shifts.prefix(5).map {
                "  - \(ISO8601Text.format($0.start, in: engineer.timeZone)) to "
                    + "\(ISO8601Text.format($0.end, in: engineer.timeZone)) (\($0.reason))"
            }
            let lines =
                [title, "After a change to the schedule (time off, a swap or an override), your shifts are now:"]
                + (listed.isEmpty ? ["  none in the next four weeks"] : listed)
                + ["See: pipewatch oncall schedule --engineer \(id)"]
            let message = NotificationMessage(
                kind: "schedule_change",
                title: title,
                text: lines.joined(separator: "\n"),
                fields: ["schedule_version": String(version)]
            )
            queued += try await enqueue(
                message,
                to: "engineer:\(id)",
                contacts: engineer.contacts,
                key: "schedule-change/\(version)/\(id)",
                at: now
            )
        }
        // A change that leaves a gap is told to the team at once, however far ahead (within the
        // window); the gap notices' key, so the 14-day notice does not repeat it.
        for gap in current.newGaps(since: previous) {
            queued += try await gapNotice(gap, at: now)
        }
        return queued
    }
}
