import Foundation
import PipewatchCore

/// What differs between the SQL of PostgreSQL and SQLite for the queries checks build:
/// quoting, the catalog, sizes and time arithmetic.
enum SQLDialect: Sendable {
    case postgres, sqlite

    /// An identifier in double quotes, with embedded quotes doubled.
    func quote(_ identifier: String) -> String {
        "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A string literal, with embedded quotes doubled.
    func literal(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }

    /// A bound as SQL: whole numbers without a fraction (`-100`, not `-100.0`), so that an integer
    /// column compares as integers; `-100.0` is a numeric literal, against which PostgreSQL casts
    /// every value of an integer column to numeric (300,000 rows: 30 ms against 7 ms).
    func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 9e15 ? String(Int64(value)) : String(value)
    }

    /// The table, quoted, schema first when it has one.
    func table(_ table: TableName) -> String {
        (table.schema.map { quote($0) + "." } ?? "") + quote(table.name)
    }

    /// A query listing the table's columns and types, in order.
    func columnsQuery(_ table: TableName) -> String {
        switch self {
        case .postgres:
            // format_type gives the precision a declared type may name (numeric(12,2)).
            return """
                SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute \
                WHERE attrelid = to_regclass(\(literal(self.table(table)))) AND attnum > 0 AND NOT attisdropped \
                ORDER BY attnum
                """
        case .sqlite:
            let schema = table.schema.map { ", \(literal($0))" } ?? ""
            return "SELECT name, type FROM pragma_table_info(\(literal(table.name))\(schema)) ORDER BY cid"
        }
    }

    /// A query counting the table's unique indexes (whole, on plain columns) whose columns are
    /// all among `columns`: with one, rows that agree on `columns` (none null) cannot repeat.
    func uniqueIndexQuery(_ table: TableName, columns: [String]) -> String {
        let names = columns.map(literal).joined(separator: ", ")
        switch self {
        case .postgres:
            return """
                SELECT COUNT(*) FROM pg_index i WHERE i.indrelid = to_regclass(\(literal(self.table(table)))) \
                AND i.indisunique AND i.indisvalid AND i.indpred IS NULL AND i.indexprs IS NULL \
                AND NOT EXISTS (SELECT 1 FROM unnest(i.indkey::int2[]) AS k(attnum) JOIN pg_attribute a \
                ON a.attrelid = i.indrelid AND a.attnum = k.attnum WHERE a.attname NOT IN (\(names)))
                """
        case .sqlite:
            let schema = table.schema.map(literal) ?? "'main'"
            return """
                SELECT COUNT(*) FROM pragma_index_list(\(literal(table.name)), \(schema)) AS l \
                WHERE l."unique" = 1 AND l.partial = 0 AND NOT EXISTS (SELECT 1 FROM pragma_index_info(l.name, \(schema)) AS c \
                WHERE c.name IS NULL OR c.name NOT IN (\(names)))
                """
        }
    }

    /// A query giving the bytes the table takes (on SQLite, the file that holds it), or without a
    /// table the whole database's (on SQLite, the main file and every attached one).
    func sizeQuery(_ table: TableName?) -> String {
        switch self {
        case .postgres:
            guard let table else { return "SELECT pg_database_size(current_database())" }
            return "SELECT pg_total_relation_size(\(literal(self.table(table))))"
        case .sqlite:
            guard let table else {
                return "SELECT SUM(p.page_count * s.page_size) FROM pragma_database_list AS d, "
                    + "pragma_page_count(d.name) AS p, pragma_page_size(d.name) AS s"
            }
            let schema = table.schema.map(literal) ?? "'main'"
            return "SELECT page_count * page_size FROM pragma_page_count(\(schema)), pragma_page_size(\(schema))"
        }
    }

    /// A timestamp literal for `instant`, written as local time in `zone` (the zone the source
    /// reads timestamps without one in), comparable with the column as stored.
    func timestamp(_ instant: Date, in zone: TimeZone) -> String {
        let text = ISO8601Text.format(instant, in: zone)
        return literal(String(text.prefix(19)).replacingOccurrences(of: "T", with: " "))
    }

    /// The column in a form a timestamp literal compares with: SQLite normalises text written
    /// with `T` or an offset.
    func comparable(_ column: String) -> String {
        switch self {
        case .postgres: quote(column)
        case .sqlite: "datetime(\(quote(column)))"
        }
    }

    /// The column as seconds since 1970, reading values without a zone in `zone`.
    ///
    /// - Parameter type: the column's type from the catalog (PostgreSQL needs it: a `timestamp`
    ///   is local, a `timestamptz` absolute, a `date` a local midnight).
    func epoch(_ column: String, type: String?, in zone: TimeZone) -> String {
        let quoted = quote(column)
        switch self {
        case .postgres:
            let lowered = type?.lowercased() ?? ""
            if lowered.contains("with time zone") || lowered == "timestamptz" {
                return "EXTRACT(EPOCH FROM \(quoted))"
            }
            let local = lowered == "date" ? "\(quoted)::timestamp" : quoted
            return "EXTRACT(EPOCH FROM \(local) AT TIME ZONE \(literal(zone.identifier)))"
        case .sqlite:
            // SQLite has no zone database: a zone's offset of today stands for the whole window.
            let offset = zone.secondsFromGMT()
            return offset == 0 ? "unixepoch(\(quoted))" : "(unixepoch(\(quoted)) - \(offset))"
        }
    }

    /// The whole number of `size`-second buckets since 1970 that an epoch expression falls in.
    func bucket(_ epoch: String, size: Int) -> String {
        switch self {
        case .postgres: "FLOOR(\(epoch) / \(size))"
        // SQLite has no FLOOR without its math functions; integer division floors positive times.
        case .sqlite: "(CAST(\(epoch) AS INTEGER) / \(size))"
        }
    }

    /// `value` as text, so every driver returns it the same way.
    func text(_ expression: String) -> String {
        "CAST(\(expression) AS TEXT)"
    }
}
