package import PostgresNIO

/// How postgres-nio connects to a location, shared by the store and the data checks' sources.
extension PostgresLocation {
    /// The pool's configuration: TLS by `sslmode`, and a `search_path` when the location names a
    /// schema, in every connection's startup message.
    package var clientConfiguration: PostgresClient.Configuration {
        var configuration = PostgresClient.Configuration(
            host: host,
            port: port,
            username: username,
            password: password,
            database: database,
            tls: tlsConfiguration.map { tlsMode == .prefer ? .prefer($0) : .require($0) } ?? .disable
        )
        configuration.options.additionalStartupParameters = startupParameters
        return configuration
    }

    /// A single connection's configuration, for connecting outside the pool, with a ten-second
    /// connect timeout.
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
        configuration.options.connectTimeout = .seconds(10)
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

    /// A `search_path` when the location names a schema.
    private var startupParameters: [(String, String)] {
        schema.map { [("search_path", $0)] } ?? []
    }
}
