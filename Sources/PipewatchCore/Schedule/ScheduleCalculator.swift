public import Foundation

/// Computes who is on call: the weekly rotation, adjusted for holidays and time off,
/// seasons of daily shifts, accepted swaps and overrides. Pure and deterministic: the same
/// inputs give the same schedule, and the shift at an instant does not depend on the range
/// asked for.
///
/// The rules, in the order they apply:
/// 1. **Rotation.** Shifts of `policy.shift` start at the first `handoff` weekday on or after
///    `policy.starts`, at the handoff time in the team's zone, engineers in rotation order.
///    Shifts advance in local wall time, so a 09:00 handoff stays at 09:00 across daylight
///    saving. Before the first handoff nobody is on call (a gap).
/// 2. **Seasons.** A season day `D` runs from `D` at the handoff time to the next day's handoff.
///    Each goes to the engineer available all that day with the fewest days so far in this
///    occurrence of the season (ties: the next in rotation order after the previous day's
///    engineer; the first day starts with the engineer whose rotation turn it is). The weekly
///    rotation is a fixed calendar: it resumes after the season as if the season had not been.
/// 3. **Substitutes.** The scheduled engineer's unavailable hours (whole local days in their own
///    zone) go to a substitute available for the whole interval, the one with the least on-call
///    time so far in the team-zone year, ties to the next in rotation order after the absent
///    engineer. Intervals are first cut at New Year (team zone), so "so far that year" is
///    always one year. When nobody is available for a whole interval it is cut at midnights
///    of the team's zone and each piece chosen alike; when nobody is available for a whole
///    piece, the piece is cut where candidates' availability changes, and only the time that
///    nobody at all can take becomes a ``ScheduleGap``.
/// 4. **Swaps.** Each accepted swap (in order of decision) gives the requester's time within its
///    interval to the taker, except hours when the taker is unavailable.
/// 5. **Overrides** win over everything, in order of creation, even on the engineer's day off:
///    they are a person's explicit decision with a reason.
///
/// Only rotation members take shifts or substitute. Fairness counts (on-call seconds per year)
/// include every final shift: rotation, season, substitute, swap and override.
public struct ScheduleCalculator: Sendable {
    /// The on-call policy from the config.
    public let policy: OncallPolicy
    /// The team's time zone: handoffs, seasons and years are read in it.
    public let timeZone: TimeZone
    /// The rotation's members, once each, in rotation order of first appearance.
    public let members: [Engineer]
    /// Answers which local days are holidays for each engineer.
    public let calendar: any DayOffCalendar
    /// Time off from the config and from the store.
    public let timeOff: [TimeOff]
    /// Accepted swaps in the order they apply (by decision time, then id).
    public let swaps: [SwapRequest]
    /// Overrides in the order they apply (by creation time, then id).
    public let overrides: [Override]

    let shiftSeconds: Int
    let firstHandoffWall: Int
    let rotationMembers: [Int]

    /// Creates a calculator.
    ///
    /// - Parameters:
    ///   - policy: the `oncall` section of the config; its `timeOff` is included.
    ///   - timeZone: the team's zone (`team.timezone`).
    ///   - engineers: the catalog's engineers; every rotation member must be among them.
    ///   - calendar: the day-off calendar (public holidays and company days per engineer).
    ///   - timeOff: time off added at run time (from the store), on top of the config's.
    ///   - swaps: swap requests; only `accepted` ones change the schedule.
    ///   - overrides: emergency overrides.
    /// - Throws: ``ScheduleError/emptyRotation``, ``ScheduleError/unknownEngineer(_:)`` or
    ///   ``ScheduleError/invalidShiftLength(_:)``.
    public init(
        policy: OncallPolicy,
        timeZone: TimeZone,
        engineers: [Engineer],
        calendar: any DayOffCalendar,
        timeOff: [TimeOff] = [],
        swaps: [SwapRequest] = [],
        overrides: [Override] = []
    ) throws(ScheduleError) {
        guard !policy.rotation.isEmpty else { throw .emptyRotation }
        let seconds = policy.shift.components.seconds
        guard seconds >= 60, seconds % 60 == 0, policy.shift.components.attoseconds == 0 else {
            throw .invalidShiftLength(DurationText.format(policy.shift))
        }
        var members: [Engineer] = []
        var positions: [EngineerID: Int] = [:]
        var rotationMembers: [Int] = []
        for id in policy.rotation {
            if let position = positions[id] {
                rotationMembers.append(position)
                continue
            }
            guard let engineer = engineers.first(where: { $0.id == id }) else { throw .unknownEngineer(id) }
            positions[id] = members.count
            rotationMembers.append(members.count)
            members.append(engineer)
        }
        self.policy = policy
        self.timeZone = timeZone
        self.members = members
        self.calendar = calendar
        self.timeOff = policy.timeOff + timeOff
        self.swaps = swaps.filter { $0.status == .accepted }.sorted {
            ($0.decidedAt ?? $0.requestedAt, $0.id) < ($1.decidedAt ?? $1.requestedAt, $1.id)
        }
        self.overrides = overrides.sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
        self.shiftSeconds = Int(seconds)
        self.rotationMembers = rotationMembers
        let offset = (policy.handoff.weekday.rawValue - policy.starts.weekday.rawValue + 7) % 7
        self.firstHandoffWall = WallTime.seconds(of: policy.starts.adding(days: offset), at: policy.handoff.time)
    }

