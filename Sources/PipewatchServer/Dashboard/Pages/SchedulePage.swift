import Foundation
import PipewatchCore

/// `/schedule`: one engineer's month as a calendar (shifts, public holidays by name, time off,
/// seasons, swaps and gaps), pending swaps, and the forms to request and accept a swap, add time
/// off and make a calendar feed, shown by role.
struct SchedulePage: Sendable {
    struct Option: Sendable {
        let id: String
        let name: String
        let selected: Bool
    }

    struct Entry: Sendable {
        /// shift, swap, substitute, override, season, holiday, timeoff, gap, pending
        let kind: String
        let text: String
    }

    struct Day: Sendable {
        let number: String
        let date: String
        let isBlank: Bool
        let isToday: Bool
        let entries: [Entry]
    }

    struct Week: Sendable {
        let days: [Day]
    }

    struct PendingSwap: Sendable {
        let id: String
        let text: String
        let canAccept: Bool
    }

    let chrome: DashboardChrome
    let engineers: [Option]
    let engineerID: String
    let engineerName: String
    let monthTitle: String
    let month: String
    let previousHref: String
    let nextHref: String
    let zoneName: String
    let weeks: [Week]
    let pending: [PendingSwap]
    let hasPending: Bool
    let canRequestSwap: Bool
    let canAddTimeOff: Bool
    let canChooseEngineer: Bool
    let canMakeFeed: Bool
    let feedURL: String?
    let swapNotice: String

    private static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]

    /// The page of `engineer`'s month starting `first` (the 1st), from `schedule` (which covers the
    /// month) and the pending swaps.
    init(
        chrome: DashboardChrome,
        plan: TeamPlan,
        policy: OncallPolicy,
        engineer: Engineer,
        first: LocalDate,
        schedule: Schedule,
        pending: [SwapRequest],
        visitor: DashboardVisitor,
        today: LocalDate,
        feedURL: String?
    ) {
        let zone = plan.catalog.team.timeZone
        let time = DashboardTime(zone)
        let names = Dictionary(plan.catalog.engineers.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let name = { (id: EngineerID) in names[id] ?? id.rawValue }
        self.chrome = chrome
        engineers = plan.catalog.engineers.map {
            Option(id: $0.id.rawValue, name: $0.name, selected: $0.id == engineer.id)
        }
        engineerID = engineer.id.rawValue
        engineerName = engineer.name
        monthTitle = "\(Self.monthNames[first.month - 1]) \(first.year)"
        month = String(first.description.prefix(7))
        let days = LocalDate.daysIn(month: first.month, year: first.year)
        let next = first.adding(days: days)
        let previous = first.adding(days: -1)
        previousHref =
            "/schedule?engineer=\(DashboardForm.percentEncode(engineer.id.rawValue))&month="
            + String(previous.description.prefix(7))
        nextHref =
            "/schedule?engineer=\(DashboardForm.percentEncode(engineer.id.rawValue))&month="
            + String(next.description.prefix(7))
        zoneName = zone.identifier
        let shifts = schedule.shifts(of: engineer.id)
        let absences = schedule.absences(of: engineer.id)
        let mine = pending.filter { $0.requester == engineer.id || $0.taker == engineer.id }
        var cells: [Day] = Array(
            repeating: Day(number: "", date: "", isBlank: true, isToday: false, entries: []),
            count: (first.weekday.rawValue - 1)
        )
        for offset in 0..<days {
            let date = first.adding(days: offset)
            let (start, end) = (date.instant(in: zone), date.adding(days: 1).instant(in: zone))
            let span = { (from: Date, to: Date) in
                "\(from <= start ? "00:00" : time.clock(from))–\(to >= end ? "24:00" : time.clock(to))"
            }
            var entries: [Entry] = []
            for season in policy.seasons where season.contains(date) {
                entries.append(Entry(kind: "season", text: "Season: \(season.name)"))
            }
            for absence in absences where absence.date == date {
                let kind: String =
                    switch absence.reason {
                    case .timeOff: "timeoff"
                    default: "holiday"
                    }
                entries.append(Entry(kind: kind, text: Self.capitalized(absence.reason.description)))
            }
            for shift in shifts where shift.start < end && shift.end > start {
                let why = shift.reason == .rotation ? "" : " (\(shift.explanation))"
                let kind = shift.reason == .rotation || shift.reason == .season ? "shift" : shift.reason.rawValue
                entries.append(Entry(kind: kind, text: "On call \(span(shift.start, shift.end))\(why)"))
            }
            for gap in schedule.uncoveredGaps where gap.start < end && gap.end > start {
                entries.append(Entry(kind: "gap", text: "Gap \(span(gap.start, gap.end)): \(gap.explanation)"))
            }
            for swap in mine where swap.start < end && swap.end > start {
                entries.append(
                    Entry(
                        kind: "pending",
                        text: "Swap #\(swap.id) pending: \(name(swap.requester)) → \(name(swap.taker))"
                    )
                )
            }
            cells.append(
                Day(
                    number: String(date.day),
                    date: date.description,
                    isBlank: false,
                    isToday: date == today,
                    entries: entries
                )
            )
        }
        while cells.count % 7 != 0 {
            cells.append(Day(number: "", date: "", isBlank: true, isToday: false, entries: []))
        }
        weeks = stride(from: 0, to: cells.count, by: 7).map { Week(days: Array(cells[$0..<$0 + 7])) }
        let acting = visitor.user?.engineer
        self.pending = pending.map { swap in
            PendingSwap(
                id: String(swap.id),
                text: "#\(swap.id): \(name(swap.requester)) asks \(name(swap.taker)) to take "
                    + "\(time.dayAndClock(swap.start)) → \(time.dayAndClock(swap.end))"
                    + (swap.reason.map { " (\($0))" } ?? ""),
                canAccept: visitor.allows(.admin) || (visitor.allows(.engineer) && acting == swap.taker)
            )
        }
        hasPending = !pending.isEmpty
        canRequestSwap = visitor.allows(.admin) || (visitor.allows(.engineer) && acting != nil)
        canAddTimeOff = canRequestSwap
        canChooseEngineer = visitor.allows(.admin)
        canMakeFeed = visitor.allows(.admin) || (visitor.allows(.engineer) && acting == engineer.id)
        self.feedURL = feedURL
        swapNotice = DashboardTime.span(policy.swapNotice.timeInterval)
    }

    private static func capitalized(_ text: String) -> String {
        text.prefix(1).uppercased() + text.dropFirst()
    }
}
