import PipewatchCore
package import PostgresNIO

/// How postgres-nio connects to a location, shared by the store and the data checks' sources.
extension PostgresLocation {
    /// The pool's configuration: TLS by `sslmode`, the connect timeout, and in every connection's
    /// startup message the statement timeout and a `search_path` when the location names a schema.
    package var clientConfiguration: PostgresClient.Configuration {
        var configuration = PostgresClient.Configuration(
            host: host,
            port: port,
            username: username,
            password: password,
            database: database,
            tls: tlsConfiguration.map { tlsMode == .prefer ? .prefer($0) : .require($0) } ?? .disable
        )
        configuration.options.connectTimeout = connectTimeout
        configuration.options.additionalStartupParameters = startupParameters
        return configuration
    }

    /// A single connection's configuration, for connecting outside the pool.
    package func connectionConfiguration() throws -> PostgresConnection.Configuration {
        let tls: PostgresConnection.Configuration.TLS
        if let configuration = tlsConfiguration {
            let context = try NIOSSLContext(configuration: configuration)
            tls = tlsMode == .prefer ? .prefer(context) : .require(context)
        } else {
            tls = .disable
        }
        var configuration = PostgresConnection.Configuration(
            host: host,
            port: port,
            username: username,
            password: password,
            database: database,
            tls: tls
        )
        configuration.options.connectTimeout = .milliseconds(connectTimeout.wholeMilliseconds)
        configuration.options.additionalStartupParameters = startupParameters
        return configuration
    }

    /// libpq's `sslmode` in NIOSSL terms: `prefer` and `require` encrypt without checking the
    /// certificate, `verify-ca` checks the issuer, `verify-full` also the host name.
    private var tlsConfiguration: TLSConfiguration? {
        var tls = TLSConfiguration.makeClientConfiguration()
        switch tlsMode {
        case .disable: return nil
        case .prefer, .require: tls.certificateVerification = .none
        case .verifyCA: tls.certificateVerification = .noHostnameVerification
        case .verifyFull: break
        }
        return tls
    }

    /// The statement timeout, and a `search_path` when the location names a schema.
    private var startupParameters: [(String, String)] {
        [("statement_timeout", "\(statementTimeout.wholeMilliseconds)")] + (schema.map { [("search_path", $0)] } ?? [])
    }
}
