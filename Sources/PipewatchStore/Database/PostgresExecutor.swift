import Logging
import PostgresKit
import SQLKit
import Synchronization

/// Runs SQL on PostgreSQL through postgres-nio's `PostgresClient` pool.
///
/// The client hands out connections only while ``run()`` runs: the CLI runs it in a child
/// task for the duration of one command, the server as a service for its lifetime.
final class PostgresExecutor: DatabaseExecutor {
    let engine = DatabaseEngine.postgres
    private let client: PostgresClient
    private let location: PostgresLocation
    private let logger: Logger
    /// When a lease last failed, while none has succeeded since: requests then wait only briefly,
    /// so an outage answers "unavailable" at once rather than after the connect timeout each time.
    private let failedSince = Mutex<ContinuousClock.Instant?>(nil)

    /// Creates the client; no connection is made until ``run()`` runs and work arrives.
    init(location: PostgresLocation, logger: Logger) {
        var configuration = location.clientConfiguration
        configuration.options.maximumConnections = 8
        client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        self.location = location
        self.logger = logger
    }

    /// Connects once outside the pool and hangs up.
    ///
    /// The pool retries a failing server quietly for a minute before a lease fails; a
    /// direct connection fails at once with the server's reason (refused, wrong password,
    /// no such database), or after a ten-second connect timeout.
    func checkReachable() async throws {
        let connection = try await PostgresConnection.connect(
            configuration: location.connectionConfiguration(),
            id: 0,
            logger: logger
        )
        try await connection.close()
    }

    /// Reads on one connection. A read that outlives the statement timeout plus the connect
    /// timeout is waiting on a connection whose server vanished without closing it (the statement
    /// timeout is the server's, and a gone server enforces nothing): the connection is closed, so
    /// the read fails instead of waiting for TCP to give up.
    func read<Result: Sendable>(_ body: (any SQLDatabase) async throws -> Result) async throws -> Result {
        try await withConnection { connection in
            let limit = location.statementTimeout + location.connectTimeout
            // An event loop's scheduled task, not a Task.sleep: cancelled, it is gone at once.
            let watchdog =
                location.statementTimeout == .zero
                ? nil
                : connection.eventLoop.scheduleTask(
                    in: TimeAmount(limit)
                ) { connection.close().whenComplete { _ in } }
            defer { watchdog?.cancel() }
            return try await body(connection.sql(queryLogLevel: .trace))
        }
    }

    func transaction<Result: Sendable>(_ body: (any SQLDatabase) async throws -> Result) async throws -> Result {
        try await withConnection { connection in
            try await connection.sql(queryLogLevel: .trace).inTransaction(begin: engine.beginStatement, body)
        }
    }

    /// Leases a pooled connection for `body`, waiting for it at most the location's connect
    /// timeout: while the server is down the pool keeps retrying for a minute, and a request
    /// should hear "unavailable" in seconds instead.
    ///
    /// A child task holds the lease (so that waiting for it can be cancelled) and lends the
    /// connection until `body` returns.
    private func withConnection<Result: Sendable>(
        _ body: (PostgresConnection) async throws -> Result
    ) async throws -> Result {
        let lent = AsyncThrowingStream<PostgresConnection, any Error>.makeStream()
        let returned = AsyncStream<Never>.makeStream()
        let lender = Task { [client] in
            do {
                try await client.withConnection { connection in
                    lent.continuation.yield(connection)
                    for await _ in returned.stream {}
                }
                lent.continuation.finish()
            } catch {
                lent.continuation.finish(throwing: error)
            }
        }
        defer { returned.continuation.finish() }
        let down = failedSince.withLock { $0.map { $0.duration(to: .now) < .seconds(30) } ?? false }
        let limit = down ? .milliseconds(500) : location.connectTimeout
        let connection: PostgresConnection
        do {
            connection = try await withDeadline(limit, timeout: DatabaseUnreachable(waited: limit)) {
                for try await connection in lent.stream { return connection }
                throw CancellationError()
            }
            failedSince.withLock { $0 = nil }
        } catch {
            lender.cancel()
            failedSince.withLock { $0 = $0 ?? .now }
            // The pool's own errors (its circuit breaker after a minute of failed connects) say less.
            throw error is PSQLError || error is DatabaseUnreachable ? error : DatabaseUnreachable(waited: nil)
        }
        return try await body(connection)
    }

    func run() async {
        await client.run()
    }

    /// Nothing to do: the pool shuts down when the task running ``run()`` is cancelled.
    func close() async throws {}
}
