public import PipewatchCore
import SQLKit

extension SQLStateStore {
    public func scheduleVersion() async throws(StoreError) -> Int64 {
        struct Row: Decodable { var version: Int64 }
        let row = try await perform("cannot read the audit log") {
            try await executor.read { database in
                try await database.raw("SELECT COALESCE(MAX(id), 0) AS version FROM audit_log").first(
                    decoding: Row.self
                )
            }
        }
        return row?.version ?? 0
    }

    public func appendAudit(_ entry: AuditDraft) async throws(StoreError) -> AuditEntry {
        try await perform("cannot append to the audit log") {
            try await executor.transaction { database in try await Self.insertAudit(entry, into: database) }
        }
    }

    public func auditEntries(limit: Int) async throws(StoreError) -> [AuditEntry] {
        guard limit > 0 else { return [] }
        return try await perform("cannot read the audit log") {
            try await executor.read { database in
                try await database.raw(
                    "SELECT * FROM audit_log ORDER BY at_ms DESC, id DESC LIMIT \(bind: Int64(limit))"
                )
                .all(decoding: AuditRow.self, keyDecodingStrategy: .convertFromSnakeCase)
                .map(\.entry)
            }
        }
    }

    /// Writes `draft` in the caller's transaction, so it is stored only with the change it describes.
    @discardableResult
    static func insertAudit(_ draft: AuditDraft, into database: any SQLDatabase) async throws -> AuditEntry {
        let row = try await database.raw(
            """
            INSERT INTO audit_log (at_ms, actor, action, detail)
            VALUES (\(bind: EpochMilliseconds(draft.at).value), \(bind: draft.actor), \(bind: draft.action), \(bind: draft.detail))
            RETURNING *
            """
        ).first(decoding: AuditRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        guard let row else {
            throw StoreError.unavailable("cannot append to the audit log: the database returned no row")
        }
        return row.entry
    }
}
