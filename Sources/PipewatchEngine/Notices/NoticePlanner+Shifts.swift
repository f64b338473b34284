public import Foundation
import PipewatchCore
import PipewatchStore

extension NoticePlanner {
    /// How far ahead gaps in the schedule are announced to the team.
    static let gapNoticeHorizon: TimeInterval = 14 * 86_400

    /// Reminds each engineer of a shift about to start (`oncall.reminders`: a day before and at the
    /// start unless the config says otherwise), tells the
    /// team of every gap in the next 14 days when nobody can be on call, and tells the engineers of
    /// a swap request about it and its decision; each once.
    ///
    /// - Returns: How many messages were queued.
    public func shiftNotices(at now: Date) async throws -> Int {
        guard let policy = plan.oncall, let calculator = try? await schedule.calculator(),
            let ahead = try? calculator.schedule(from: now.addingTimeInterval(-3600), to: now + Self.gapNoticeHorizon)
        else { return 0 }
        var queued = 0
        for shift in ahead.shifts {
            guard let engineer = plan.catalog.engineer(shift.engineer) else { continue }
            // The latest lead already reached, within an hour of reaching it (a restart catches up).
            guard
                let lead = policy.reminders.map({ Double($0.components.seconds) }).sorted(by: >).first(where: { lead in
                    let due = shift.start.addingTimeInterval(-lead)
                    return now >= due && now < due.addingTimeInterval(3600) && now < shift.end
                })
            else { continue }
            let start = ISO8601Text.format(shift.start, in: engineer.timeZone)
            let end = ISO8601Text.format(shift.end, in: engineer.timeZone)
            let title = lead > 0 ? "You are on call from \(start)" : "Your on-call shift starts now"
            let message = NotificationMessage(
                kind: "shift_reminder",
                title: title,
                text: [
                    title,
                    "Your on-call shift (\(shift.reason)) runs from \(start) to \(end), your time.",
                    "Who is on call now: pipewatch oncall now. Your shifts: pipewatch oncall schedule --engineer \(engineer.id)",
                ].joined(separator: "\n"),
                fields: [
                    "shift_start": ISO8601Text.format(shift.start, in: .gmt),
                    "shift_end": ISO8601Text.format(shift.end, in: .gmt),
                ]
            )
            let key = "shift-reminder/\(engineer.id)/\(Int64(shift.start.timeIntervalSince1970))/\(Int(lead))"
            queued += try await enqueue(
                message,
                to: "engineer:\(engineer.id)",
                contacts: engineer.contacts,
                key: key,
                at: now
            )
        }
        for gap in ahead.uncoveredGaps where gap.end > now {
            queued += try await gapNotice(gap, at: now)
        }
        return queued + (try await swapNotices(at: now))
    }

    /// Tells the taker of each pending swap request about it, and the requester of each decided
    /// one about the decision; each once, whichever process filed or decided it.
    public func swapNotices(at now: Date) async throws -> Int {
        var queued = 0
        let recent = now.addingTimeInterval(-Self.gapNoticeHorizon)
        for swap in try await schedule.store.swapRequests(status: nil) where swap.end > now {
            let (recipient, verb): (EngineerID, String)
            switch swap.status {
            case .pending where swap.requestedAt > recent: (recipient, verb) = (swap.taker, "asks you to take")
            case .accepted: (recipient, verb) = (swap.requester, "was accepted by \(swap.taker):")
            case .declined: (recipient, verb) = (swap.requester, "was declined by \(swap.taker):")
            default: continue
            }
            guard let engineer = plan.catalog.engineer(recipient) else { continue }
            let start = ISO8601Text.format(swap.start, in: engineer.timeZone)
            let end = ISO8601Text.format(swap.end, in: engineer.timeZone)
            let title =
                swap.status == .pending
                ? "Swap request #\(swap.id): \(swap.requester) asks you to take \(start) to \(end)"
                : "Your swap request #\(swap.id) \(verb) \(start) to \(end)"
            var lines = [title]
            if let reason = swap.reason { lines.append("Reason: \(reason)") }
            if swap.status == .pending {
                lines.append(
                    "Answer with: pipewatch swap accept \(swap.id) --as \(swap.taker), "
                        + "or pipewatch swap decline \(swap.id) --as \(swap.taker)"
                )
            }
            let message = NotificationMessage(
                kind: "swap_\(swap.status.rawValue)",
                title: title,
                text: lines.joined(separator: "\n"),
                fields: ["swap_id": String(swap.id), "status": swap.status.rawValue]
            )
            let key = "swap/\(swap.id)/\(swap.status.rawValue)"
            queued += try await enqueue(
                message,
                to: "engineer:\(recipient)",
                contacts: engineer.contacts,
                key: key,
                at: now
            )
        }
        return queued
    }

    /// Tells the team, once, that nobody can be on call over `gap`, and why.
    func gapNotice(_ gap: ScheduleGap, at now: Date) async throws -> Int {
        let zone = plan.catalog.team.timeZone
        let from = ISO8601Text.format(gap.start, in: zone)
        let to = ISO8601Text.format(gap.end, in: zone)
        let title = "Nobody can be on call from \(from) to \(to)"
        let message = NotificationMessage(
            kind: "schedule_gap",
            title: title,
            text: "\(title)\n\(gap.explanation).\nPlan an override (pipewatch override) or a swap before then.",
            fields: [
                "gap_start": ISO8601Text.format(gap.start, in: .gmt), "gap_end": ISO8601Text.format(gap.end, in: .gmt),
            ]
        )
        let key = "schedule-gap/\(Int64(gap.start.timeIntervalSince1970))/\(Int64(gap.end.timeIntervalSince1970))"
        return try await enqueue(message, to: "team", contacts: plan.catalog.team.contacts, key: key, at: now)
    }

    /// Queues `message` for `recipient`'s contacts in a transaction of its own.
    func enqueue(
        _ message: NotificationMessage,
        to recipient: String,
        contacts: [ContactMethod],
        key: String,
        at now: Date
    ) async throws -> Int {
        let outbox = OutboxWriter(mailFrom: plan.smtp?.from)
        return try await store.transaction { transaction in
            try await outbox.enqueue(message, to: recipient, contacts: contacts, key: key, in: transaction, at: now)
        }
    }
}
