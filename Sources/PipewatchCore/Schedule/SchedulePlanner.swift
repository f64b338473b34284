import Foundation

/// The working state of one schedule computation: walks the timeline from the start of the
/// year (team zone) in segments — a rotation slot or a season day — and settles each segment
/// completely (substitutes, swaps, overrides) before the next, so that "on-call time so far
/// this year" always means the final schedule so far.
struct SchedulePlanner {
    /// A settled interval in seconds since 1970; `member` indexes `ids`, -1 for a gap.
    struct Piece {
        var start: Double
        var end: Double
        var member: Int
        var reason: ShiftReason
        var covering: Int = -1
        var note: String?

        func withInterval(_ start: Double, _ end: Double) -> Piece {
            var piece = self
            piece.start = start
            piece.end = end
            return piece
        }

        func clipped(_ start: Double, _ end: Double) -> Piece {
            var piece = self
            piece.start = Swift.max(self.start, start)
            piece.end = Swift.min(self.end, end)
            return piece
        }
    }

    private struct SeasonState {
        var lastDate: LocalDate
        var counts: [Int]
        var previous: Int
    }

    let calculator: ScheduleCalculator
    let timeZone: TimeZone
    let from: Double
    let to: Double
    private let epoch: Double
    private let handoffSeconds: Int
    private let firstHandoff: Double
    /// Rotation members first (indexes `0..<count`), then other engineers named by swaps or overrides.
    var ids: [EngineerID]
    let count: Int
    let availability: [MemberAvailability]
    /// The years of the range whose holidays are provisional, with the engineers they concern.
    let provisional: [ProvisionalHolidays]
    private var yearStarts: [Int: Double] = [:]
    /// On-call seconds per team-zone year, per engineer.
    var tallies: [Int: [Int]] = [:]
    private var seasonStates: [Int: SeasonState] = [:]
    var output: [Piece] = []

    init(calculator: ScheduleCalculator, from: Date, to: Date) throws(ScheduleError) {
        let timeZone = calculator.timeZone
        let handoffSeconds = calculator.policy.handoff.time.minutesSinceMidnight * 60
        self.calculator = calculator
        self.timeZone = timeZone
        self.from = from.timeIntervalSince1970
        self.to = to.timeIntervalSince1970
        self.handoffSeconds = handoffSeconds
        self.firstHandoff = calculator.firstHandoff.timeIntervalSince1970
        self.count = calculator.members.count
        var ids = calculator.members.map(\.id)
        for id in calculator.swaps.map(\.taker) + calculator.overrides.map(\.engineer) where !ids.contains(id) {
            ids.append(id)
        }
        self.ids = ids
        // Start at New Year of `from`'s year, or earlier at the start of a season running over it,
        // so that any range sees the same choices at the same instant.
        let year = LocalDate(from, in: timeZone).year
        var epoch =
            LocalDate(year: year, month: 1, day: 1).map { $0.instant(in: timeZone).timeIntervalSince1970 }
            ?? from.timeIntervalSince1970
        let dayOfEpoch = Self.seasonDay(containing: epoch, in: timeZone, handoffSeconds: handoffSeconds)
        for season in calculator.policy.seasons where season.contains(dayOfEpoch) {
            var first = dayOfEpoch
            var steps = 0
            while season.contains(first.adding(days: -1)), steps < 366 {
                first = first.adding(days: -1)
                steps += 1
            }
            epoch = min(epoch, Self.dayStart(first, in: timeZone, handoffSeconds: handoffSeconds))
        }
        // Before the first handoff everything is a gap, so nothing earlier needs settling.
        self.epoch = min(max(epoch, firstHandoff), from.timeIntervalSince1970)
        // The last segment may run past `to` by up to a shift; its choices must see the same days off.
        let processingEnd = to.timeIntervalSince1970 + Double(calculator.shiftSeconds) + 2 * 86_400
        let range = (from.timeIntervalSince1970, to.timeIntervalSince1970 - 0.001)
        self.availability = try Self.loadAvailability(
            calculator: calculator,
            window: (max(self.epoch, firstHandoff), processingEnd),
            range: range
        )
        self.provisional = Self.provisionalYears(calculator: calculator, range: range)
    }

    /// The provisional holiday years over the range's local dates, one per region and year.
    private static func provisionalYears(
        calculator: ScheduleCalculator,
        range: (start: Double, end: Double)
    ) -> [ProvisionalHolidays] {
        var years: [ProvisionalHolidays] = []
        for engineer in calculator.members {
            let first = LocalDate(Date(timeIntervalSince1970: range.start), in: engineer.timeZone)
            let last = LocalDate(Date(timeIntervalSince1970: range.end), in: engineer.timeZone)
            for year in calculator.calendar.provisionalYears(for: engineer, from: first, through: last) {
                if let index = years.firstIndex(where: { $0.region == year.region && $0.year == year.year }) {
                    years[index].engineers.append(engineer.id)
                } else {
                    var year = year
                    year.engineers = [engineer.id]
                    years.append(year)
                }
            }
        }
        return years.sorted { ($0.year, $0.region) < ($1.year, $1.region) }
    }

