import Foundation

/// An instant as stored: whole milliseconds since 1970-01-01T00:00:00Z, in a `BIGINT`.
///
/// SQLite and PostgreSQL then hold the same number, with no time zone or text format to
/// misread. Instants are rounded to the nearest millisecond on the way in.
struct EpochMilliseconds: Sendable, Hashable, Comparable {
    let value: Int64

    init(_ value: Int64) { self.value = value }

    init(_ date: Date) {
        value = Int64((date.timeIntervalSince1970 * 1000).rounded())
    }

    var date: Date { Date(timeIntervalSince1970: Double(value) / 1000) }

    static func < (lhs: Self, rhs: Self) -> Bool { lhs.value < rhs.value }
}
