/// A recurring period, such as the year-end holidays, in which on-call duty is split into daily shifts.
public struct Season: Sendable, Equatable {
    public var name: String
    /// First day of the season, every year.
    public var from: MonthDay
    /// Last day of the season (inclusive); before `from` when the season crosses New Year.
    public var to: MonthDay
    public var shifts: SeasonShifts

    /// Creates a season.
    public init(name: String, from: MonthDay, to: MonthDay, shifts: SeasonShifts = .daily) {
        self.name = name
        self.from = from
        self.to = to
        self.shifts = shifts
    }

    /// Whether the season crosses the year boundary (12-20 to 01-05).
    public var crossesNewYear: Bool { to < from }

    /// Whether `date` lies within the season.
    public func contains(_ date: LocalDate) -> Bool {
        guard let day = MonthDay(month: date.month, day: date.day) else { return false }
        return crossesNewYear ? (day >= from || day <= to) : (day >= from && day <= to)
    }
}

/// How a season divides duty.
public enum SeasonShifts: String, Sendable, Hashable, CaseIterable {
    case daily
}
