import Foundation
import PipewatchCore

/// A row of `time_off`.
struct TimeOffRow: Codable, Sendable {
    var id: Int64
    var engineer: String
    var fromDate: String
    var toDate: String
    var reason: String?
    var createdAtMs: Int64

    /// The record this row holds.
    ///
    /// - Throws: ``StoreError/unavailable(_:underlying:)`` when a date is not `YYYY-MM-DD`.
    func record() throws(StoreError) -> TimeOffRecord {
        guard let from = LocalDate(iso: fromDate), let to = LocalDate(iso: toDate) else {
            throw .unavailable(
                "time off '\(id)' in the state store has a malformed date; the database may have been edited by hand"
            )
        }
        let timeOff = TimeOff(engineer: EngineerID(engineer), from: from, to: to, reason: reason)
        return TimeOffRecord(id: id, timeOff: timeOff, createdAt: EpochMilliseconds(createdAtMs).date)
    }

    /// The stored text of `date`, which sorts as dates do for years 1 to 9999.
    static func storedText(of date: LocalDate) throws(StoreError) -> String {
        guard (1...9999).contains(date.year) else {
            throw .invalidValue("cannot store the date '\(date)': years must be between 0001 and 9999")
        }
        return date.description
    }
}
