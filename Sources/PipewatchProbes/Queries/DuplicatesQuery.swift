import PipewatchCore

/// A duplicates check's queries: first the catalog (a unique index that answers without reading
/// the table, and on PostgreSQL the planner's estimate of each column's distinct values), then one
/// grouping that gives the duplicated keys, the rows they cover and the five most repeated.
///
/// PostgreSQL plans the grouping as a hash table, which for hundreds of thousands of keys costs
/// two to five times what sorting them does (measured on the data of `scripts/bench-checks.sh`:
/// 500,000 order ids 0.9 s hashed, 0.18 s sorted). So when the estimate says the key has many
/// values, the rows are sorted first, most distinct column first (ties on it are rare, so the sort
/// seldom compares a second column), and grouped in that order. Text is sorted by its bytes
/// (`COLLATE "C"`): equal values are equal bytes under any deterministic collation, so the groups
/// are the same, and it spares the locale's comparison (300,000 session and event-type pairs:
/// 0.53 s hashed, 0.35 s sorted by bytes). Keys with few values keep the hash table, which is
/// then small.
struct DuplicatesQuery {
    let table: TableName
    let columns: [String]

    /// Distinct keys from which sorting beats the hash table.
    static let sortingFrom = 20_000.0

    /// The catalog query: one row, the number of unique indexes over the columns, then (PostgreSQL)
    /// for each column its estimated distinct values (NULL where the table was never analysed) and
    /// whether it sorts by collation (text).
    func catalogSQL(_ dialect: SQLDialect) -> String {
        let unique = dialect.uniqueIndexQuery(table, columns: columns)
        guard dialect == .postgres else { return unique }
        let estimates = columns.map { column in
            "(SELECT CASE WHEN s.n_distinct < 0 THEN -s.n_distinct * GREATEST(c.reltuples, 0) ELSE s.n_distinct END "
                + "FROM pg_stats s WHERE s.schemaname = n.nspname AND s.tablename = c.relname "
                + "AND s.attname = \(dialect.literal(column)) LIMIT 1), "
                + "(SELECT a.attcollation <> 0 FROM pg_attribute a WHERE a.attrelid = c.oid "
                + "AND a.attname = \(dialect.literal(column)))"
        }
        return "SELECT (\(unique)), \(estimates.joined(separator: ", ")) FROM pg_class c "
            + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = to_regclass(\(dialect.literal(dialect.table(table))))"
    }

    /// What the catalog says of one column.
    struct Column {
        let name: String
        /// The planner's estimate of its distinct values; nil when never analysed.
        let distinct: Double?
        /// Whether it has a collation (text), which sorting by bytes sets aside.
        let collated: Bool
    }

    /// Whether a unique index rules duplicates out, and what the catalog says of each column.
    func catalog(_ answer: QueryRows) -> (unique: Bool, columns: [Column]) {
        let row = answer.rows.first ?? []
        func value(_ index: Int) -> String? { index < row.count ? row[index] : nil }
        let unique = (value(0).flatMap { Int($0) } ?? 0) > 0
        let described = columns.enumerated().map { index, name in
            Column(
                name: name,
                distinct: value(1 + 2 * index).flatMap { Double($0) },
                collated: value(2 + 2 * index) == "true"
            )
        }
        return (unique, described)
    }

    /// The grouping: sorted when the catalog says the key has many values, hashed otherwise.
    func sql(_ dialect: SQLDialect, catalog: [Column]) -> String {
        let quoted = columns.map(dialect.quote).joined(separator: ", ")
        let present = columns.map { "\(dialect.quote($0)) IS NOT NULL" }.joined(separator: " AND ")
        let source: String
        let key: String
        let order = catalog.sorted { ($0.distinct ?? 0) > ($1.distinct ?? 0) }
        if let most = order.first?.distinct, most >= Self.sortingFrom {
            let bytes = catalog.map { column in
                column.collated
                    ? "\(dialect.quote(column.name)) COLLATE \"C\" AS \(dialect.quote(column.name))"
                    : dialect.quote(column.name)
            }
            key = order.map { dialect.quote($0.name) }.joined(separator: ", ")
            source =
                "(SELECT \(bytes.joined(separator: ", ")) FROM \(dialect.table(table)) WHERE \(present) ORDER BY \(key)) k"
        } else {
            key = quoted
            source = "\(dialect.table(table)) WHERE \(present)"
        }
        return "SELECT \(quoted), copies, COUNT(*) OVER () AS duplicated, SUM(copies) OVER () AS covered FROM "
            + "(SELECT \(quoted), COUNT(*) AS copies FROM \(source) GROUP BY \(key) HAVING COUNT(*) > 1) d "
            + "ORDER BY copies DESC LIMIT 5"
    }
}
