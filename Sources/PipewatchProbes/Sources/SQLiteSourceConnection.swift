import Foundation
import Logging
import PipewatchStore
import SQLiteNIO
import Synchronization

/// Read-only connections to an SQLite source: the file is opened with `mode=ro` and each
/// attachment is attached read-only under its schema name, so a query that tries to write is
/// refused by SQLite. At most `max_connections` are open; a caller beyond that waits its turn.
///
/// SQLite cannot be interrupted from here: a query past its timeout reports the timeout at
/// once and its connection is closed when the statement ends.
final class SQLiteSourceConnection: SourceConnection {
    let dialect = SQLDialect.sqlite
    private let source: String
    private let path: String
    private let attachments: [(schema: String, path: String)]
    private let pool: ConnectionPool

    init(
        source: String,
        path: String,
        attachments: [(schema: String, path: String)],
        maxConnections: Int,
        logger: Logger
    ) {
        self.source = source
        self.path = path
        self.attachments = attachments
        pool = ConnectionPool(limit: maxConnections, logger: logger)
    }

    func rows(_ sql: String, timeout: Duration) async throws(ProbeError) -> QueryRows {
        let connection: SQLiteConnection
        do {
            connection = try await pool.lease { [path, attachments] logger in
                try await Self.open(path: path, attachments: attachments, logger: logger)
            }
        } catch let error as SQLiteError {
            pool.giveBack(nil)
            throw .unreachable(source: source, reason: "SQLite: \(error.message)")
        } catch ProbeError.unreachable(_, let reason) {
            pool.giveBack(nil)
            throw .unreachable(source: source, reason: reason)
        } catch {
            pool.giveBack(nil)
            throw .unreachable(source: source, reason: "\(error)")
        }
        do {
            let rows = try await withDeadline(timeout, timeout: ProbeError.timedOut(after: timeout)) {
                let rows = try await connection.query(sql, [])
                return QueryRows(
                    columns: rows.first?.columns.map(\.name) ?? [],
                    rows: rows.map { row in row.columns.map { Self.text($0.data) } }
                )
            }
            pool.giveBack(connection)
            return rows
        } catch ProbeError.timedOut(let after) {
            pool.giveBack(nil)
            Task { try? await connection.close() }
            throw .timedOut(after: after)
        } catch let error as SQLiteError {
            pool.giveBack(connection)
            throw .queryFailed(reason: "SQLite: \(error.message)")
        } catch {
            pool.giveBack(connection)
            throw .queryFailed(reason: "\(error)")
        }
    }

    func close() async {
        for connection in pool.drain() { try? await connection.close() }
    }

    private static func open(
        path: String,
        attachments: [(schema: String, path: String)],
        logger: Logger
    ) async throws -> SQLiteConnection {
        guard FileManager.default.fileExists(atPath: path) else {
            throw ProbeError.unreachable(source: "", reason: "no database file at \(path)")
        }
        let connection = try await SQLiteConnection.open(storage: .file(path: readOnlyURI(path)), logger: logger)
        do {
            for attachment in attachments {
                guard FileManager.default.fileExists(atPath: attachment.path) else {
                    throw ProbeError.unreachable(
                        source: "",
                        reason: "no database file at \(attachment.path) to attach as '\(attachment.schema)'"
                    )
                }
                let uri = readOnlyURI(attachment.path).replacingOccurrences(of: "'", with: "''")
                _ = try await connection.query("ATTACH DATABASE '\(uri)' AS \"\(attachment.schema)\"", [])
            }
        } catch {
            try? await connection.close()
            throw error
        }
        return connection
    }

    /// A `file:` URI that opens the database read-only.
    private static func readOnlyURI(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#")
        return "file:\(path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path)?mode=ro"
    }

    private static func text(_ data: SQLiteData) -> String? {
        switch data {
        case .integer(let value): "\(value)"
        case .float(let value): "\(value)"
        case .text(let value): value
        case .blob(let bytes): "<\(bytes.readableBytes) bytes>"
        case .null: nil
        }
    }
}

extension SQLiteSourceConnection {
    /// Idle connections and a count of those out, with callers waiting for a free one.
    final class ConnectionPool: Sendable {
        private struct State {
            var idle: [SQLiteConnection] = []
            var out = 0
            var waiting: [CheckedContinuation<Void, Never>] = []
        }

        private let state = Mutex(State())
        private let limit: Int
        private let logger: Logger

        init(limit: Int, logger: Logger) {
            self.limit = limit
            self.logger = logger
        }

        /// Closes the idle connections of a pool nobody drained (SQLite asserts that every
        /// connection is closed before it goes).
        deinit {
            for connection in drain() { _ = connection.close() }
        }

        /// An idle connection, or a new one from `open` when fewer than the limit are out;
        /// waits otherwise. Each lease is ended by ``giveBack(_:)``.
        func lease(_ open: @Sendable (Logger) async throws -> SQLiteConnection) async throws -> SQLiteConnection {
            while true {
                let (idle, mayOpen) = state.withLock { state -> (SQLiteConnection?, Bool) in
                    if let connection = state.idle.popLast() {
                        state.out += 1
                        return (connection, false)
                    }
                    guard state.out < limit else { return (nil, false) }
                    state.out += 1
                    return (nil, true)
                }
                if let idle { return idle }
                if mayOpen { return try await open(logger) }
                await withCheckedContinuation { continuation in
                    let parked = state.withLock { state -> Bool in
                        guard state.out >= limit, state.idle.isEmpty else { return false }
                        state.waiting.append(continuation)
                        return true
                    }
                    if !parked { continuation.resume() }
                }
            }
        }

        /// Ends a lease: the connection goes back to the idle ones, or `nil` when it was not
        /// opened or must not be reused.
        func giveBack(_ connection: SQLiteConnection?) {
            let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
                state.out -= 1
                if let connection { state.idle.append(connection) }
                return state.waiting.isEmpty ? nil : state.waiting.removeFirst()
            }
            waiter?.resume()
        }

        /// Takes every idle connection, for closing.
        func drain() -> [SQLiteConnection] {
            state.withLock { state in
                defer { state.idle = [] }
                return state.idle
            }
        }
    }
}
