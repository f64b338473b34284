import Foundation

extension SchedulePlanner {
    /// Clips the settled pieces to `[from, to)`, joins neighbours that are one piece of duty
    /// (the same substitute, swap or override, or one gap), and builds the ``Schedule``.
    func makeSchedule() -> Schedule {
        var merged: [Piece] = []
        for original in output where original.end > from && original.start < to {
            let piece = original.clipped(from, to)
            guard piece.start < piece.end else { continue }
            if var last = merged.last, last.end == piece.start, last.member == piece.member,
                last.covering == piece.covering,
                piece.member < 0 || (last.reason == piece.reason && last.reason != .rotation && last.reason != .season)
            {
                last.end = piece.end
                merged[merged.count - 1] = last
            } else {
                merged.append(piece)
            }
        }
        var shifts: [Shift] = []
        var gaps: [ScheduleGap] = []
        shifts.reserveCapacity(merged.count)
        for piece in merged {
            let start = Date(timeIntervalSince1970: piece.start)
            let end = Date(timeIntervalSince1970: piece.end)
            let covering = piece.covering >= 0 ? ids[piece.covering] : nil
            if piece.member >= 0 {
                shifts.append(
                    Shift(
                        engineer: ids[piece.member],
                        start: start,
                        end: end,
                        reason: piece.reason,
                        covering: covering,
                        note: piece.note
                    )
                )
            } else {
                gaps.append(ScheduleGap(start: start, end: end, uncovered: covering, note: piece.note))
            }
        }
        var absences: [Absence] = []
        let fromDate = Date(timeIntervalSince1970: from)
        let toDate = Date(timeIntervalSince1970: to)
        for member in availability {
            absences.append(contentsOf: member.days.lazy.filter { $0.overlaps(start: fromDate, end: toDate) })
        }
        absences.sort { ($0.start, $0.engineer) < ($1.start, $1.engineer) }
        return Schedule(
            from: fromDate,
            to: toDate,
            timeZone: timeZone,
            shifts: shifts,
            gaps: gaps,
            absences: absences,
            provisional: provisional
        )
    }
}
