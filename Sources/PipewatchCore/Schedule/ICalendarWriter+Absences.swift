import Foundation

extension ICalendarWriter {
    /// The stable UID of a day off: a hash of engineer, day and kind (the holiday's name; time
    /// off is one kind whatever its reason), so editing a reason updates the event in place.
    ///
    /// - Parameter absence: the day off.
    /// - Returns: `<32 hex digits>@pipewatch`.
    public static func uid(for absence: Absence) -> String {
        let kind =
            switch absence.reason {
            case .publicHoliday(let name): "holiday|\(name)"
            case .companyDay(let name): "company|\(name)"
            case .timeOff: "timeoff"
            }
        return uid(hashing: "dayoff|\(absence.engineer.rawValue)|\(absence.date)|\(kind)")
    }

    /// An all-day VEVENT for `absence`: a DATE-valued DTSTART and the next day as DTEND (RFC 5545
    /// §3.6.1), as the day is the engineer's own local day, not an instant range.
    func event(for absence: Absence, stamp: String) -> [String] {
        let name = names[absence.engineer] ?? absence.engineer.rawValue
        let next = absence.date.adding(days: 1)
        return [
            "BEGIN:VEVENT",
            "UID:\(Self.uid(for: absence))",
            "DTSTAMP:\(stamp)",
            "DTSTART;VALUE=DATE:\(Self.basic(absence.date))",
            "DTEND;VALUE=DATE:\(Self.basic(next))",
            "SUMMARY:\(Self.escape("Day off: \(name), \(absence.reason)"))",
            "DESCRIPTION:\(Self.escape("\(name) cannot be on call on \(absence.date): \(absence.reason)"))",
            "CATEGORIES:day-off",
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]
    }

    /// `YYYYMMDD`, the basic form of a DATE value.
    private static func basic(_ date: LocalDate) -> String {
        date.description.replacingOccurrences(of: "-", with: "")
    }
}
