// Public because callers hand the store their Logger (STYLE.md "Logging"); no SQLKit or driver type is public.
public import Logging

/// The state store on SQL: SQLite (the embedded default) or PostgreSQL, chosen by a
/// ``StoreLocation``, with the same schema, migrations and behaviour on both.
///
/// A command opens it, works and closes it with ``withStore(at:logger:_:)``. A server
/// that keeps it open calls ``open(at:logger:)``, runs ``run()`` for its lifetime (as a
/// service), applies ``migrate()`` before serving, and calls ``close()`` at the end.
///
/// ## Topics
///
/// ### Lifecycle
///
/// - ``withStore(at:logger:_:)``
/// - ``open(at:logger:)``
/// - ``run()``
/// - ``migrate()``
/// - ``close()``
public final class SQLStateStore: ScheduleStore {
    /// Where the data lives.
    public let location: StoreLocation
    let executor: any DatabaseExecutor
    let logger: Logger

    private init(location: StoreLocation, executor: any DatabaseExecutor, logger: Logger) {
        self.location = location
        self.executor = executor
        self.logger = logger
    }

    /// Opens the store, brings its schema up to date, runs `body` and closes it on every path.
    ///
    /// - Parameters:
    ///   - location: Where the data lives.
    ///   - logger: Receives the store's messages (connection events; SQL only at trace level).
    ///   - body: The work, given the open store. Do not keep the store beyond it.
    /// - Returns: What `body` returns.
    /// - Throws: ``StoreError`` when the database cannot be opened or migrated; what `body` throws.
    public static func withStore<Result>(
        at location: StoreLocation,
        logger: Logger,
        _ body: (SQLStateStore) async throws -> Result
    ) async throws -> Result {
        let store = try await open(at: location, logger: logger)
        return try await withThrowingTaskGroup(of: Void.self, returning: Result.self) { group in
            group.addTask { await store.run() }
            do {
                try await store.migrate()
                let result = try await body(store)
                group.cancelAll()
                try await store.close()
                return result
            } catch {
                group.cancelAll()
                try? await store.close()
                throw error
            }
        }
    }

    /// Opens the store without migrating it; for a server that keeps it open.
    ///
    /// SQLite files are created with their folder on first use, in WAL mode with a busy
    /// timeout. For PostgreSQL no connection is made until ``run()`` runs.
    ///
    /// - Parameters:
    ///   - location: Where the data lives.
    ///   - logger: Receives the store's messages.
    /// - Returns: The store; call ``close()`` when done (sqlite-nio asserts on an unclosed connection).
    /// - Throws: ``StoreError/unavailable(_:underlying:)`` when an SQLite file cannot be opened.
    public static func open(at location: StoreLocation, logger: Logger) async throws(StoreError) -> SQLStateStore {
        let executor: any DatabaseExecutor
        do {
            switch location {
            case .sqliteFile(let path):
                executor = try await SQLiteExecutor.open(path: path, logger: logger)
            case .sqliteInMemory:
                executor = try await SQLiteExecutor.open(path: nil, logger: logger)
            case .postgres(let postgres):
                executor = PostgresExecutor(location: postgres, logger: logger)
            }
        } catch {
            throw StoreError.wrapping(error, doing: "cannot open the state store at '\(location)'")
        }
        return SQLStateStore(location: location, executor: executor, logger: logger)
    }

    /// Does the store's background work (PostgreSQL's connection pool) until the task is cancelled.
    ///
    /// Run it in a child task or as a service while the store is in use; for SQLite it only waits.
    public func run() async {
        await executor.run()
    }

    /// Applies the migrations this database lacks, in one transaction; does nothing when up to date.
    ///
    /// - Returns: The ids of the migrations applied now, in order; empty when the schema was current.
    /// - Throws: ``StoreError/unavailable(_:underlying:)`` when the database cannot be reached
    ///   (within a ten-second connect timeout) or a migration fails (the schema is then left as it was).
    @discardableResult
    public func migrate() async throws(StoreError) -> [String] {
        var schema: String?
        if case .postgres(let postgres) = location {
            schema = postgres.schema
            try await perform("cannot connect to the state store at '\(location)'") {
                try await executor.checkReachable()
            }
        }
        let applied = try await perform("cannot update the schema of the state store at '\(location)'") {
            try await Migrator().migrate(executor, creatingSchema: schema)
        }
        if !applied.isEmpty {
            logger.info(
                "applied state store migrations",
                metadata: ["store.location": "\(location)", "store.migrations": "\(applied.joined(separator: ","))"]
            )
        }
        return applied
    }

    /// Closes the connection. The store cannot be used afterwards; closing twice is harmless.
    ///
    /// - Throws: ``StoreError/unavailable(_:underlying:)`` when SQLite fails to close the file.
    public func close() async throws(StoreError) {
        try await perform("cannot close the state store at '\(location)'") { try await executor.close() }
    }
}
