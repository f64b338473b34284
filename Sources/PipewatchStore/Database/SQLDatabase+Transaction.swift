import SQLKit

extension SQLDatabase {
    /// Runs `body` between `begin` and `COMMIT`, and rolls back when anything throws.
    ///
    /// The caller guarantees that `self` is bound to one connection for the whole call
    /// (a leased PostgreSQL connection, or SQLite's single connection behind the gate).
    /// A failed `ROLLBACK` is ignored: the original error is the one worth reporting,
    /// and a connection whose rollback failed is closed by its driver anyway.
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
            try? await raw("ROLLBACK").run()
            throw error
        }
        return result
    }
}
