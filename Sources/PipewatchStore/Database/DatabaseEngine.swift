/// The SQL engine behind a store, for the few statements that differ between them.
enum DatabaseEngine: Sendable, Hashable {
    case sqlite
    case postgres

    /// The statement that opens a read-write transaction.
    ///
    /// SQLite's `IMMEDIATE` takes the write lock at once, so two writers never both read
    /// and then fail to upgrade; PostgreSQL locks rows as it writes them.
    var beginStatement: String {
        switch self {
        case .sqlite: "BEGIN IMMEDIATE"
        case .postgres: "BEGIN"
        }
    }

}
