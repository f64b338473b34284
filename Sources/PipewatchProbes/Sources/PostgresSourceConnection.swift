import Foundation
import Logging
import NIOCore
import PipewatchCore
import PipewatchStore
import PostgresNIO
import Synchronization

/// Connections to a PostgreSQL source through postgres-nio's pool, which holds at most the
/// source's `max_connections`: that is what bounds the checks querying it at once.
///
/// Each query runs as `BEGIN TRANSACTION READ ONLY`, then `statement_timeout`, `TimeZone` (the
/// source's zone, so timestamps without one compare as written) and `work_mem` set local to the
/// transaction in one statement, then the query, then `ROLLBACK`: a query that tries to write is
/// refused by the server.
final class PostgresSourceConnection: SourceConnection {
    let dialect = SQLDialect.postgres
    private let client: PostgresClient
    private let running: Task<Void, Never>
    private let name: String
    private let timeZone: TimeZone
    private let location: PostgresLocation
    private let logger: Logger
    /// Whether a direct connection has succeeded since the last connection failure.
    private let verified = Mutex(false)
    /// The direct connection being tried, which every query that starts meanwhile awaits
    /// instead of trying its own (a run's first checks all start at once).
    private let verifying = Mutex<Task<Result<Void, ProbeError>, Never>?>(nil)

    init(name: String, location: PostgresLocation, timeZone: TimeZone, maxConnections: Int, logger: Logger) {
        var configuration = location.clientConfiguration
        configuration.options.maximumConnections = maxConnections
        configuration.options.minimumConnections = 0
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        self.client = client
        self.name = name
        self.timeZone = timeZone
        self.location = location
        self.logger = logger
        running = Task { await client.run() }
    }

    /// Logs in ahead: the direct connection that tells an unreachable server's reason, and
    /// `connections` of the pool's, each a leased connection given straight back. A login is a few
    /// round trips and a server process started; a command that reads its own store first has
    /// them done by the time its first query goes out. A server that is down fails the first
    /// query as it would have without this (the pool's attempts end with ``close()``).
    func connect(_ connections: Int) {
        Task { try? await verifyReachable() }
        for _ in 0..<max(connections, 0) {
            Task { [client] in try? await client.withConnection { _ in } }
        }
    }

    func rows(_ sql: String, timeout: Duration) async throws(ProbeError) -> QueryRows {
        guard !verified.withLock({ $0 }) else { return try await query(sql, timeout: timeout) }
        // Until a direct connection has succeeded, the query starts alongside it rather than
        // after it (a login's round trips saved on every run's first queries); if the direct
        // connection fails, its reason is the answer and the query is cancelled.
        enum Outcome: Sendable {
            case verified(Result<Void, ProbeError>)
            case answered(Result<QueryRows, ProbeError>)
        }
        let outcome = await withTaskGroup(of: Outcome.self) { group -> Result<QueryRows, ProbeError> in
            group.addTask {
                do throws(ProbeError) {
                    try await self.verifyReachable()
                    return .verified(.success(()))
                } catch {
                    return .verified(.failure(error))
                }
            }
            group.addTask {
                do throws(ProbeError) {
                    return .answered(.success(try await self.query(sql, timeout: timeout)))
                } catch {
                    return .answered(.failure(error))
                }
            }
            var answer: Result<QueryRows, ProbeError> = .failure(.queryFailed(reason: "no answer"))
            for await outcome in group {
                switch outcome {
                case .verified(.failure(let error)):
                    group.cancelAll()
                    return .failure(error)
                case .verified(.success): continue
                case .answered(let result): answer = result
                }
            }
            return answer
        }
        return try outcome.get()
    }

    private func query(_ sql: String, timeout: Duration) async throws(ProbeError) -> QueryRows {
        let milliseconds = max(timeout.wholeMilliseconds, 1)
        let zone = dialect.literal(timeZone.identifier)
        do {
            return try await withDeadline(timeout + .seconds(5), timeout: ProbeError.timedOut(after: timeout)) {
                [client] in
                try await client.withConnection { connection in
                    _ = try await connection.query("BEGIN TRANSACTION READ ONLY", logger: connection.logger)
                    do {
                        // One round trip for the settings, each local to the transaction: the time
                        // limit, the source's zone (timestamps without one compare as written), and
                        // enough memory for a duplicates check's grouping of a few million keys to
                        // stay off disk (the default 4 MB spills at a few hundred thousand).
                        _ = try await connection.query(
                            PostgresQuery(
                                unsafeSQL: "SELECT set_config('statement_timeout', '\(milliseconds)', true), "
                                    + "set_config('TimeZone', \(zone), true), set_config('work_mem', '64MB', true)"
                            ),
                            logger: connection.logger
                        )
                        var result = QueryRows(columns: [], rows: [])
                        let rows = try await connection.query(PostgresQuery(unsafeSQL: sql), logger: connection.logger)
                        for try await row in rows {
                            if result.columns.isEmpty { result.columns = row.map(\.columnName) }
                            result.rows.append(row.map(PostgresText.text))
                        }
                        _ = try await connection.query("ROLLBACK", logger: connection.logger)
                        return result
                    } catch {
                        _ = try? await connection.query("ROLLBACK", logger: connection.logger)
                        throw error
                    }
                }
            }
        } catch let error as ProbeError {
            throw error
        } catch let error as PSQLError {
            throw translate(error, timeout: timeout)
        } catch {
            throw .queryFailed(reason: "\(error)")
        }
    }

    /// Connects once outside the pool, the first time and after a connection failure: the pool
    /// retries a server that is down quietly until the lease times out, a direct connection
    /// fails at once with the reason (refused, wrong password, no such database).
    private func verifyReachable() async throws(ProbeError) {
        guard !verified.withLock({ $0 }) else { return }
        let attempt = verifying.withLock { current in
            if let current { return current }
            let started = Task { [location, logger, name] () -> Result<Void, ProbeError> in
                do {
                    let connection = try await PostgresConnection.connect(
                        configuration: location.connectionConfiguration(),
                        id: 0,
                        logger: logger
                    )
                    try await connection.close()
                    return .success(())
                } catch let error as PSQLError {
                    let reason = error.serverInfo?[.message] ?? error.underlying.map { "\($0)" } ?? "\(error.code)"
                    return .failure(.unreachable(source: name, reason: reason))
                } catch {
                    return .failure(.unreachable(source: name, reason: "\(error)"))
                }
            }
            current = started
            return started
        }
        let outcome = await attempt.value
        verifying.withLock { current in
            if current == attempt { current = nil }
        }
        if case .success = outcome { verified.withLock { $0 = true } }
        try outcome.get()
    }

    private func translate(_ error: PSQLError, timeout: Duration) -> ProbeError {
        if let info = error.serverInfo {
            if info[.sqlState] == "57014" { return .timedOut(after: timeout) }
            let detail = [info[.message], info[.detail]].compactMap { $0 }.joined(separator: ": ")
            return .queryFailed(reason: "PostgreSQL: \(detail)")
        }
        verified.withLock { $0 = false }
        switch error.code {
        case .connectionError, .serverClosedConnection, .clientClosedConnection, .poolClosed:
            return .unreachable(source: name, reason: "\(error.underlying.map { "\($0)" } ?? "\(error.code)")")
        default:
            return .unreachable(source: name, reason: "\(error.code)")
        }
    }

    func close() async {
        running.cancel()
        _ = await running.value
    }

    deinit { running.cancel() }
}
