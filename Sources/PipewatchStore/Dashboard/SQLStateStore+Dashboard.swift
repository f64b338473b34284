public import Foundation
public import PipewatchCore
import SQLKit

extension SQLStateStore: DashboardStore {
    public func createSession(_ session: DashboardSession) async throws(StoreError) {
        try await perform("cannot store a dashboard session") {
            try await executor.transaction { database in
                try await database.raw(
                    """
                    INSERT INTO dashboard_sessions (id_sha256, user_name, csrf_token, created_at_ms, expires_at_ms)
                    VALUES (\(bind: session.idSHA256), \(bind: session.userName), \(bind: session.csrfToken),
                        \(bind: EpochMilliseconds(session.createdAt).value), \(bind: EpochMilliseconds(session.expiresAt).value))
                    """
                ).run()
            }
        }
    }

    public func session(idSHA256: String, at now: Date) async throws(StoreError) -> DashboardSession? {
        let row = try await perform("cannot read a dashboard session") {
            try await executor.read { database in
                try await database.raw(
                    """
                    SELECT * FROM dashboard_sessions
                    WHERE id_sha256 = \(bind: idSHA256) AND expires_at_ms > \(bind: EpochMilliseconds(now).value)
                    """
                ).first(decoding: SessionRow.self, keyDecodingStrategy: .convertFromSnakeCase)
            }
        }
        return row.map(\.session)
    }

    public func deleteSession(idSHA256: String) async throws(StoreError) {
        try await perform("cannot end a dashboard session") {
            try await executor.transaction { database in
                try await database.raw("DELETE FROM dashboard_sessions WHERE id_sha256 = \(bind: idSHA256)").run()
            }
        }
    }

    public func deleteExpiredSessions(at now: Date) async throws(StoreError) -> Int {
        try await perform("cannot remove expired dashboard sessions") {
            try await executor.transaction { database in
                let expired = try await database.raw(
                    """
                    DELETE FROM dashboard_sessions WHERE expires_at_ms <= \(bind: EpochMilliseconds(now).value)
                    RETURNING id_sha256
                    """
                ).all()
                return expired.count
            }
        }
    }

    public func latestRuns() async throws(StoreError) -> [PipelineID: Run] {
        let rows = try await perform("cannot read the latest runs") {
            try await executor.read { database in
                try await database.raw(
                    """
                    SELECT r.* FROM runs r
                    JOIN (SELECT pipeline, MAX(started_at_ms) AS newest FROM runs
                          WHERE pipeline IS NOT NULL GROUP BY pipeline) n
                      ON r.pipeline = n.pipeline AND r.started_at_ms = n.newest
                    ORDER BY r.run_id
                    """
                ).all(decoding: RunRow.self, keyDecodingStrategy: .convertFromSnakeCase)
            }
        }
        var latest: [PipelineID: Run] = [:]
        for row in rows {
            guard let pipeline = row.pipeline else { continue }
            let run = try row.run()
            if latest[PipelineID(pipeline)] == nil { latest[PipelineID(pipeline)] = run }
        }
        return latest
    }
}

/// A row of `dashboard_sessions`.
private struct SessionRow: Decodable {
    var idSha256: String
    var userName: String
    var csrfToken: String
    var createdAtMs: Int64
    var expiresAtMs: Int64

    var session: DashboardSession {
        DashboardSession(
            idSHA256: idSha256,
            userName: userName,
            csrfToken: csrfToken,
            createdAt: EpochMilliseconds(createdAtMs).date,
            expiresAt: EpochMilliseconds(expiresAtMs).date
        )
    }
}
