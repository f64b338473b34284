import SQLKit

/// PostgreSQL transaction-level advisory locks on names (run ids, pipelines, incident keys), for
/// what several instances may write at once where no row exists yet to lock. Each is released
/// when its transaction ends, also when the instance dies (its connection closes). SQLite's
/// `BEGIN IMMEDIATE` already holds the only write lock, so there it does nothing.
enum AdvisoryLock {
    /// The namespace (first key) of each kind of name.
    static let runs: Int32 = 0x7077_0001
    static let pipelines: Int32 = 0x7077_0002
    static let incidentKeys: Int32 = 0x7077_0003

    /// Locks every name in `names` in one order (their hashes, sorted), so two transactions that
    /// lock overlapping sets never wait for each other in a circle.
    static func take(
        _ namespace: Int32,
        _ names: [String],
        in database: any SQLDatabase,
        engine: DatabaseEngine
    ) async throws {
        guard engine == .postgres, !names.isEmpty else { return }
        let unique = Array(Set(names)).sorted() as [any Encodable & Sendable]
        try await database.raw(
            """
            SELECT pg_advisory_xact_lock(\(bind: namespace), h) FROM (
                SELECT DISTINCT hashtext(n) AS h FROM unnest(ARRAY[\(binds: unique)]::text[]) AS n ORDER BY h
            ) AS names
            """
        ).run()
    }
}
