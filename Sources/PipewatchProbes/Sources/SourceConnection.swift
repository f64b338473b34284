import Foundation

/// A pool of read-only connections to one data source, through which checks run their queries.
///
/// Every query runs in its own read-only transaction with a time limit; values come back as
/// text (numbers as written, timestamps as `YYYY-MM-DD HH:MM:SS` with `Z` when absolute).
protocol SourceConnection: Sendable {
    var dialect: SQLDialect { get }

    /// Runs `sql` and returns its rows, or throws what the database said.
    func rows(_ sql: String, timeout: Duration) async throws(ProbeError) -> QueryRows

    /// Starts opening up to `connections` of the pool's connections without waiting, so that
    /// queries that follow find them logged in.
    func connect(_ connections: Int)

    /// Closes the pool's connections.
    func close() async
}

extension SourceConnection {
    /// Nothing to open ahead: a file opens in a moment.
    func connect(_ connections: Int) {}
}

/// A query's answer as text: column names and rows.
struct QueryRows: Sendable {
    var columns: [String]
    var rows: [[String?]]

    /// The first value of the first row.
    var scalar: String? { rows.first?.first ?? nil }

    /// A row as people read it: `column=value, …` (`NULL` for none), at most six columns.
    func describe(_ row: [String?]) -> String {
        zip(columns, row).prefix(6).map { "\($0)=\($1 ?? "NULL")" }.joined(separator: ", ")
    }
}
