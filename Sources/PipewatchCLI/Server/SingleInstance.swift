import PipewatchStore

/// `pipewatch serve` on an SQLite file runs alone: the second one is refused (exit status 3)
/// with the first one's process id. PostgreSQL stores are shared by as many instances as run.
enum SingleInstance {
    /// Takes the SQLite file's engine lock; `nil` for PostgreSQL and in-memory stores.
    static func lock(_ location: StoreLocation) throws(StoreError) -> EngineFileLock? {
        guard case .sqliteFile(let path) = location else { return nil }
        return try EngineFileLock.acquire(besideDatabaseAt: path)
    }
}
