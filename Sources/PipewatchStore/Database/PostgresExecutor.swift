import Logging
import PostgresKit
import SQLKit

/// Runs SQL on PostgreSQL through postgres-nio's `PostgresClient` pool.
///
/// The client hands out connections only while ``run()`` runs: the CLI runs it in a child
/// task for the duration of one command, the server as a service for its lifetime.
final class PostgresExecutor: DatabaseExecutor {
    let engine = DatabaseEngine.postgres
    private let client: PostgresClient
    private let location: PostgresLocation
    private let logger: Logger

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

    func read<Result: Sendable>(_ body: (any SQLDatabase) async throws -> Result) async throws -> Result {
        try await client.withConnection { connection in
            try await body(connection.sql(queryLogLevel: .trace))
        }
    }

    func transaction<Result: Sendable>(_ body: (any SQLDatabase) async throws -> Result) async throws -> Result {
        try await client.withConnection { connection in
            try await connection.sql(queryLogLevel: .trace).inTransaction(begin: engine.beginStatement, body)
        }
    }

    func run() async {
        await client.run()
    }

    /// Nothing to do: the pool shuts down when the task running ``run()`` is cancelled.
    func close() async throws {}
}
