import Foundation

/// One rotation member's unavailable days over the computed window, for fast questions:
/// "available for all of `[a, b)`?" and "which day off holds this instant?".
struct MemberAvailability: Sendable {
    /// Unavailable days in time order, one per local date.
    private(set) var days: [Absence] = []
    private var dayStarts: [Double] = []
    /// Merged unavailable intervals (consecutive days joined), in seconds since 1970.
    private var starts: [Double] = []
    private var ends: [Double] = []

    /// Builds the index from day-off reasons keyed by local date; calendar days win over time
    /// off on the same date, because a holiday is the more useful reason to show.
    init(engineer: Engineer, reasons: [LocalDate: DayOffReason]) {
        let entries = reasons.sorted { $0.key < $1.key }
        days.reserveCapacity(entries.count)
        var previousEnd: (date: LocalDate, instant: Date)?
        for (date, reason) in entries {
            let start: Date
            if let previousEnd, previousEnd.date == date {
                start = previousEnd.instant
            } else {
                start = date.instant(in: engineer.timeZone)
            }
            let next = date.adding(days: 1)
            let end = next.instant(in: engineer.timeZone)
            previousEnd = (next, end)
            days.append(Absence(engineer: engineer.id, date: date, reason: reason, start: start, end: end))
            let startTime = start.timeIntervalSince1970
            let endTime = end.timeIntervalSince1970
            dayStarts.append(startTime)
            if let last = ends.last, last >= startTime {
                ends[ends.count - 1] = max(last, endTime)
            } else {
                starts.append(startTime)
                ends.append(endTime)
            }
        }
    }

    /// Whether the member is available for all of `[start, end)`.
    func isAvailable(from start: Double, to end: Double) -> Bool {
        let index = firstInterval(endingAfter: start)
        return index == starts.count || starts[index] >= end
    }

    /// The unavailable parts of `[start, end)`, merged and in order.
    func unavailableParts(from start: Double, to end: Double) -> [(start: Double, end: Double)] {
        var parts: [(start: Double, end: Double)] = []
        var index = firstInterval(endingAfter: start)
        while index < starts.count, starts[index] < end {
            parts.append((max(starts[index], start), min(ends[index], end)))
            index += 1
        }
        return parts
    }

    /// The points inside `(start, end)` where the member's availability changes.
    func edges(from start: Double, to end: Double, into result: inout [Double]) {
        var index = firstInterval(endingAfter: start)
        while index < starts.count, starts[index] < end {
            if starts[index] > start { result.append(starts[index]) }
            if ends[index] < end { result.append(ends[index]) }
            index += 1
        }
    }

    /// The day off holding `time`, if any.
    func absence(at time: Double) -> Absence? {
        var low = 0
        var high = dayStarts.count
        while low < high {
            let middle = (low + high) >> 1
            if dayStarts[middle] <= time { low = middle + 1 } else { high = middle }
        }
        guard low > 0 else { return nil }
        let day = days[low - 1]
        return time < day.end.timeIntervalSince1970 ? day : nil
    }

    /// The first merged interval whose end is after `time`.
    private func firstInterval(endingAfter time: Double) -> Int {
        var low = 0
        var high = ends.count
        while low < high {
            let middle = (low + high) >> 1
            if ends[middle] <= time { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