    /// Reads each member's days off over the local dates of `window` in their own zone.
    ///
    /// The calendar is asked one calendar year at a time. A year it cannot answer is an error
    /// when it overlaps the `range` asked for; when it only serves the lead-in (settling the
    /// year so far) or the lead-out (the rest of the last shift), it is read as no days off, so
    /// that a holiday table covering exactly the years asked about is enough.
    private static func loadAvailability(
        calculator: ScheduleCalculator,
        window: (start: Double, end: Double),
        range: (start: Double, end: Double)
    ) throws(ScheduleError) -> [MemberAvailability] {
        var result: [MemberAvailability] = []
        result.reserveCapacity(calculator.members.count)
        for engineer in calculator.members {
            let zone = engineer.timeZone
            let from = LocalDate(Date(timeIntervalSince1970: window.start), in: zone)
            let through = LocalDate(Date(timeIntervalSince1970: window.end), in: zone)
            let rangeFrom = LocalDate(Date(timeIntervalSince1970: range.start), in: zone)
            let rangeThrough = LocalDate(Date(timeIntervalSince1970: range.end), in: zone)
            var reasons: [LocalDate: DayOffReason] = [:]
            for year in from.year...max(from.year, through.year) where window.start < window.end {
                guard let first = LocalDate(year: year, month: 1, day: 1),
                    let last = LocalDate(year: year, month: 12, day: 31)
                else { continue }
                let chunkFrom = max(from, first)
                let chunkThrough = min(through, last)
                do {
                    for day in try calculator.calendar.daysOff(for: engineer, from: chunkFrom, through: chunkThrough)
                    where reasons[day.date] == nil {
                        reasons[day.date] = day.reason
                    }
                } catch {
                    guard chunkFrom > rangeThrough || chunkThrough < rangeFrom else {
                        throw .calendarUnavailable(
                            engineer: engineer.id,
                            year: year,
                            why: why(year, engineer: engineer, range: range, teamZone: calculator.timeZone),
                            message: String(describing: error)
                        )
                    }
                }
            }
            for timeOff in calculator.timeOff where timeOff.engineer == engineer.id {
                var date = max(timeOff.from, from)
                let last = min(timeOff.to, through)
                while date <= last {
                    if reasons[date] == nil { reasons[date] = .timeOff(reason: timeOff.reason) }
                    date = date.adding(days: 1)
                }
            }
            result.append(MemberAvailability(engineer: engineer, reasons: reasons))
        }
        return result
    }

    /// Why a range needs `year` of an engineer's days off: it runs in that year, or its first or
    /// last instant falls in that year in the engineer's zone though not in the team's (local
    /// days cross New Year).
    private static func why(
        _ year: Int,
        engineer: Engineer,
        range: (start: Double, end: Double),
        teamZone: TimeZone
    ) -> String {
        let start = Date(timeIntervalSince1970: range.start)
        let last = Date(timeIntervalSince1970: range.end)  // the last instant in the range
        let end = Date(timeIntervalSince1970: range.end.rounded(.up))  // the range's end, as written
        let teamYears = LocalDate(start, in: teamZone).year...LocalDate(last, in: teamZone).year
        if teamYears.contains(year) {
            return "which the range asked for reaches"
        }
        let edge = year > teamYears.upperBound ? "ends" : "starts"
        let instant = year > teamYears.upperBound ? end : start
        return "needed because local days cross New Year: the range \(edge) "
            + "\(ISO8601Text.format(instant, in: engineer.timeZone)) in \(engineer.timeZone.identifier)"
    }

    /// Computes the schedule over `[from, to)`.
    mutating func run() -> Schedule {
        var time = epoch
        while time < to {
            let end = settleSegment(at: time)
            time = end
        }
        return makeSchedule()
    }

    // MARK: Segments

