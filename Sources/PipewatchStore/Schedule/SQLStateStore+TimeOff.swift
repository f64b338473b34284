public import Foundation
public import PipewatchCore
import SQLKit

extension SQLStateStore {
    public func addTimeOff(
        _ timeOff: TimeOff,
        at now: Date,
        audit: (TimeOffRecord) -> AuditDraft
    ) async throws(StoreError) -> TimeOffRecord {
        guard timeOff.from <= timeOff.to else {
            throw .invalidValue(
                "time off for '\(timeOff.engineer)' ends on \(timeOff.to), before it starts on \(timeOff.from)"
            )
        }
        let from = try TimeOffRow.storedText(of: timeOff.from)
        let to = try TimeOffRow.storedText(of: timeOff.to)
        return try await perform("cannot add time off for '\(timeOff.engineer)'") {
            try await executor.transaction { database in
                let row = try await database.raw(
                    """
                    INSERT INTO time_off (engineer, from_date, to_date, reason, created_at_ms)
                    VALUES (\(bind: timeOff.engineer.rawValue), \(bind: from), \(bind: to), \(bind: timeOff.reason),
                        \(bind: EpochMilliseconds(now).value))
                    RETURNING *
                    """
                ).first(decoding: TimeOffRow.self, keyDecodingStrategy: .convertFromSnakeCase)
                guard let record = try row?.record() else {
                    throw StoreError.unavailable(
                        "cannot add time off for '\(timeOff.engineer)': the database returned no row"
                    )
                }
                try await Self.insertAudit(audit(record), into: database)
                return record
            }
        }
    }

    public func timeOff(
        for engineer: EngineerID?,
        overlapping dates: ClosedRange<LocalDate>?
    ) async throws(StoreError) -> [TimeOffRecord] {
        let bounds = try dates.map { range throws(StoreError) in
            (try TimeOffRow.storedText(of: range.lowerBound), try TimeOffRow.storedText(of: range.upperBound))
        }
        let rows = try await perform("cannot list time off") {
            try await executor.read { database in
                let query = database.select().column("*").from("time_off")
                if let engineer { query.where("engineer", .equal, engineer.rawValue) }
                if let (first, last) = bounds {
                    query.where("from_date", .lessThanOrEqual, last).where("to_date", .greaterThanOrEqual, first)
                }
                return try await query.orderBy("from_date").orderBy("engineer").orderBy("id")
                    .all(decoding: TimeOffRow.self, keyDecodingStrategy: .convertFromSnakeCase)
            }
        }
        return try rows.map { row throws(StoreError) in try row.record() }
    }

    public func removeTimeOff(id: Int64, audit: (TimeOffRecord) -> AuditDraft) async throws(StoreError) -> TimeOffRecord
    {
        try await perform("cannot remove time off '\(id)'") {
            try await executor.transaction { database in
                let row = try await database.raw("DELETE FROM time_off WHERE id = \(bind: id) RETURNING *")
                    .first(decoding: TimeOffRow.self, keyDecodingStrategy: .convertFromSnakeCase)
                guard let record = try row?.record() else {
                    throw StoreError.notFound("there is no time off with id '\(id)'")
                }
                try await Self.insertAudit(audit(record), into: database)
                return record
            }
        }
    }
}
