/// One public (or other category) holiday on one date, as the engine answers it.
public struct Holiday: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The local date of the day off.
    public var date: LocalDate
    /// The English name, as python-holidays writes it: `Christmas Day (observed)`.
    public var name: String
    /// Whether this is a weekday observed in place of a holiday that fell on a weekend or another holiday.
    public var isObserved: Bool
    /// The category the holiday belongs to (`public` unless the region defines others).
    public var category: HolidayCategory
    /// For an observed day, the name of the holiday it stands for, without "(estimated)":
    /// `Epiphany` for `Monday following Epiphany`, `Children's Day` for Japan's `Substitute Holiday`.
    public var observes: String?

    /// Creates a holiday.
    public init(
        date: LocalDate,
        name: String,
        isObserved: Bool = false,
        category: HolidayCategory = .public,
        observes: String? = nil
    ) {
        self.date = date
        self.name = name
        self.isObserved = isObserved
        self.category = category
        self.observes = observes
    }

    public var description: String { "\(date)\t\(name)" }

    public static func < (lhs: Holiday, rhs: Holiday) -> Bool {
        (lhs.date, lhs.name) < (rhs.date, rhs.name)
    }
}

/// A holiday category as python-holidays names them: `public`, `bank`, `catholic`, `optional` …
public struct HolidayCategory: Sendable, Hashable, Comparable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    /// The lower-case category name.
    public let name: String

    /// Creates a category from its name, in any case.
    public init(_ name: String) { self.name = name.lowercased() }

    public init(stringLiteral value: String) { self.init(value) }

    public var description: String { name }

    public static func < (lhs: HolidayCategory, rhs: HolidayCategory) -> Bool { lhs.name < rhs.name }

    /// Days off for everyone: the default.
    public static let `public`: HolidayCategory = "public"
    /// Bank holidays (banks and many offices close).
    public static let bank: HolidayCategory = "bank"
    /// Catholic holidays observed in some regions.
    public static let catholic: HolidayCategory = "catholic"
    /// Holidays for government employees.
    public static let government: HolidayCategory = "government"
    /// Optional holidays an employee may choose.
    public static let optional: HolidayCategory = "optional"
    /// Holidays that are not days off for most people.
    public static let unofficial: HolidayCategory = "unofficial"
    /// School holidays.
    public static let school: HolidayCategory = "school"
    /// Half-day holidays.
    public static let halfDay: HolidayCategory = "half_day"
    /// Workday observances (named days that are no day off).
    public static let workday: HolidayCategory = "workday"
    /// Armed forces holidays.
    public static let armedForces: HolidayCategory = "armed_forces"
}