    /// The instant of the first handoff: the first handoff weekday on or after `starts`.
    public var firstHandoff: Date {
        WallTime.instant(atWallSeconds: firstHandoffWall, in: timeZone)
    }

    /// Computes the schedule for `[from, to)`.
    ///
    /// - Parameters:
    ///   - from: the start of the range (inclusive).
    ///   - to: the end of the range (exclusive).
    /// - Returns: shifts and gaps covering the range exactly, clipped to it.
    /// - Throws: ``ScheduleError/emptyRange(from:to:)`` when `to` is not after `from`, and
    ///   ``ScheduleError/calendarUnavailable(engineer:year:why:message:)`` when the day-off calendar
    ///   cannot answer for the years involved.
    public func schedule(from: Date, to: Date) throws(ScheduleError) -> Schedule {
        guard from < to else {
            throw .emptyRange(from: ISO8601Text.format(from, in: timeZone), to: ISO8601Text.format(to, in: timeZone))
        }
        var planner = try SchedulePlanner(calculator: self, from: from, to: to)
        return planner.run()
    }

    /// Computes the schedule of the team-zone local days `from` through `through`, inclusive.
    ///
    /// - Parameters:
    ///   - from: the first local day.
    ///   - through: the last local day.
    /// - Returns: the schedule from midnight starting `from` to midnight ending `through`.
    /// - Throws: as ``schedule(from:to:)``.
    public func schedule(from: LocalDate, through: LocalDate) throws(ScheduleError) -> Schedule {
        try schedule(from: from.instant(in: timeZone), to: through.adding(days: 1).instant(in: timeZone))
    }

    /// Who is on call at `instant`, since when, until when and why (`oncall now`, `oncall at`).
    ///
    /// - Parameter instant: the moment asked about (`PIPEWATCH_NOW` for `oncall now`).
    /// - Returns: the shift or gap holding the instant. Its start and end are exact unless an
    ///   override or a gap runs past two shift lengths on either side, where they are cut there.
    /// - Throws: as ``schedule(from:to:)``.
    public func coverage(at instant: Date) throws(ScheduleError) -> Schedule.Coverage {
        let margin = TimeInterval(max(2 * shiftSeconds, 2 * 86_400))
        let schedule = try schedule(from: instant.addingTimeInterval(-margin), to: instant.addingTimeInterval(margin))
        return schedule.coverage(at: instant)
    }

    /// The days off of `engineer` that overlap `[from, to)`: to warn when an override puts
    /// someone on call on their day off, or to show why a swap was refused.
    ///
    /// - Parameters:
    ///   - engineer: a rotation member.
    ///   - from: the start of the interval.
    ///   - to: the end of the interval.
    /// - Returns: the engineer's unavailable days in time order; empty for someone outside the rotation.
    /// - Throws: as ``schedule(from:to:)``.
    public func absences(of engineer: EngineerID, from: Date, to: Date) throws(ScheduleError) -> [Absence] {
        try schedule(from: from, to: to).absences(of: engineer)
    }

    /// The base rotation alone, with no seasons, absences, swaps or overrides: the turn order.
    ///
    /// - Parameters:
    ///   - from: the start of the range.
    ///   - to: the end of the range.
    /// - Returns: rotation shifts clipped to the range (the time before the first handoff is left out).
    public func plainRotation(from: Date, to: Date) -> [Shift] {
        var result: [Shift] = []
        var slot = max(rotationSlot(containing: from.timeIntervalSince1970), 0)
        while true {
            let start = slotStart(slot)
            guard start < to.timeIntervalSince1970 else { break }
            let end = slotStart(slot + 1)
            if end > from.timeIntervalSince1970 {
                result.append(
                    Shift(
                        engineer: members[rotationMember(slot)].id,
                        start: Date(timeIntervalSince1970: max(start, from.timeIntervalSince1970)),
                        end: Date(timeIntervalSince1970: min(end, to.timeIntervalSince1970)),
                        reason: .rotation
                    )
                )
            }
            slot += 1
        }
        return result
    }

    /// The instant, in seconds since 1970, at which rotation slot `slot` starts.
    func slotStart(_ slot: Int) -> Double {
        WallTime.instant(atWallSeconds: firstHandoffWall + slot * shiftSeconds, in: timeZone).timeIntervalSince1970
    }

    /// The rotation slot holding `time` (negative before the first handoff).
    func rotationSlot(containing time: Double) -> Int {
        let wall = WallTime.seconds(of: Date(timeIntervalSince1970: time), in: timeZone)
        let difference = wall - firstHandoffWall
        var slot = difference >= 0 ? difference / shiftSeconds : -((-difference + shiftSeconds - 1) / shiftSeconds)
        if slotStart(slot) > time { slot -= 1 }
        if slotStart(slot + 1) <= time { slot += 1 }
        return slot
    }

    /// The member index whose turn rotation slot `slot` is.
    func rotationMember(_ slot: Int) -> Int {
        let count = rotationMembers.count
        return rotationMembers[((slot % count) + count) % count]
    }
}
