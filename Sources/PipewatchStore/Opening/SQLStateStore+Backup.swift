public import Foundation
import SQLKit

extension SQLStateStore {
    /// Copies an SQLite store into a new file while it is in use (`VACUUM INTO`: one consistent
    /// snapshot, read under a read transaction, so a running server keeps writing meanwhile).
    ///
    /// - Parameter path: The new file; it must not exist yet.
    /// - Returns: The size of the copy in bytes.
    /// - Throws: ``StoreError/invalidValue(_:)`` for PostgreSQL and in-memory stores (back
    ///   PostgreSQL up with `pg_dump`) or an existing target; ``StoreError`` when the copy fails.
    public func backup(to path: String) async throws(StoreError) -> Int64 {
        guard case .sqliteFile = location else {
            throw .invalidValue(
                location.description == ":memory:"
                    ? "an in-memory store has nothing to back up"
                    : "'pipewatch backup' copies an SQLite store; back PostgreSQL up with pg_dump (docs/deployment.md)"
            )
        }
        guard !FileManager.default.fileExists(atPath: path) else {
            throw .invalidValue("'\(path)' exists already; give a new file, so no backup is overwritten")
        }
        try await perform("cannot back up to '\(path)'") {
            try await executor.read { database in
                try await database.raw("VACUUM INTO \(bind: path)").run()
            }
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.int64Value
        return size ?? 0
    }
}
