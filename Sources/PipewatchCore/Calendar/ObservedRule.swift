/// Where a holiday that falls on a given weekday is observed, as python-holidays' `ObservedRule`s say:
/// for each weekday, a shift in days, the next or previous working day, or no holiday at all.
public struct ObservedRule: Sendable, Hashable {
    /// What happens to a holiday on one weekday.
    public enum Shift: Sendable, Hashable {
        /// Moved by a fixed number of days.
        case days(Int)
        /// Moved to the next working day (not a weekend, not already a holiday).
        case nextWorkday
        /// Moved to the previous working day.
        case previousWorkday
        /// Dropped.
        case none
    }

    /// The shift for each weekday that has one; other weekdays stay put.
    public var shifts: [Weekday: Shift]

    /// Creates a rule from its shifts.
    public init(_ shifts: [Weekday: Shift]) { self.shifts = shifts }

    /// Combines two rules; `rhs` wins where both shift the same weekday.
    public static func + (lhs: ObservedRule, rhs: ObservedRule) -> ObservedRule {
        ObservedRule(lhs.shifts.merging(rhs.shifts) { _, new in new })
    }

    public static let satToPrevFri = ObservedRule([.saturday: .days(-1)])
    public static let sunToNextMon = ObservedRule([.sunday: .days(1)])
    public static let sunToNextTue = ObservedRule([.sunday: .days(2)])
    public static let sunToNextWorkday = ObservedRule([.sunday: .nextWorkday])
    public static let satToNextWorkday = ObservedRule([.saturday: .nextWorkday])
    public static let satToNextMon = ObservedRule([.saturday: .days(2)])
    public static let monToNextTue = ObservedRule([.monday: .days(1)])
    public static let satSunToNextMon = ObservedRule([.saturday: .days(2), .sunday: .days(1)])
    public static let satSunToNextTue = ObservedRule([.saturday: .days(3), .sunday: .days(2)])
    public static let satSunToNextMonTue = ObservedRule([.saturday: .days(2), .sunday: .days(2)])
    public static let satSunToNextWorkday = ObservedRule([.saturday: .nextWorkday, .sunday: .nextWorkday])
    public static let satSunToPrevFri = ObservedRule([.saturday: .days(-1), .sunday: .days(-2)])
    public static let satToPrevFriSunToNextMon = satToPrevFri + sunToNextMon
    public static let tueToPrevMon = ObservedRule([.tuesday: .days(-1)])
    public static let thuToNextFri = ObservedRule([.thursday: .days(1)])
    public static let workdayToNearestMon = ObservedRule([
        .tuesday: .days(-1), .wednesday: .days(-2), .thursday: .days(-3), .friday: .days(3),
    ])
    public static let allToNearestMon = workdayToNearestMon + satSunToNextMon
    public static let allToNextMon = ObservedRule([
        .tuesday: .days(6), .wednesday: .days(5), .thursday: .days(4), .friday: .days(3),
        .saturday: .days(2), .sunday: .days(1),
    ])
}
