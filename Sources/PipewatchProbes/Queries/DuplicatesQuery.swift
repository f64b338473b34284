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
///
/// Most duplicates checks guard a key that should be unique and is. When the planner's sample of
/// one of the key's columns held no value twice, a cheaper question comes first: are that
/// column's values distinct among the rows whose key has no null? If they are, no two of those
/// rows share the whole key, so there are no duplicates, and no grouping is needed. `COUNT(DISTINCT)` sorts bare values instead of grouping rows (500,000 order
/// timestamps: 0.08 s against 0.2 s). If they are not, the grouping runs as above. The estimate
/// only chooses the queries; the answer is always counted.
struct DuplicatesQuery {
    let table: TableName
    let columns: [String]

    /// Distinct keys from which sorting beats the hash table.
    static let sortingFrom = 20_000.0

    /// The catalog query: one row, the number of unique indexes over the columns, then (PostgreSQL)
    /// for each column its estimated distinct values (NULL where the table was never analysed),
    /// whether the planner's sample saw no value twice, and whether it sorts by collation (text).
    func catalogSQL(_ dialect: SQLDialect) -> String {
        let unique = dialect.uniqueIndexQuery(table, columns: columns)
        guard dialect == .postgres else { return unique }
        let estimates = columns.map { column in
            "(SELECT CASE WHEN s.n_distinct < 0 THEN -s.n_distinct * GREATEST(c.reltuples, 0) ELSE s.n_distinct END "
                + "FROM pg_stats s WHERE s.schemaname = n.nspname AND s.tablename = c.relname "
                + "AND s.attname = \(dialect.literal(column)) LIMIT 1), "
                + "(SELECT s.n_distinct < 0 AND abs(s.n_distinct + 1 - s.null_frac) < 1e-6 "
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
        /// Whether the sample the planner's statistics were drawn from held no value twice
        /// (PostgreSQL then records the distinct values as minus the share of rows not null).
        let sampledUnique: Bool
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
                distinct: value(1 + 3 * index).flatMap { Double($0) },
                sampledUnique: value(2 + 3 * index) == "true",
                collated: value(3 + 3 * index) == "true"
            )
        }
        return (unique, described)
    }

    /// The distinct count to try before grouping, when the planner's sample saw no repeated value
    /// in a column of the key: one row, that column's distinct values and the rows with the whole
    /// key, both among the rows whose key has no null.
    func distinctSQL(_ dialect: SQLDialect, catalog: [Column]) -> String? {
        guard
            let column = catalog.filter(\.sampledUnique).max(by: { ($0.distinct ?? 0) < ($1.distinct ?? 0) }),
            let distinct = column.distinct, distinct >= Self.sortingFrom
        else { return nil }
        let present = columns.map { "\(dialect.quote($0)) IS NOT NULL" }.joined(separator: " AND ")
        let value = dialect.quote(column.name) + (column.collated ? " COLLATE \"C\"" : "")
        return "SELECT COUNT(DISTINCT \(value)), COUNT(*) FROM \(dialect.table(table)) WHERE \(present)"
    }

    /// Whether the distinct count's answer rules duplicates out: every row with the whole key has
    /// its own value of the column.
    static func allDistinct(_ answer: QueryRows) -> Bool {
        guard let row = answer.rows.first, row.count == 2, let distinct = row[0], let present = row[1] else {
            return false
        }
        return distinct == present
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
