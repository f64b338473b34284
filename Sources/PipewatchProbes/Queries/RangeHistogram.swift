import PipewatchCore

/// Many range checks on one PostgreSQL column answered by one grouping instead of a `CASE` per
/// check and row: `width_bucket` places each value among the sorted lower bounds and, negated,
/// among the sorted upper bounds, and the counts per pair of places give every check's rows
/// below its `min` and above its `max`. The comparison stays in the column's own type, as the
/// checks' own `<` and `>` would.
struct RangeHistogram {
    let table: TableName
    let column: String
    /// The distinct lower bounds, ascending.
    private let lows: [Double]
    /// The distinct upper bounds negated, ascending.
    private let highs: [Double]

    /// How many range checks on one column make the grouping cheaper than their `CASE`s.
    static let minimumChecks = 12

    init(table: TableName, column: String, bounds: [(min: Double?, max: Double?)]) {
        self.table = table
        self.column = column
        lows = Array(Set(bounds.compactMap(\.min))).sorted()
        highs = Array(Set(bounds.compactMap(\.max).map { -$0 })).sorted()
    }

    func sql(_ dialect: SQLDialect) -> String {
        let quoted = dialect.quote(column)
        func buckets(_ operand: String, _ thresholds: [Double]) -> String {
            thresholds.isEmpty
                ? "0" : "width_bucket(\(operand), ARRAY[\(thresholds.map(dialect.number).joined(separator: ", "))])"
        }
        return "SELECT \(buckets(quoted, lows)), \(buckets("-\(quoted)", highs)), COUNT(*) "
            + "FROM \(dialect.table(table)) WHERE \(quoted) IS NOT NULL GROUP BY 1, 2"
    }

    /// The rows outside `min`…`max`, and the rows with a value, from the grouping's answer.
    func violations(min: Double?, max: Double?, in answer: QueryRows) -> (count: Int, of: Int) {
        // width_bucket gives 0 below the first threshold and i from the i-th one on, so a value
        // is below the threshold at 1-based position p exactly when its bucket is below p.
        let low = min.flatMap { lows.firstIndex(of: $0) }.map { $0 + 1 }
        let high = max.flatMap { highs.firstIndex(of: -$0) }.map { $0 + 1 }
        var count = 0
        var total = 0
        for row in answer.rows {
            guard row.count == 3, let below = row[0].flatMap({ Int($0) }), let above = row[1].flatMap({ Int($0) }),
                let rows = row[2].flatMap({ Int($0) })
            else { continue }
            total += rows
            if let low, below < low { count += rows } else if let high, above < high { count += rows }
        }
        return (count, total)
    }
}
