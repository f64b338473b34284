import Foundation

/// Applying accepted swaps and overrides to the planned pieces.
extension SchedulePlanner {
    // MARK: Swaps and overrides

    mutating func applySwaps(from start: Double, to end: Double, to pieces: inout [Piece]) {
        for swap in calculator.swaps {
            let a = max(start, swap.start.timeIntervalSince1970)
            let b = min(end, swap.end.timeIntervalSince1970)
            guard a < b, let requester = ids.firstIndex(of: swap.requester),
                let taker = ids.firstIndex(of: swap.taker)
            else { continue }
            var result: [Piece] = []
            for piece in pieces {
                guard piece.member == requester, piece.start < b, piece.end > a else {
                    result.append(piece)
                    continue
                }
                if piece.start < a { result.append(piece.clipped(piece.start, a)) }
                let inner = piece.clipped(a, b)
                let blocked =
                    taker < count ? availability[taker].unavailableParts(from: inner.start, to: inner.end) : []
                var cursor = inner.start
                let swapped = Piece(
                    start: 0,
                    end: 0,
                    member: taker,
                    reason: .swap,
                    covering: requester,
                    note: "swap request \(swap.id)"
                )
                for part in blocked {
                    if cursor < part.start { result.append(swapped.withInterval(cursor, part.start)) }
                    result.append(inner.clipped(part.start, part.end))
                    cursor = part.end
                }
                if cursor < inner.end { result.append(swapped.withInterval(cursor, inner.end)) }
                if piece.end > b { result.append(piece.clipped(b, piece.end)) }
            }
            pieces = result
        }
    }

    mutating func applyOverrides(from start: Double, to end: Double, to pieces: inout [Piece]) {
        for override in calculator.overrides {
            let a = max(start, override.start.timeIntervalSince1970)
            let b = min(end, override.end.timeIntervalSince1970)
            guard a < b, let member = ids.firstIndex(of: override.engineer) else { continue }
            var result: [Piece] = []
            var inserted = false
            for piece in pieces {
                if piece.end <= a || piece.start >= b {
                    if !inserted, piece.start >= b {
                        result.append(Piece(start: a, end: b, member: member, reason: .override, note: override.reason))
                        inserted = true
                    }
                    result.append(piece)
                    continue
                }
                if piece.start < a { result.append(piece.clipped(piece.start, a)) }
                if !inserted {
                    result.append(Piece(start: a, end: b, member: member, reason: .override, note: override.reason))
                    inserted = true
                }
                if piece.end > b { result.append(piece.clipped(b, piece.end)) }
            }
            if !inserted {
                result.append(Piece(start: a, end: b, member: member, reason: .override, note: override.reason))
            }
            pieces = result
        }
    }
}
