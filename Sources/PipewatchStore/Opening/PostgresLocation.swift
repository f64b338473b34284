import Foundation
import PipewatchCore

/// Where a PostgreSQL state store lives, parsed from a `postgres://` URL.
///
/// The URL has the usual form `postgres://USER[:PASSWORD]@HOST[:PORT][/DATABASE][?OPTIONS]`,
/// with these options: `sslmode` (`disable`, `allow`, `prefer`, `require`, `verify-ca` or
/// `verify-full`, as libpq; `prefer` by default); `schema`, a schema for Pipewatch's
/// tables (created when missing; PostgreSQL's `search_path` when absent); `connect_timeout`,
/// seconds to wait for a connection (libpq's name; 5 by default); and `statement_timeout`,
/// milliseconds a statement may run (PostgreSQL's setting; 10,000 by default, 0 for none).
public struct PostgresLocation: Sendable, Hashable, CustomStringConvertible {
    /// How the connection uses TLS, with libpq's meanings.
    public enum TLSMode: String, Sendable, Hashable, CaseIterable {
        /// Never use TLS.
        case disable
        /// TLS when the server offers it, without checking the certificate (libpq's `allow` and `prefer`).
        case prefer
        /// TLS always, without checking the certificate.
        case require
        /// TLS always, with a certificate signed by a trusted authority, for any host name.
        case verifyCA = "verify-ca"
        /// TLS always, with a trusted certificate for this host name.
        case verifyFull = "verify-full"
    }

    public var host: String
    public var port: Int
    public var username: String
    /// Never shown by `description`.
    public var password: String?
    /// The database; PostgreSQL's default (the user name) when `nil`.
    public var database: String?
    public var tlsMode: TLSMode
    /// The schema that holds Pipewatch's tables, or `nil` for the server's `search_path`.
    public var schema: String?
    /// How long to wait for a connection, new or from the pool, before the database counts as down.
    public var connectTimeout: Duration = Self.defaultConnectTimeout
    /// How long one statement may run; `.zero` for no limit.
    public var statementTimeout: Duration = Self.defaultStatementTimeout

    public static let defaultConnectTimeout = Duration.seconds(5)
    public static let defaultStatementTimeout = Duration.seconds(10)

    /// Creates a location from its parts.
    public init(
        host: String,
        port: Int = 5432,
        username: String,
        password: String? = nil,
        database: String? = nil,
        tlsMode: TLSMode = .prefer,
        schema: String? = nil
    ) {
        self.host = host
        self.port = port
        self.username = username
        self.password = password
        self.database = database
        self.tlsMode = tlsMode
        self.schema = schema
    }

    /// Parses a `postgres://` or `postgresql://` URL.
    ///
    /// - Parameter url: The URL, as given by `--database` or `PIPEWATCH_DATABASE_URL`.
    /// - Throws: ``StoreError/invalidLocation(_:)`` naming the part that is wrong; the
    ///   message never repeats the password.
    public init(url: String) throws(StoreError) {
        guard let parts = URLComponents(string: url), let scheme = parts.scheme?.lowercased(),
            scheme == "postgres" || scheme == "postgresql"
        else { throw .invalidLocation("the database URL is not a valid 'postgres://' URL") }
        guard let host = parts.host, !host.isEmpty else {
            throw .invalidLocation("the database URL has no host; write 'postgres://USER@HOST/DATABASE'")
        }
        guard let username = parts.user, !username.isEmpty else {
            throw .invalidLocation("the database URL has no user name; write 'postgres://USER@\(host)/DATABASE'")
        }
        self.init(host: host, port: parts.port ?? 5432, username: username, password: parts.password)
        let path = parts.path.hasPrefix("/") ? String(parts.path.dropFirst()) : parts.path
        database = path.isEmpty ? nil : path
        for item in parts.queryItems ?? [] {
            try apply(option: item.name, value: item.value ?? "")
        }
    }

    private mutating func apply(option name: String, value: String) throws(StoreError) {
        switch name {
        case "sslmode":
            switch value {
            case "allow": tlsMode = .prefer
            case let value:
                guard let mode = TLSMode(rawValue: value) else {
                    let modes = ["allow"] + TLSMode.allCases.map(\.rawValue)
                    throw .invalidLocation(
                        "unknown sslmode '\(value)' in the database URL; use one of \(modes.sorted().joined(separator: ", "))"
                    )
                }
                tlsMode = mode
            }
        case "schema":
            guard Self.isPlainIdentifier(value) else {
                throw .invalidLocation(
                    "schema '\(value)' in the database URL must be lower-case letters, digits and '_', starting with a letter"
                )
            }
            schema = value
        case "connect_timeout":
            guard let seconds = Int(value), (1...3_600).contains(seconds) else {
                throw .invalidLocation(
                    "connect_timeout '\(value)' in the database URL must be whole seconds from 1 to 3600"
                )
            }
            connectTimeout = .seconds(seconds)
        case "statement_timeout":
            guard let milliseconds = Int(value), (0...86_400_000).contains(milliseconds) else {
                throw .invalidLocation(
                    "statement_timeout '\(value)' in the database URL must be milliseconds from 0 (no limit) to 86400000"
                )
            }
            statementTimeout = .milliseconds(milliseconds)
        default:
            throw .invalidLocation(
                "unknown option '\(name)' in the database URL; the options are 'sslmode', 'schema', "
                    + "'connect_timeout' and 'statement_timeout'"
            )
        }
    }

    /// Whether `name` can be used in SQL unquoted: `[a-z_][a-z0-9_]*`, at most 63 bytes.
    static func isPlainIdentifier(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, name.utf8.count <= 63,
            ("a"..."z").contains(first) || first == "_"
        else { return false }
        return name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }

    /// The URL with the password replaced by `***`.
    public var description: String {
        var parts = URLComponents()
        parts.scheme = "postgres"
        parts.user = username
        parts.password = password.map { _ in "***" }
        parts.host = host
        parts.port = port
        parts.path = database.map { "/\($0)" } ?? ""
        var options: [URLQueryItem] = []
        if tlsMode != .prefer { options.append(URLQueryItem(name: "sslmode", value: tlsMode.rawValue)) }
        if let schema { options.append(URLQueryItem(name: "schema", value: schema)) }
        if connectTimeout != Self.defaultConnectTimeout {
            options.append(URLQueryItem(name: "connect_timeout", value: "\(connectTimeout.components.seconds)"))
        }
        if statementTimeout != Self.defaultStatementTimeout {
            options.append(URLQueryItem(name: "statement_timeout", value: "\(statementTimeout.wholeMilliseconds)"))
        }
        parts.queryItems = options.isEmpty ? nil : options
        return parts.string ?? "postgres://\(host):\(port)"
    }
}
