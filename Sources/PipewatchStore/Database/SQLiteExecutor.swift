import Foundation
import Logging
import SQLKit
import SQLiteKit

/// Runs SQL on one SQLite connection, one transaction at a time.
///
/// sqlite-nio gives every caller the same connection, so all work, reads included, passes
/// through an ``AsyncSerialGate``: a read never sees another task's uncommitted rows, and a
/// `BEGIN IMMEDIATE` never meets an open transaction. The connection must be closed with
/// ``close()`` before it is released (sqlite-nio asserts otherwise).
final class SQLiteExecutor: DatabaseExecutor {
    let engine = DatabaseEngine.sqlite
    private let connection: SQLiteConnection
    private let database: any SQLDatabase
    private let gate = AsyncSerialGate()

    private init(connection: SQLiteConnection) {
        self.connection = connection
        // SQL at trace level only: SQLKit's default (debug) would log bound values.
        self.database = connection.sql(queryLogLevel: .trace)
    }

    /// Opens the database at `path` (its folder created when missing), or in memory when `nil`,
    /// with write-ahead logging and a busy timeout for files. A new folder is private to its
    /// owner (0700) and a new file too (0600); SQLite gives its journal files the same mode.
    static func open(path: String?, busyTimeoutMilliseconds: Int = 5000, logger: Logger) async throws -> SQLiteExecutor
    {
        let storage: SQLiteConnection.Storage
        if let path {
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
            do {
                try FileManager.default.createDirectory(
                    at: folder,
                    withIntermediateDirectories: true,
                    attributes: [.posixPermissions: 0o700]
                )
                if !FileManager.default.fileExists(atPath: path) {
                    _ = FileManager.default.createFile(
                        atPath: path,
                        contents: nil,
                        attributes: [.posixPermissions: 0o600]
                    )
                }
            } catch {
                throw StoreError.unavailable(
                    "cannot create the folder '\(folder.path)' for the state store; check its permissions",
                    underlying: error
                )
            }
            storage = .file(path: path)
        } else {
            storage = .memory
        }
        let connection = try await SQLiteConnection.open(storage: storage, logger: logger)
        let executor = SQLiteExecutor(connection: connection)
        do {
            try await executor.database.raw("PRAGMA busy_timeout = \(literal: busyTimeoutMilliseconds)").run()
            if path != nil {
                try await executor.database.raw("PRAGMA journal_mode = WAL").run()
                // Every commit reaches the disk before the request that made it is answered.
                try await executor.database.raw("PRAGMA synchronous = FULL").run()
            }
            try await executor.database.raw("PRAGMA foreign_keys = ON").run()
        } catch {
            try? await connection.close()
            throw error
        }
        return executor
    }

    /// An open SQLite connection is always reachable.
    func checkReachable() async throws {}

    func read<Result: Sendable>(_ body: (any SQLDatabase) async throws -> Result) async throws -> Result {
        try await gate.withGate { try await body(database) }
    }

    func transaction<Result: Sendable>(_ body: (any SQLDatabase) async throws -> Result) async throws -> Result {
        try await gate.withGate {
            try await database.inTransaction(begin: engine.beginStatement, body)
        }
    }

    /// Nothing runs in the background for SQLite; this waits until the task is cancelled.
    func run() async {
        let (stream, continuation) = AsyncStream<Never>.makeStream()
        for await _ in stream {}
        continuation.finish()
    }

    func close() async throws {
        try await gate.withGate {
            guard !connection.isClosed else { return }
            try await connection.close()
        }
    }
}
