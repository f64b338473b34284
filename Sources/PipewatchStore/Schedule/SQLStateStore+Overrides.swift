public import Foundation
public import PipewatchCore
import SQLKit

extension SQLStateStore {
    public func addOverride(
        engineer: EngineerID,
        interval: Range<Date>,
        reason: String,
        at now: Date,
        audit: (Override) -> AuditDraft
    ) async throws(StoreError) -> Override {
        let start = EpochMilliseconds(interval.lowerBound)
        let end = EpochMilliseconds(interval.upperBound)
        guard start < end else {
            throw .invalidValue("an override for '\(engineer)' must cover at least one millisecond")
        }
        return try await perform("cannot add an override for '\(engineer)'") {
            try await executor.transaction { database in
                let row = try await database.raw(
                    """
                    INSERT INTO overrides (engineer, start_ms, end_ms, reason, created_at_ms)
                    VALUES (\(bind: engineer.rawValue), \(bind: start.value), \(bind: end.value), \(bind: reason),
                        \(bind: EpochMilliseconds(now).value))
                    RETURNING *
                    """
                ).first(decoding: OverrideRow.self, keyDecodingStrategy: .convertFromSnakeCase)
                guard let override = row?.override else {
                    throw StoreError.unavailable("cannot add an override: the database returned no row")
                }
                try await Self.insertAudit(audit(override), into: database)
                return override
            }
        }
    }

    public func overrides(overlapping interval: Range<Date>?) async throws(StoreError) -> [Override] {
        try await perform("cannot list overrides") {
            try await executor.read { database in
                let query = database.select().column("*").from("overrides")
                if let interval {
                    query.where("start_ms", .lessThan, EpochMilliseconds(interval.upperBound).value)
                        .where("end_ms", .greaterThan, EpochMilliseconds(interval.lowerBound).value)
                }
                return try await query.orderBy("start_ms").orderBy("id")
                    .all(decoding: OverrideRow.self, keyDecodingStrategy: .convertFromSnakeCase)
                    .map(\.override)
            }
        }
    }
}
