/// A day of the week, numbered as ISO 8601 does (Monday is 1).
public enum Weekday: Int, Sendable, Hashable, CaseIterable, Comparable, CustomStringConvertible {
    case monday = 1
    case tuesday, wednesday, thursday, friday, saturday, sunday

    /// Parses an English weekday name or its three-letter abbreviation, in any case.
    public init?(name: String) {
        let lowered = name.lowercased()
        guard let day = Weekday.allCases.first(where: { $0.name == lowered || $0.name.prefix(3) == lowered })
        else { return nil }
        self = day
    }

    /// The lower-case English name.
    public var name: String {
        switch self {
        case .monday: "monday"
        case .tuesday: "tuesday"
        case .wednesday: "wednesday"
        case .thursday: "thursday"
        case .friday: "friday"
        case .saturday: "saturday"
        case .sunday: "sunday"
        }
    }

    /// Whether the day falls on a Saturday or Sunday.
    public var isWeekend: Bool { self == .saturday || self == .sunday }

    public var description: String { name.prefix(1).uppercased() + name.dropFirst() }

    public static func < (lhs: Weekday, rhs: Weekday) -> Bool { lhs.rawValue < rhs.rawValue }
}
