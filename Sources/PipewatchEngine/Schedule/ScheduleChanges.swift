public import Foundation
public import PipewatchCore
public import PipewatchStore

/// The changes people make to the schedule at run time (swap requests and their decisions, time
/// off), with the rules they must pass, in one place for every front end: `pipewatch swap` and
/// `pipewatch timeoff` call it, and so does the dashboard's schedule page, so both refuse a change
/// with the same message.
///
/// Refusals are thrown as ``ScheduleError`` (the rules of the schedule: notice too short, the taker
/// unavailable that day and why) or ``EngineError/invalidRequest(_:)`` (who may decide a swap, and
/// when); ``StoreError`` when the database fails. Every change is audited in its transaction.
public struct ScheduleChanges: Sendable {
    public let schedule: ScheduleService

    /// Creates the use cases over the schedule they change.
    public init(schedule: ScheduleService) {
        self.schedule = schedule
    }

    private var zone: TimeZone { schedule.plan.catalog.team.timeZone }

    /// One line describing a swap request, times in the team's zone, for the audit log and replies.
    public func describe(_ request: SwapRequest) -> String {
        let format = { (date: Date) in ISO8601Text.format(date, in: zone) }
        return "'\(request.requester)' → '\(request.taker)' from \(format(request.start)) to \(format(request.end))"
            + (request.reason.map { " (\($0))" } ?? "")
    }

    /// Files a swap request after checking it as the schedule stands: shape, notice, that the
    /// requester holds the interval and that the taker is available all of it.
    ///
    /// - Returns: the pending request.
    public func requestSwap(
        from requester: EngineerID,
        to taker: EngineerID,
        interval: Range<Date>,
        reason: String?,
        at now: Date
    ) async throws -> SwapRequest {
        let draft = SwapRequest(
            id: 0,
            requester: requester,
            taker: taker,
            start: interval.lowerBound,
            end: interval.upperBound,
            reason: reason,
            requestedAt: now
        )
        let calculator = try await schedule.calculator()
        try calculator.validate(draft)
        return try await schedule.store.fileSwapRequest(
            requester: requester,
            taker: taker,
            interval: interval,
            reason: reason,
            at: now
        ) { request in
            AuditDraft(at: now, actor: requester.rawValue, action: "swap.request", detail: describe(request))
        }
    }

    /// Accepts or declines (as the taker) or cancels (as the requester) a pending swap request; an
    /// acceptance is checked again against the schedule as it stands now (the taker may have taken
    /// time off since).
    ///
    /// - Returns: the decided request.
    public func decideSwap(
        _ id: Int64,
        as status: SwapStatus,
        by actor: EngineerID,
        at now: Date
    ) async throws
        -> SwapRequest
    {
        let request = try await schedule.store.swapRequest(id: id)
        let verb = status == .cancelled ? "cancel" : status == .accepted ? "accept" : "decline"
        let allowed = status == .cancelled ? request.requester : request.taker
        guard actor == allowed else {
            let role = status == .cancelled ? "requester" : "taker"
            throw EngineError.invalidRequest("only '\(allowed)', the \(role), may \(verb) swap request #\(id)")
        }
        // Decided already: say so first, before the schedule (which the decision changed) objects.
        guard request.status == .pending else {
            throw EngineError.invalidRequest(
                "cannot \(verb) swap request #\(id): it is already \(request.status.rawValue); "
                    + "only a pending request can be decided"
            )
        }
        if status == .accepted, request.start <= now {
            throw EngineError.invalidRequest(
                "cannot accept swap request #\(id): its interval started at "
                    + "\(ISO8601Text.format(request.start, in: zone)); hand over what is left with 'pipewatch override'"
            )
        }
        if status == .accepted {
            try await schedule.calculator().validate(request, checkingNotice: false)
        }
        return try await schedule.store.decideSwapRequest(id: id, as: status, at: now) { decided in
            AuditDraft(at: now, actor: actor.rawValue, action: "swap.\(status.rawValue)", detail: describe(decided))
        }
    }

    /// What adding time off did.
    public struct TimeOffAdded: Sendable {
        /// The stored time off.
        public var record: TimeOffRecord
        /// Time off of the same engineer it overlaps (perhaps entered twice).
        public var overlapping: [TimeOffRecord]
        /// The shifts that are new around it: who covers now.
        public var newShifts: [Shift]
        /// The schedule around it afterwards, with any gap nobody can cover.
        public var after: Schedule
    }

    /// Records time off and re-plans around it at once.
    ///
    /// - Parameters:
    ///   - timeOff: the whole local days away; `from` must not be after `to`.
    ///   - actor: who adds it, for the audit log.
    ///   - now: when.
    /// - Returns: the record, overlapping time off, and the shifts it moved over the days around it.
    public func addTimeOff(_ timeOff: TimeOff, by actor: String, at now: Date) async throws -> TimeOffAdded {
        guard timeOff.from <= timeOff.to else {
            throw EngineError.invalidRequest("the last day \(timeOff.to) is before the first day \(timeOff.from)")
        }
        let before = try await schedule.calculator()
        let overlapping = try await schedule.store.timeOff(
            for: timeOff.engineer,
            overlapping: timeOff.from...timeOff.to
        )
        let record = try await schedule.store.addTimeOff(timeOff, at: now) { record in
            AuditDraft(
                at: now,
                actor: actor,
                action: "timeoff.add",
                detail: "time off #\(record.id) for '\(timeOff.engineer)' from \(timeOff.from) to \(timeOff.to)"
                    + (timeOff.reason.map { ": \($0)" } ?? "")
            )
        }
        let (moved, after) = try await schedule.difference(
            from: before,
            days: timeOff.from.adding(days: -1),
            through: timeOff.to.adding(days: 1)
        )
        return TimeOffAdded(record: record, overlapping: overlapping, newShifts: moved, after: after)
    }
}
