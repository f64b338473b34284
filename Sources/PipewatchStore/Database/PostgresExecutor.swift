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

    /// Creates the client; no connection is made until ``run()`` runs and work arrives.
    init(location: PostgresLocation, logger: Logger) {
        var configuration = PostgresClient.Configuration(
            host: location.host,
            port: location.port,
            username: location.username,
            password: location.password,
            database: location.database,
            tls: Self.tls(for: location.tlsMode)
        )
        if let schema = location.schema {
            // A run-time parameter in the startup message: every pooled connection gets it.
            configuration.options.additionalStartupParameters = [("search_path", schema)]
        }
        configuration.options.maximumConnections = 8
        client = PostgresClient(configuration: configuration, backgroundLogger: logger)
    }

    private static func tls(for mode: PostgresLocation.TLSMode) -> PostgresClient.Configuration.TLS {
        var tls = TLSConfiguration.makeClientConfiguration()
        switch mode {
        case .disable:
            return .disable
        case .prefer:
            tls.certificateVerification = .none
            return .prefer(tls)
        case .require:
            tls.certificateVerification = .none
            return .require(tls)
        case .verifyCA:
            tls.certificateVerification = .noHostnameVerification
            return .require(tls)
        case .verifyFull:
            return .require(tls)
        }
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
