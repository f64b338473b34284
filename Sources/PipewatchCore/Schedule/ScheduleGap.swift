public import Foundation

/// An interval in which nobody can be on call. Gaps are reported, never silently assigned.
public struct ScheduleGap: Sendable, Hashable {
    /// When the gap starts (inclusive).
    public var start: Date
    /// When the gap ends (exclusive).
    public var end: Date
    /// The engineer whose duty nobody could cover; `nil` before the rotation starts.
    public var uncovered: EngineerID?
    /// Why the scheduled engineer was away, when known (`time off`, `public holiday 'Diwali'`).
    public var note: String?

    /// Creates a gap.
    public init(start: Date, end: Date, uncovered: EngineerID? = nil, note: String? = nil) {
        self.start = start
        self.end = end
        self.uncovered = uncovered
        self.note = note
    }

    /// The length of the gap in seconds.
    public var duration: TimeInterval { end.timeIntervalSince(start) }

    /// Whether `instant` lies in `[start, end)`.
    public func contains(_ instant: Date) -> Bool { start <= instant && instant < end }

    /// Why nobody is on call, for people: `nobody available to cover 'a' (time off)`, or
    /// `the rotation has not started` before the first handoff.
    public var explanation: String {
        guard let uncovered else { return "the rotation has not started" }
        guard let note else { return "nobody available to cover '\(uncovered)'" }
        return "nobody available to cover '\(uncovered)' (\(note))"
    }
}
