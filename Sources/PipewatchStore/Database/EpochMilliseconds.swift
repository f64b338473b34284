import Foundation

/// An instant as stored: whole milliseconds since 1970-01-01T00:00:00Z, in a `BIGINT`.
///
/// SQLite and PostgreSQL then hold the same number, with no time zone or text format to
/// misread. Instants are rounded to the nearest millisecond on the way in.
struct EpochMilliseconds: Sendable, Hashable, Comparable {
    let value: Int64

    init(_ value: Int64) { self.value = value }

    /// The instant's milliseconds; instants beyond what a `BIGINT` holds (about 292 million
    /// years either way) are stored as its bounds rather than trapping.
    init(_ date: Date) {
        let milliseconds = (date.timeIntervalSince1970 * 1000).rounded()
        if milliseconds >= 9.2e18 || milliseconds.isNaN {
            value = .max
        } else if milliseconds <= -9.2e18 {
            value = .min
        } else {
            value = Int64(milliseconds)
        }
    }

    var date: Date { Date(timeIntervalSince1970: Double(value) / 1000) }

    static func < (lhs: Self, rhs: Self) -> Bool { lhs.value < rhs.value }
}
