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
        var configuration = PostgresClient.Configuration(
            host: location.host,
            port: location.port,
            username: location.username,
            password: location.password,
            database: location.database,
            tls: Self.tlsConfiguration(for: location.tlsMode).map {
                location.tlsMode == .prefer ? .prefer($0) : .require($0)
            }
                ?? .disable
        )
        configuration.options.additionalStartupParameters = Self.startupParameters(for: location)
        configuration.options.maximumConnections = 8
        client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        self.location = location
        self.logger = logger
    }

    /// libpq's `sslmode` in NIOSSL terms: `prefer` and `require` encrypt without checking the
    /// certificate, `verify-ca` checks the issuer, `verify-full` also the host name.
    private static func tlsConfiguration(for mode: PostgresLocation.TLSMode) -> TLSConfiguration? {
        var tls = TLSConfiguration.makeClientConfiguration()
        switch mode {
        case .disable: return nil
        case .prefer, .require: tls.certificateVerification = .none
        case .verifyCA: tls.certificateVerification = .noHostnameVerification
        case .verifyFull: break
        }
        return tls
    }

    /// A `search_path` in the startup message when the location names a schema, so every
    /// pooled connection uses it.
    private static func startupParameters(for location: PostgresLocation) -> [(String, String)] {
        location.schema.map { [("search_path", $0)] } ?? []
    }

    /// Connects once outside the pool and hangs up.
    ///
    /// The pool retries a failing server quietly for a minute before a lease fails; a
    /// direct connection fails at once with the server's reason (refused, wrong password,
    /// no such database), or after a ten-second connect timeout.
    func checkReachable() async throws {
        let tls: PostgresConnection.Configuration.TLS
        if let configuration = Self.tlsConfiguration(for: location.tlsMode) {
            let context = try NIOSSLContext(configuration: configuration)
            tls = location.tlsMode == .prefer ? .prefer(context) : .require(context)
        } else {
            tls = .disable
        }
        var configuration = PostgresConnection.Configuration(
            host: location.host,
            port: location.port,
            username: location.username,
            password: location.password,
            database: location.database,
            tls: tls
        )
        configuration.options.connectTimeout = .seconds(10)
        configuration.options.additionalStartupParameters = Self.startupParameters(for: location)
        let connection = try await PostgresConnection.connect(configuration: configuration, id: 0, logger: logger)
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
