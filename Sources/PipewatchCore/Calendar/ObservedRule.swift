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

    /// Saturday to the Friday before.
    public static let satToPrevFri = ObservedRule([.saturday: .days(-1)])
    /// Sunday to the Monday after.
    public static let sunToNextMon = ObservedRule([.sunday: .days(1)])
    /// Sunday to the Tuesday after.
    public static let sunToNextTue = ObservedRule([.sunday: .days(2)])
    /// Sunday to the next working day.
    public static let sunToNextWorkday = ObservedRule([.sunday: .nextWorkday])
    /// Saturday to the next working day.
    public static let satToNextWorkday = ObservedRule([.saturday: .nextWorkday])
    /// Saturday to the Monday after.
    public static let satToNextMon = ObservedRule([.saturday: .days(2)])
    /// Monday to the Tuesday after (when the Monday is taken by another holiday).
    public static let monToNextTue = ObservedRule([.monday: .days(1)])
    /// Saturday and Sunday to the Monday after.
    public static let satSunToNextMon = ObservedRule([.saturday: .days(2), .sunday: .days(1)])
    /// Saturday and Sunday to the Tuesday after.
    public static let satSunToNextTue = ObservedRule([.saturday: .days(3), .sunday: .days(2)])
    /// Saturday to the Monday after, Sunday to the Tuesday after (Christmas and Boxing Day as a pair).
    public static let satSunToNextMonTue = ObservedRule([.saturday: .days(2), .sunday: .days(2)])
    /// Saturday and Sunday to the next working day.
    public static let satSunToNextWorkday = ObservedRule([.saturday: .nextWorkday, .sunday: .nextWorkday])
    /// Saturday and Sunday to the Friday before.
    public static let satSunToPrevFri = ObservedRule([.saturday: .days(-1), .sunday: .days(-2)])
    /// Saturday to the Friday before, Sunday to the Monday after (US federal).
    public static let satToPrevFriSunToNextMon = satToPrevFri + sunToNextMon
    /// Tuesday to the Monday before.
    public static let tueToPrevMon = ObservedRule([.tuesday: .days(-1)])
    /// Thursday to the Friday after.
    public static let thuToNextFri = ObservedRule([.thursday: .days(1)])
    /// Tuesday to Thursday to the Monday before, Friday to the Monday after.
    public static let workdayToNearestMon = ObservedRule([
        .tuesday: .days(-1), .wednesday: .days(-2), .thursday: .days(-3), .friday: .days(3),
    ])
    /// Every day to the nearest Monday (Tuesday–Thursday back, Friday–Sunday forward).
    public static let allToNearestMon = workdayToNearestMon + satSunToNextMon
    /// Every day but Monday to the Monday after.
    public static let allToNextMon = ObservedRule([
        .tuesday: .days(6), .wednesday: .days(5), .thursday: .days(4), .friday: .days(3),
        .saturday: .days(2), .sunday: .days(1),
    ])
}
