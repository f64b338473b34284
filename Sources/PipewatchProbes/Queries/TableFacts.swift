import PipewatchCore

/// What the PostgreSQL catalog says of a table a run's checks read, asked for every table at once
/// when the run starts: the planner's estimate of its rows (the work starts longest first), its
/// columns (integer ones get whole-number bounds; a duplicates key's estimates choose its queries)
/// and its unique indexes (which answer a duplicates check without reading the table). One pair
/// of queries instead of one catalog query per duplicates key, each of which PostgreSQL took a few
/// milliseconds to plan through the `pg_stats` view.
struct TableFacts {
    /// The planner's estimate of its rows; nil when never analysed.
    var rows: Double?
    /// Its columns, by name.
    var columns: [String: DuplicatesQuery.Column] = [:]
    /// The columns of each unique index that is valid, not partial and without expressions.
    var uniqueIndexes: [[String]] = []
    /// The query that read the unique indexes: what answered a duplicates check they rule out.
    var indexesSQL = ""

    /// The integer columns.
    var integral: Set<String> {
        Set(columns.values.filter { ["smallint", "integer", "bigint"].contains($0.type ?? "") }.map(\.name))
    }

    /// The query for the tables' rows and columns: a row per column with its type, whether it has
    /// a collation, and the planner's estimate of its distinct values and whether its sample held
    /// no value twice (see ``DuplicatesQuery``).
    static func columnsSQL(_ names: [String], _ dialect: SQLDialect) -> String {
        "SELECT t.name, c.reltuples, a.attname, format_type(a.atttypid, a.atttypmod), a.attcollation <> 0, "
            + "CASE WHEN s.n_distinct < 0 THEN -s.n_distinct * GREATEST(c.reltuples, 0) ELSE s.n_distinct END, "
            + "s.n_distinct < 0 AND abs(s.n_distinct + 1 - s.null_frac) < 1e-6 "
            + "FROM (VALUES \(values(names, dialect))) AS t(name) "
            + "LEFT JOIN pg_class c ON c.oid = to_regclass(t.name) "
            + "LEFT JOIN pg_namespace n ON n.oid = c.relnamespace "
            + "LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped "
            + "LEFT JOIN pg_stats s ON s.schemaname = n.nspname AND s.tablename = c.relname "
            + "AND s.attname = a.attname ORDER BY s.inherited"
    }

    /// The query for the tables' unique indexes: a row per index and column.
    static func indexesSQL(_ names: [String], _ dialect: SQLDialect) -> String {
        "SELECT t.name, i.indexrelid, a.attname FROM (VALUES \(values(names, dialect))) AS t(name) "
            + "JOIN pg_index i ON i.indrelid = to_regclass(t.name) AND i.indisunique AND i.indisvalid "
            + "AND i.indpred IS NULL AND i.indexprs IS NULL "
            + "JOIN LATERAL unnest(i.indkey::int2[]) AS k(attnum) ON true "
            + "JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum"
    }

    private static func values(_ names: [String], _ dialect: SQLDialect) -> String {
        names.map { "(\(dialect.literal($0)))" }.joined(separator: ", ")
    }

    /// The facts of each table from the two queries' answers; `names` maps a quoted name back.
    static func read(
        columns: QueryRows,
        indexes: QueryRows,
        indexesSQL: String,
        names: [String: TableName]
    ) -> [TableName: TableFacts] {
        var facts: [TableName: TableFacts] = [:]
        for row in columns.rows where row.count == 7 {
            guard let name = row[0], let table = names[name] else { continue }
            var fact = facts[table] ?? TableFacts(indexesSQL: indexesSQL)
            if let estimate = row[1].flatMap(Double.init), estimate > 0 { fact.rows = estimate }
            if let column = row[2], fact.columns[column] == nil {
                fact.columns[column] = DuplicatesQuery.Column(
                    name: column,
                    distinct: row[5].flatMap(Double.init),
                    sampledUnique: row[6] == "true",
                    collated: row[4] == "true",
                    type: row[3]
                )
            }
            facts[table] = fact
        }
        var byIndex: [String: (table: TableName, columns: [String])] = [:]
        for row in indexes.rows where row.count == 3 {
            guard let name = row[0], let table = names[name], let index = row[1], let column = row[2] else { continue }
            byIndex[index, default: (table, [])].columns.append(column)
        }
        for (table, columns) in byIndex.values {
            facts[table, default: TableFacts(indexesSQL: indexesSQL)].uniqueIndexes.append(columns)
        }
        return facts
    }
}
