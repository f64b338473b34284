public import Foundation

/// One engineer on call for an interval `[start, end)`, and why.
public struct Shift: Sendable, Hashable {
    /// Who is on call.
    public var engineer: EngineerID
    /// When the duty starts (inclusive).
    public var start: Date
    /// When the duty ends (exclusive).
    public var end: Date
    /// Why this engineer holds the interval.
    public var reason: ShiftReason
    /// Whom this shift stands in for: for a ``ShiftReason/substitute`` the unavailable engineer,
    /// for a ``ShiftReason/swap`` the requester; `nil` otherwise.
    public var covering: EngineerID?
    /// A short human explanation: the absence a substitute covers (`public holiday 'Good Friday'`),
    /// the season's name, the override's reason, or the swap's id. Not part of JSON or the UID.
    public var note: String?

    /// Creates a shift.
    public init(
        engineer: EngineerID,
        start: Date,
        end: Date,
        reason: ShiftReason,
        covering: EngineerID? = nil,
        note: String? = nil
    ) {
        self.engineer = engineer
        self.start = start
        self.end = end
        self.reason = reason
        self.covering = covering
        self.note = note
    }

    /// The length of the shift in seconds.
    public var duration: TimeInterval { end.timeIntervalSince(start) }

    /// Whether `instant` lies in `[start, end)`.
    public func contains(_ instant: Date) -> Bool { start <= instant && instant < end }

    /// Why this engineer is on call, for people: the "why" of `oncall now` and `oncall at`.
    ///
    /// For example `rotation`, `covering 'a': public holiday 'Memorial Day'`,
    /// `season 'Year-end holidays'`, `swap request 12 from 'b'`, `override: database outage`.
    public var explanation: String {
        switch reason {
        case .rotation:
            return "rotation"
        case .substitute:
            let who = covering.map { "covering '\($0)'" } ?? "substitute"
            return note.map { "\(who): \($0)" } ?? who
        case .season:
            return note.map { "season '\($0)'" } ?? "season"
        case .swap:
            let what = note ?? "swap"
            return covering.map { "\(what) from '\($0)'" } ?? what
        case .override:
            return note.map { "override: \($0)" } ?? "override"
        }
    }
}

/// Why an engineer is on call for a shift; the `reason` of `oncall schedule --format json`.
public enum ShiftReason: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// Their turn in the weekly rotation.
    case rotation
    /// Covering the unavailable hours of the engineer whose turn it is.
    case substitute
    /// A daily shift within a season such as the year-end holidays.
    case season
    /// Taking over part of a shift through an accepted swap request.
    case swap
    /// Put on call by an override.
    case override

    public var description: String { rawValue }
}
