import SQLKit

extension SQLDatabase {
    /// Runs `body` between `begin` and `COMMIT`, and rolls back when anything throws.
    ///
    /// The caller guarantees that `self` is bound to one connection for the whole call
    /// (a leased PostgreSQL connection, or SQLite's single connection behind the gate).
    /// A failed `ROLLBACK` is ignored: the original error is the one worth reporting,
    /// and a connection whose rollback failed is closed by its driver anyway. The rollback runs
    /// even when the calling task is cancelled.
    nonisolated(nonsending) func inTransaction<Result>(
        begin: String,
        _ body: (any SQLDatabase) async throws -> Result
    ) async throws -> Result {
        try await raw(SQLQueryString(begin)).run()
        let result: Result
        do {
            result = try await body(self)
            try await raw("COMMIT").run()
        } catch {
            // The drivers skip a cancelled task's statements (sqlite-nio's thread pool drops
            // cancelled work), so a task cancelled mid-transaction (a service stopped at shutdown
            // or by a config reload) would skip its ROLLBACK too, leave the transaction open on
            // SQLite's one shared connection, and fail every later BEGIN. The rollback runs in a
            // task of its own, which the caller's cancellation does not reach; it is awaited here.
            let database = self
            await Task { try? await database.raw("ROLLBACK").run() }.value
            throw error
        }
        return result
    }
}
