/// What can go wrong computing a schedule or checking a swap request. `description` is the
/// message a user sees: lower case, values in single quotes, no trailing period.
public enum ScheduleError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The policy's rotation names nobody.
    case emptyRotation
    /// The rotation names an engineer the catalog does not declare.
    case unknownEngineer(EngineerID)
    /// The shift length is under a minute or not a whole number of minutes.
    case invalidShiftLength(String)
    /// A range whose end is not after its start (times as ISO 8601 text).
    case emptyRange(from: String, to: String)
    /// The day-off calendar could not answer for an engineer in a year (outside its coverage,
    /// say); `why` says why the range needs that year.
    case calendarUnavailable(engineer: EngineerID, year: Int, why: String, message: String)
    /// A swap request's end is not after its start.
    case swapEmptyInterval(start: String, end: String)
    /// A swap request whose requester and taker are the same engineer.
    case swapWithSelf(EngineerID)
    /// A swap request naming an engineer who is not in the rotation.
    case swapUnknownEngineer(EngineerID)
    /// A swap request filed after its deadline (start minus the swap notice).
    case swapTooLate(start: String, deadline: String, notice: String)
    /// A swap request covering time that the requester does not hold.
    case swapNotHeld(requester: EngineerID, at: String, holder: EngineerID?)
    /// A swap request whose taker is unavailable on a day of its interval.
    case swapTakerUnavailable(taker: EngineerID, date: LocalDate, reason: DayOffReason)

    public var description: String {
        switch self {
        case .emptyRotation:
            "the on-call rotation is empty: list engineers in 'oncall.rotation'"
        case .unknownEngineer(let id):
            "engineer '\(id)' is in the on-call rotation but not declared in 'engineers'"
        case .invalidShiftLength(let text):
            "shift length '\(text)' is not usable: use a whole number of minutes, at least one"
        case .emptyRange(let from, let to):
            "the range from '\(from)' to '\(to)' is empty: the end must be after the start"
        case .calendarUnavailable(let engineer, let year, let why, let message):
            "cannot tell the days off of engineer '\(engineer)' in \(year), \(why): \(message)"
        case .swapEmptyInterval(let start, let end):
            "swap request is empty: it ends '\(end)', not after it starts '\(start)'"
        case .swapWithSelf(let id):
            "swap request names '\(id)' as both requester and taker: ask another engineer"
        case .swapUnknownEngineer(let id):
            "swap request names '\(id)', who is not in the on-call rotation"
        case .swapTooLate(let start, let deadline, let notice):
            "swap request is too late: it starts \(start) and needed filing by \(deadline) (swap notice \(notice))"
        case .swapNotHeld(let requester, let at, let holder):
            if let holder {
                "swap request is not within shifts '\(requester)' holds: at \(at) '\(holder)' is on call"
            } else {
                "swap request is not within shifts '\(requester)' holds: at \(at) nobody is on call"
            }
        case .swapTakerUnavailable(let taker, let date, let reason):
            "swap request cannot go to '\(taker)': '\(taker)' is unavailable on \(date), \(reason)"
        }
    }
}
