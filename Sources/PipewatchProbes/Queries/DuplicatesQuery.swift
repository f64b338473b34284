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
    /// whether the planner's sample saw no value twice, whether it sorts by collation (text), and
    /// its type.
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
                + "AND a.attname = \(dialect.literal(column))), "
                + "(SELECT format_type(a.atttypid, a.atttypmod) FROM pg_attribute a WHERE a.attrelid = c.oid "
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
        /// Its type as PostgreSQL writes it (`bigint`); nil on SQLite.
        var type: String? = nil
    }

    /// Whether a unique index rules duplicates out, and what the catalog says of each column.
    func catalog(_ answer: QueryRows) -> (unique: Bool, columns: [Column]) {
        let row = answer.rows.first ?? []
        func value(_ index: Int) -> String? { index < row.count ? row[index] : nil }
        let unique = (value(0).flatMap { Int($0) } ?? 0) > 0
        let described = columns.enumerated().map { index, name in
            Column(
                name: name,
                distinct: value(1 + 4 * index).flatMap { Double($0) },
                sampledUnique: value(2 + 4 * index) == "true",
                collated: value(3 + 4 * index) == "true",
                type: value(4 + 4 * index)
            )
        }
        return (unique, described)
    }

    /// The same from the facts read for the whole run: nil when they lack a column of the key
    /// (the catalog query then asks, and the grouping reports a column that does not exist).
    func catalog(_ facts: TableFacts) -> (unique: Bool, columns: [Column])? {
        let described = columns.compactMap { facts.columns[$0] }
        guard described.count == columns.count else { return nil }
        let key = Set(columns)
        return (facts.uniqueIndexes.contains { !$0.isEmpty && Set($0).isSubset(of: key) }, described)
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

    /// The grouping: sorted when the catalog says the key has many values, hashed otherwise; the
    /// `limit` most repeated values first (five are shown; a key that others contain lists more,
    /// see ``among(_:_:limit:)``).
    func sql(_ dialect: SQLDialect, catalog: [Column], limit: Int = 5) -> String {
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
        return grouping(dialect, from: source, by: key, limit: limit)
    }

    /// The grouping of this key among the rows whose values of a key it contains are among that
    /// key's duplicated `values`: a row duplicated on the whole key is duplicated on any part of
    /// it, so these are all the groups, found without sorting the table (150,000 payments: 15 ms
    /// against 80 ms). `nil` when a type cannot be written back exactly from its text
    /// (``DuplicateValues/literalTypes``).
    func among(_ dialect: SQLDialect, _ values: DuplicateValues.Listed, limit: Int = 5) -> String? {
        guard dialect == .postgres, !values.rows.isEmpty,
            values.types.allSatisfy({ DuplicateValues.literalTypes.contains($0) })
        else { return nil }
        let list = values.rows.map { row in
            "(" + zip(row, values.types).map { "CAST(\(dialect.literal($0 ?? "")) AS \($1))" }.joined(separator: ", ")
                + ")"
        }
        let others = columns.filter { !values.columns.contains($0) }.map { "\(dialect.quote($0)) IS NOT NULL" }
        let source =
            "\(dialect.table(table)) WHERE (\(values.columns.map(dialect.quote).joined(separator: ", "))) IN "
            + "(SELECT * FROM (VALUES \(list.joined(separator: ", "))) AS v)"
            + others.map { " AND \($0)" }.joined()
        return grouping(dialect, from: source, by: columns.map(dialect.quote).joined(separator: ", "), limit: limit)
    }

    private func grouping(_ dialect: SQLDialect, from source: String, by key: String, limit: Int) -> String {
        let quoted = columns.map(dialect.quote).joined(separator: ", ")
        return "SELECT \(quoted), copies, COUNT(*) OVER () AS duplicated, SUM(copies) OVER () AS covered FROM "
            + "(SELECT \(quoted), COUNT(*) AS copies FROM \(source) GROUP BY \(key) HAVING COUNT(*) > 1) d "
            + "ORDER BY copies DESC LIMIT \(limit)"
    }
}