    /// Plans and settles the segment starting at `time`; returns its end.
    private mutating func settleSegment(at time: Double) -> Double {
        var pieces: [Piece] = []
        var tentative: [(member: Int, start: Double, end: Double)] = []
        let end: Double
        if time < firstHandoff {
            end = firstHandoff
            pieces.append(Piece(start: time, end: end, member: -1, reason: .rotation))
        } else {
            let day = seasonDay(containing: time)
            let planned: Int
            let reason: ShiftReason
            var note: String?
            if let season = seasonIndex(of: day) {
                end = dayStart(day.adding(days: 1))
                planned = seasonPick(season: season, day: day, start: dayStart(day), end: end)
                reason = .season
                note = calculator.policy.seasons[season].name
            } else {
                let slot = calculator.rotationSlot(containing: time)
                let slotEnd = calculator.slotStart(slot + 1)
                var segmentEnd = slotEnd
                var next = day.adding(days: 1)
                var nextStart = dayStart(next)
                while nextStart < slotEnd {
                    if seasonIndex(of: next) != nil, nextStart > time {
                        segmentEnd = nextStart
                        break
                    }
                    next = next.adding(days: 1)
                    nextStart = dayStart(next)
                }
                end = segmentEnd
                planned = calculator.rotationMember(slot)
                reason = .rotation
            }
            var cursor = time
            for part in availability[planned].unavailableParts(from: time, to: end) {
                if cursor < part.start {
                    pieces.append(Piece(start: cursor, end: part.start, member: planned, reason: reason, note: note))
                }
                cover(from: part.start, to: part.end, absent: planned, into: &pieces, tentative: &tentative)
                cursor = part.end
            }
            if cursor < end {
                pieces.append(Piece(start: cursor, end: end, member: planned, reason: reason, note: note))
            }
            note = nil
        }
        applySwaps(from: time, to: end, to: &pieces)
        applyOverrides(from: time, to: end, to: &pieces)
        for entry in tentative { addTally(entry.member, from: entry.start, to: entry.end, sign: -1) }
        for piece in pieces where piece.member >= 0 {
            addTally(piece.member, from: piece.start, to: piece.end, sign: 1)
        }
        output.append(contentsOf: pieces)
        return end
    }

    /// Chooses the engineer for season day `day`: available all day, fewest days so far in this
    /// occurrence, ties to the next after the previous day's engineer.
    private mutating func seasonPick(season: Int, day: LocalDate, start: Double, end: Double) -> Int {
        var state: SeasonState
        if let existing = seasonStates[season], existing.lastDate == day.adding(days: -1) {
            state = existing
        } else {
            let base = calculator.rotationMember(calculator.rotationSlot(containing: start))
            state = SeasonState(
                lastDate: day,
                counts: Array(repeating: 0, count: count),
                previous: (base + count - 1) % count
            )
        }
        var best = -1
        for requireAvailable in [true, false] where best < 0 {
            for offset in 1...count {
                let member = (state.previous + offset) % count
                if requireAvailable, !availability[member].isAvailable(from: start, to: end) { continue }
                if best < 0 || state.counts[member] < state.counts[best] { best = member }
            }
        }
        state.counts[best] += 1
        state.previous = best
        state.lastDate = day
        seasonStates[season] = state
        return best
    }

    // MARK: Time helpers

    mutating func addTally(_ member: Int, from start: Double, to end: Double, sign: Int) {
        var cursor = start
        var year = yearOf(start)
        while cursor < end {
            let boundary = min(end, yearStart(year + 1))
            var tally = tallies[year] ?? Array(repeating: 0, count: ids.count)
            tally[member] += sign * Int((boundary - cursor).rounded())
            tallies[year] = tally
            cursor = boundary
            year += 1
        }
    }

    func yearOf(_ time: Double) -> Int {
        LocalDate(Date(timeIntervalSince1970: time), in: timeZone).year
    }

    mutating func yearStart(_ year: Int) -> Double {
        if let start = yearStarts[year] { return start }
        let start = LocalDate(year: year, month: 1, day: 1).map { $0.instant(in: timeZone).timeIntervalSince1970 } ?? 0
        yearStarts[year] = start
        return start
    }

    /// The local date whose season day (handoff to next handoff) holds `time`.
    private func seasonDay(containing time: Double) -> LocalDate {
        Self.seasonDay(containing: time, in: timeZone, handoffSeconds: handoffSeconds)
    }

    /// The handoff instant on `date`: the start of that date's season day.
    private func dayStart(_ date: LocalDate) -> Double {
        Self.dayStart(date, in: timeZone, handoffSeconds: handoffSeconds)
    }

    private static func seasonDay(containing time: Double, in timeZone: TimeZone, handoffSeconds: Int) -> LocalDate {
        let wall = WallTime.seconds(of: Date(timeIntervalSince1970: time), in: timeZone)
        let day = wall >= 0 ? wall / 86_400 : -((-wall + 86_399) / 86_400)
        return LocalDate(dayNumber: wall - day * 86_400 < handoffSeconds ? day - 1 : day)
    }

    private static func dayStart(_ date: LocalDate, in timeZone: TimeZone, handoffSeconds: Int) -> Double {
        WallTime.instant(atWallSeconds: date.dayNumber * 86_400 + handoffSeconds, in: timeZone).timeIntervalSince1970
    }

    private func seasonIndex(of date: LocalDate) -> Int? {
        calculator.policy.seasons.firstIndex { $0.contains(date) }
    }
}
