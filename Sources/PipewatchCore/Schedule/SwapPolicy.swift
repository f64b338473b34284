public import Foundation

/// The rules a swap request must meet, as pure functions. ``ScheduleCalculator/validate(_:checkingNotice:)``
/// applies them all; each is public so that the store or the server can check one alone.
public enum SwapPolicy {
    /// The latest instant a swap starting at `start` may be filed: `notice` before it.
    ///
    /// A notice of whole days is counted in local days of the team's zone, so a swap starting
    /// Monday 09:00 needs filing by the Monday before at 09:00 even across a daylight-saving change;
    /// any other notice is counted in elapsed time.
    ///
    /// - Parameters:
    ///   - start: when the swap's interval starts.
    ///   - notice: the policy's `swap_notice`.
    ///   - timeZone: the team's zone.
    /// - Returns: the filing deadline.
    public static func deadline(forStart start: Date, notice: Duration, in timeZone: TimeZone) -> Date {
        let seconds = Int(notice.components.seconds)
        guard seconds % 86_400 == 0 else { return start.addingTimeInterval(-Double(seconds)) }
        return WallTime.instant(atWallSeconds: WallTime.seconds(of: start, in: timeZone) - seconds, in: timeZone)
    }

    /// Checks that the interval is not empty and names two different engineers.
    ///
    /// - Parameters:
    ///   - request: the swap request.
    ///   - timeZone: the team's zone, for the message.
    /// - Throws: ``ScheduleError/swapEmptyInterval(start:end:)`` or ``ScheduleError/swapWithSelf(_:)``.
    public static func checkShape(_ request: SwapRequest, in timeZone: TimeZone) throws(ScheduleError) {
        guard request.start < request.end else {
            throw .swapEmptyInterval(
                start: ISO8601Text.format(request.start, in: timeZone),
                end: ISO8601Text.format(request.end, in: timeZone)
            )
        }
        guard request.requester != request.taker else { throw .swapWithSelf(request.requester) }
    }

    /// Checks that the request was filed (`requestedAt`) no later than its deadline.
    ///
    /// - Parameters:
    ///   - request: the swap request.
    ///   - notice: the policy's `swap_notice`.
    ///   - timeZone: the team's zone, for the deadline and the message.
    /// - Throws: ``ScheduleError/swapTooLate(start:deadline:notice:)`` naming the missed deadline.
    public static func checkNotice(
        _ request: SwapRequest,
        notice: Duration,
        in timeZone: TimeZone
    )
        throws(ScheduleError)
    {
        let deadline = deadline(forStart: request.start, notice: notice, in: timeZone)
        guard request.requestedAt <= deadline else {
            throw .swapTooLate(
                start: ISO8601Text.format(request.start, in: timeZone),
                deadline: ISO8601Text.format(deadline, in: timeZone),
                notice: describe(notice)
            )
        }
    }

    /// Checks that the requester holds every instant of the interval in `schedule`.
    ///
    /// - Parameters:
    ///   - request: the swap request.
    ///   - schedule: a schedule covering the interval, without this request applied.
    /// - Throws: ``ScheduleError/swapNotHeld(requester:at:holder:)`` at the first instant not held.
    public static func checkHeld(_ request: SwapRequest, in schedule: Schedule) throws(ScheduleError) {
        var cursor = request.start
        while cursor < request.end {
            switch schedule.coverage(at: cursor) {
            case .onCall(let shift) where shift.engineer == request.requester:
                cursor = shift.end
            case .onCall(let shift):
                throw .swapNotHeld(
                    requester: request.requester,
                    at: ISO8601Text.format(cursor, in: schedule.timeZone),
                    holder: shift.engineer
                )
            case .gap, .outsideRange:
                throw .swapNotHeld(
                    requester: request.requester,
                    at: ISO8601Text.format(cursor, in: schedule.timeZone),
                    holder: nil
                )
            }
        }
    }

    /// Checks that the taker has no day off overlapping the interval.
    ///
    /// - Parameters:
    ///   - request: the swap request.
    ///   - absences: unavailable days, at least those of the taker overlapping the interval.
    /// - Throws: ``ScheduleError/swapTakerUnavailable(taker:date:reason:)`` for the first such day.
    public static func checkTakerAvailable(_ request: SwapRequest, absences: [Absence]) throws(ScheduleError) {
        let blocking =
            absences
            .filter { $0.engineer == request.taker && $0.overlaps(start: request.start, end: request.end) }
            .min { $0.start < $1.start }
        if let blocking {
            throw .swapTakerUnavailable(taker: request.taker, date: blocking.date, reason: blocking.reason)
        }
    }

    /// `7 days`, `1 day`, `12 hours`, or the compact form for anything else.
    static func describe(_ notice: Duration) -> String {
        let seconds = notice.components.seconds
        if seconds > 0, seconds % 86_400 == 0 { return seconds == 86_400 ? "1 day" : "\(seconds / 86_400) days" }
        if seconds > 0, seconds % 3_600 == 0 { return seconds == 3_600 ? "1 hour" : "\(seconds / 3_600) hours" }
        return DurationText.format(notice)
    }
}

extension ScheduleCalculator {
    /// Checks a swap request against every rule: a non-empty interval between two rotation
    /// members, filed at least `swap_notice` before it starts, lying within shifts the requester
    /// holds (in this calculator's schedule, which must not already include the request), and a
    /// taker available for the whole interval.
    ///
    /// - Parameters:
    ///   - request: the request as filed; `requestedAt` is when it was filed.
    ///   - checkingNotice: `false` to skip the notice rule, e.g. when re-checking at acceptance.
    /// - Throws: the first ``ScheduleError`` among the rules, in the order above.
    public func validate(_ request: SwapRequest, checkingNotice: Bool = true) throws(ScheduleError) {
        try SwapPolicy.checkShape(request, in: timeZone)
        for id in [request.requester, request.taker] where !members.contains(where: { $0.id == id }) {
            throw .swapUnknownEngineer(id)
        }
        if checkingNotice { try SwapPolicy.checkNotice(request, notice: policy.swapNotice, in: timeZone) }
        let schedule = try schedule(from: request.start, to: request.end)
        try SwapPolicy.checkHeld(request, in: schedule)
        try SwapPolicy.checkTakerAvailable(request, absences: schedule.absences)
    }
}
