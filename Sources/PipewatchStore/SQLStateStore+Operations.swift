import SQLKit

extension SQLStateStore {
    /// Runs `work` and turns any error into a ``StoreError`` whose message starts with `failure`.
    func perform<Result>(
        _ failure: @autoclosure () -> String,
        _ work: () async throws -> Result
    ) async throws(StoreError) -> Result {
        do {
            return try await work()
        } catch {
            throw StoreError.wrapping(error, doing: failure())
        }
    }
}

extension SQLStateStore {
    /// Drops the PostgreSQL schema named in the location, with everything in it; for tests
    /// that give each case its own schema. Does nothing for SQLite or without a schema.
    ///
    /// - Throws: ``StoreError`` when the database fails.
    package func dropSchemaForTesting() async throws(StoreError) {
        guard case .postgres(let postgres) = location, let schema = postgres.schema else { return }
        try await perform("cannot drop schema '\(schema)'") {
            try await executor.read { database in
                try await database.raw("DROP SCHEMA IF EXISTS \(ident: schema) CASCADE").run()
            }
        }
    }
}
