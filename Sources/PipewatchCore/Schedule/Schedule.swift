public import Foundation

/// Who is on call over a range `[from, to)`: ordered, non-overlapping shifts and the gaps
/// in which nobody can be, together covering the range exactly.
///
/// Lookups by instant are binary searches over a flat array of start times, so that asking
/// who is on call once a range is computed takes well under a microsecond.
public struct Schedule: Sendable, Equatable {
    /// The start of the range (inclusive).
    public let from: Date
    /// The end of the range (exclusive).
    public let to: Date
    /// The team's zone, in which the range and the shifts are written for people.
    public let timeZone: TimeZone
    /// Shifts in time order, clipped to the range; they never overlap.
    public let shifts: [Shift]
    /// Intervals nobody covers, in time order, clipped to the range.
    public let gaps: [ScheduleGap]
    /// Days on which engineers are unavailable that overlap the range.
    public let absences: [Absence]
    /// The years of the range planned with provisional holidays (declared days not yet published).
    public let provisional: [ProvisionalHolidays]

    /// Start times of shifts and gaps merged, in seconds since 1970, for binary search.
    private let starts: [Double]
    /// For each entry of `starts`: an index into `shifts` (>= 0) or `-1 - index` into `gaps`.
    private let slots: [Int]

    /// Creates a schedule from shifts and gaps that are already ordered and disjoint.
    ///
    /// - Parameters:
    ///   - from: the start of the range.
    ///   - to: the end of the range.
    ///   - timeZone: the team's zone.
    ///   - shifts: shifts in time order, not overlapping each other or the gaps.
    ///   - gaps: gaps in time order.
    ///   - absences: the unavailable days that overlap the range.
    ///   - provisional: the provisional holiday years the range was planned with.
    public init(
        from: Date,
        to: Date,
        timeZone: TimeZone,
        shifts: [Shift],
        gaps: [ScheduleGap],
        absences: [Absence] = [],
        provisional: [ProvisionalHolidays] = []
    ) {
        self.from = from
        self.to = to
        self.timeZone = timeZone
        self.shifts = shifts
        self.gaps = gaps
        self.absences = absences
        self.provisional = provisional
        var starts: [Double] = []
        var slots: [Int] = []
        starts.reserveCapacity(shifts.count + gaps.count)
        slots.reserveCapacity(shifts.count + gaps.count)
        var shiftIndex = 0
        var gapIndex = 0
        while shiftIndex < shifts.count || gapIndex < gaps.count {
            if gapIndex == gaps.count
                || (shiftIndex < shifts.count && shifts[shiftIndex].start < gaps[gapIndex].start)
            {
                starts.append(shifts[shiftIndex].start.timeIntervalSince1970)
                slots.append(shiftIndex)
                shiftIndex += 1
            } else {
                starts.append(gaps[gapIndex].start.timeIntervalSince1970)
                slots.append(-1 - gapIndex)
                gapIndex += 1
            }
        }
        self.starts = starts
        self.slots = slots
    }

    /// What the schedule says about one instant.
    public enum Coverage: Sendable, Hashable {
        /// Someone is on call.
        case onCall(Shift)
        /// Nobody can be on call.
        case gap(ScheduleGap)
        /// The instant lies outside the computed range.
        case outsideRange
    }

    /// What the schedule says about `instant`: the shift holding it, a gap, or outside the range.
    ///
    /// - Parameter instant: the moment to look up.
    /// - Returns: the covering shift or gap; both carry since when, until when and why.
    public func coverage(at instant: Date) -> Coverage {
        let time = instant.timeIntervalSince1970
        guard let index = entryIndex(at: time) else { return .outsideRange }
        let slot = slots[index]
        if slot >= 0 {
            let shift = shifts[slot]
            return time < shift.end.timeIntervalSince1970 ? .onCall(shift) : .outsideRange
        }
        let gap = gaps[-1 - slot]
        return time < gap.end.timeIntervalSince1970 ? .gap(gap) : .outsideRange
    }

    /// The shift holding `instant`, or `nil` in a gap or outside the range.
    ///
    /// - Parameter instant: the moment to look up.
    /// - Returns: the shift whose `[start, end)` contains `instant`.
    public func shift(at instant: Date) -> Shift? {
        let time = instant.timeIntervalSince1970
        guard let index = entryIndex(at: time) else { return nil }
        let slot = slots[index]
        guard slot >= 0 else { return nil }
        return time < shifts[slot].end.timeIntervalSince1970 ? shifts[slot] : nil
    }

    /// The engineer on call at `instant`, or `nil` in a gap or outside the range.
    public func engineer(at instant: Date) -> EngineerID? {
        shift(at: instant)?.engineer
    }

    /// The shifts of one engineer, in time order.
    ///
    /// - Parameter engineer: whose shifts to keep.
    /// - Returns: the engineer's shifts; gaps are not included.
    public func shifts(of engineer: EngineerID) -> [Shift] {
        shifts.filter { $0.engineer == engineer }
    }

    /// The unavailable days of one engineer that overlap the range.
    public func absences(of engineer: EngineerID) -> [Absence] {
        absences.filter { $0.engineer == engineer }
    }

    /// The gaps in which someone's duty could not be covered, leaving out the time before the
    /// rotation's first handoff: what `validate` and `timeoff add` report.
    public var uncoveredGaps: [ScheduleGap] {
        gaps.filter { $0.uncovered != nil }
    }

    /// The index of the last entry starting at or before `time`, if `time` is within the range.
    private func entryIndex(at time: Double) -> Int? {
        guard !starts.isEmpty, time >= starts[0], time < to.timeIntervalSince1970 else { return nil }
        var low = 0
        var high = starts.count
        while high - low > 1 {
            let middle = (low + high) >> 1
            if starts[middle] <= time { low = middle } else { high = middle }
        }
        return low
    }

    public static func == (lhs: Schedule, rhs: Schedule) -> Bool {
        lhs.from == rhs.from && lhs.to == rhs.to && lhs.timeZone == rhs.timeZone && lhs.shifts == rhs.shifts
            && lhs.gaps == rhs.gaps && lhs.absences == rhs.absences && lhs.provisional == rhs.provisional
    }
}
