/// Days an engineer is away: whole local days, `from` through `to`.
public struct TimeOff: Sendable, Hashable {
    public var engineer: EngineerID
    public var from: LocalDate
    /// The last day away (inclusive).
    public var to: LocalDate
    public var reason: String?

    /// Creates an absence.
    public init(engineer: EngineerID, from: LocalDate, to: LocalDate, reason: String? = nil) {
        self.engineer = engineer
        self.from = from
        self.to = to
        self.reason = reason
    }

    /// Whether the engineer is away on `date`.
    public func covers(_ date: LocalDate) -> Bool { date >= from && date <= to }
}
