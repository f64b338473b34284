import Foundation

/// Choosing substitutes for absences: the available engineer with the least on-call time that year.
extension SchedulePlanner {
    // MARK: Substitutes

    /// Covers `[start, end)`, when `absent` is unavailable, with substitutes or a gap.
    mutating func cover(
        from start: Double,
        to end: Double,
        absent: Int,
        into pieces: inout [Piece],
        tentative: inout [(member: Int, start: Double, end: Double)]
    ) {
        var chunkStart = start
        var year = yearOf(start)
        while chunkStart < end {
            let chunkEnd = min(end, yearStart(year + 1))
            coverWithinYear(
                from: chunkStart,
                to: chunkEnd,
                year: year,
                absent: absent,
                into: &pieces,
                tentative: &tentative
            )
            chunkStart = chunkEnd
            year += 1
        }
    }

    /// Covers `[start, end)` within one team-zone year, in time order, depth first: the whole
    /// interval (level 0), else each team-zone day (level 1), else each stretch between changes
    /// of anyone's availability (level 2), else a gap.
    mutating func coverWithinYear(
        from start: Double,
        to end: Double,
        year: Int,
        absent: Int,
        level: Int = 0,
        into pieces: inout [Piece],
        tentative: inout [(member: Int, start: Double, end: Double)]
    ) {
        let note = availability[absent].absence(at: start)?.reason.description
        if let member = pick(from: start, to: end, year: year, absent: absent) {
            pieces.append(
                Piece(start: start, end: end, member: member, reason: .substitute, covering: absent, note: note)
            )
            tentative.append((member, start, end))
            addTally(member, from: start, to: end, sign: 1)
            return
        }
        guard level < 2 else {
            pieces.append(Piece(start: start, end: end, member: -1, reason: .substitute, covering: absent, note: note))
            return
        }
        var points: [Double] = []
        if level == 0 {
            var date = LocalDate(Date(timeIntervalSince1970: start), in: timeZone).adding(days: 1)
            var midnight = date.instant(in: timeZone).timeIntervalSince1970
            while midnight < end {
                if midnight > start { points.append(midnight) }
                date = date.adding(days: 1)
                midnight = date.instant(in: timeZone).timeIntervalSince1970
            }
        } else {
            for member in 0..<count where member != absent {
                availability[member].edges(from: start, to: end, into: &points)
            }
            points = Array(Set(points)).sorted()
        }
        var cursor = start
        for point in points + [end] where point > cursor && point <= end {
            coverWithinYear(
                from: cursor,
                to: point,
                year: year,
                absent: absent,
                level: level + 1,
                into: &pieces,
                tentative: &tentative
            )
            cursor = point
        }
    }

    /// The available member with the least on-call time this year, ties to the next in
    /// rotation order after `absent`; `nil` when nobody is available for all of `[start, end)`.
    func pick(from start: Double, to end: Double, year: Int, absent: Int) -> Int? {
        let tally = tallies[year]
        var best: Int?
        var bestTally = Int.max
        for offset in 1..<max(count, 1) {
            let member = (absent + offset) % count
            guard availability[member].isAvailable(from: start, to: end) else { continue }
            let seconds = tally?[member] ?? 0
            if seconds < bestTally {
                best = member
                bestTally = seconds
            }
        }
        return best
    }
}
