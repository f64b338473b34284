public import Foundation

/// One whole local day on which an engineer is unavailable: midnight to midnight in the
/// engineer's own time zone, with the reason (a holiday's name or time off).
public struct Absence: Sendable, Hashable {
    /// Who is away.
    public var engineer: EngineerID
    /// The day, in the engineer's own time zone.
    public var date: LocalDate
    /// Why: a holiday's name or time off.
    public var reason: DayOffReason
    /// Local midnight starting the day, in the engineer's zone.
    public var start: Date
    /// Local midnight ending the day, in the engineer's zone (23, 24 or 25 hours later).
    public var end: Date

    /// Creates an absence.
    public init(engineer: EngineerID, date: LocalDate, reason: DayOffReason, start: Date, end: Date) {
        self.engineer = engineer
        self.date = date
        self.reason = reason
        self.start = start
        self.end = end
    }

    /// Whether the absence overlaps `[start, end)`.
    public func overlaps(start: Date, end: Date) -> Bool { self.start < end && start < self.end }
}
