import Foundation

/// Where the state store lives: an SQLite file, an in-memory SQLite database, or PostgreSQL.
public enum StoreLocation: Sendable, Hashable, CustomStringConvertible {
    /// An SQLite database in this file, created with its folder on first use.
    case sqliteFile(path: String)
    /// An SQLite database that lives as long as the store is open: for tests and dry runs.
    case sqliteInMemory
    /// A PostgreSQL database.
    case postgres(PostgresLocation)

    /// Parses the value of `--database` or `PIPEWATCH_DATABASE_URL`.
    ///
    /// A `postgres://` or `postgresql://` URL names PostgreSQL, `:memory:` an in-memory
    /// SQLite database, and anything else without `://` an SQLite file path.
    ///
    /// - Parameter text: The location as the user wrote it.
    /// - Throws: ``StoreError/invalidLocation(_:)`` when it is empty, uses another scheme, or
    ///   is a malformed PostgreSQL URL.
    public init(parsing text: String) throws(StoreError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let lowered = trimmed.lowercased()
        if lowered.hasPrefix("postgres://") || lowered.hasPrefix("postgresql://") {
            self = .postgres(try PostgresLocation(url: trimmed))
        } else if trimmed == ":memory:" {
            self = .sqliteInMemory
        } else if trimmed.isEmpty {
            throw .invalidLocation(
                "the database location is empty; give a file path, ':memory:' or a 'postgres://' URL"
            )
        } else if let scheme = trimmed.range(of: "://").map({ trimmed[..<$0.lowerBound] }) {
            throw .invalidLocation(
                "unsupported database scheme '\(scheme)'; give a file path, ':memory:' or a 'postgres://' URL"
            )
        } else {
            self = .sqliteFile(path: trimmed)
        }
    }

    /// The default location: `.pipewatch/state.sqlite` in the folder that holds the config.
    ///
    /// - Parameter configDirectory: The folder of the config file.
    /// - Returns: An SQLite file location.
    public static func defaultLocation(besideConfigIn configDirectory: String) -> StoreLocation {
        let folder = URL(fileURLWithPath: configDirectory, isDirectory: true)
        return .sqliteFile(path: folder.appendingPathComponent(".pipewatch/state.sqlite").path)
    }

    /// The location for messages and logs, with any password replaced by `***`.
    public var description: String {
        switch self {
        case .sqliteFile(let path): path
        case .sqliteInMemory: ":memory:"
        case .postgres(let location): location.description
        }
    }
}
