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

    /// Fails unless a query gets through within `timeout`: PostgreSQL's pool otherwise
    /// waits a minute for an unreachable server before giving up.
    func checkConnection(within timeout: Duration) async throws(StoreError) {
        let executor = executor
        let location = location
        try await perform("cannot reach the state store at '\(location)'") {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    try await executor.read { database in try await database.raw("SELECT 1").run() }
                }
                group.addTask {
                    try await Task.sleep(for: timeout)
                    throw StoreError.unavailable(
                        "cannot reach the state store at '\(location)' within \(timeout.components.seconds) seconds; "
                            + "check that PostgreSQL runs and the URL's host and port"
                    )
                }
                defer { group.cancelAll() }
                try await group.next()
            }
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
