/// What a data check measures, with its parameters.
public enum CheckKind: Sendable, Equatable {
    /// The newest `column` value in `table` is at most `maxAge` old.
    case freshness(table: String, column: String, maxAge: Duration)
    /// The row count of `table` (optionally over the last `window` of `column`) lies within bounds.
    case volume(table: String, minRows: Int?, maxRows: Int?, column: String?, window: Duration?)
    /// `table` has exactly these columns with these types.
    case schema(table: String, columns: [SchemaColumn])
    /// No time bucket of `bucket` size over the last `lookback` is empty in `column` of `table`.
    case completeness(table: String, column: String, bucket: Duration, lookback: Duration)
    /// Every value of `column` in `table` lies within `min`…`max`.
    case range(table: String, column: String, min: Double?, max: Double?)
    /// The latest value of `query` stays within `sigma` standard deviations of its last `lookback` values.
    case anomaly(query: String, sigma: Double, lookback: Int)
    /// Two queries that must agree within a relative `tolerance` (daily numbers against the aggregate).
    case reconcile(left: String, right: String, tolerance: Double)
    /// A query that must return no rows.
    case sql(query: String)
    /// Free space and growth of the storage behind `table` or `path`.
    case storage(table: String?, path: String?, minFreeBytes: Int64?, maxBytes: Int64?, minDaysUntilFull: Int?)

    /// The config key that introduces this kind.
    public var name: String {
        switch self {
        case .freshness: "freshness"
        case .volume: "volume"
        case .schema: "schema"
        case .completeness: "completeness"
        case .range: "range"
        case .anomaly: "anomaly"
        case .reconcile: "reconcile"
        case .sql: "sql"
        case .storage: "storage"
        }
    }

    /// Every kind's config key.
    public static let names = [
        "freshness", "volume", "schema", "completeness", "range", "anomaly", "reconcile", "sql", "storage",
    ]

    /// One line saying what the check verifies, for run books and reports.
    public var summary: String {
        switch self {
        case .freshness(let table, let column, let maxAge):
            return "\(table).\(column) updated within \(DurationText.format(maxAge))"
        case .volume(let table, let minRows, let maxRows, _, let window):
            let bounds = [minRows.map { "at least \($0)" }, maxRows.map { "at most \($0)" }].compactMap { $0 }
            let scope = window.map { " in the last \(DurationText.format($0))" } ?? ""
            return "\(table) has \(bounds.joined(separator: " and ")) rows\(scope)"
        case .schema(let table, let columns):
            return "\(table) has columns \(columns.map { "\($0.name) \($0.type)" }.joined(separator: ", "))"
        case .completeness(let table, let column, let bucket, let lookback):
            return
                "no empty \(DurationText.format(bucket)) bucket of \(table).\(column) in the last \(DurationText.format(lookback))"
        case .range(let table, let column, let min, let max):
            let bounds = [min.map { ">= \($0.formattedPlain)" }, max.map { "<= \($0.formattedPlain)" }].compactMap {
                $0
            }
            return "\(table).\(column) \(bounds.joined(separator: " and "))"
        case .anomaly(_, let sigma, let lookback):
            return "latest value within \(sigma.formattedPlain)σ of the last \(lookback)"
        case .reconcile(_, _, let tolerance):
            return "two queries agree within \((tolerance * 100).formattedPlain)%"
        case .sql:
            return "query returns no rows"
        case .storage(let table, let path, let minFree, let maxBytes, let days):
            let target = table ?? path ?? "storage"
            let limits = [
                minFree.map { "at least \(ByteCount.format($0)) free" },
                maxBytes.map { "at most \(ByteCount.format($0))" },
                days.map { "not full within \($0) days" },
            ].compactMap { $0 }
            return "\(target): \(limits.joined(separator: ", "))"
        }
    }
}

/// A column a schema check expects.
public struct SchemaColumn: Sendable, Hashable {
    public var name: String
    public var type: String

    /// Creates a column expectation.
    public init(name: String, type: String) {
        self.name = name
        self.type = type
    }
}

extension Double {
    /// `6` for 6.0 and `0.5` for 0.5: numbers as people write them.
    var formattedPlain: String {
        self == rounded() && abs(self) < 1e15 ? String(Int64(self)) : String(self)
    }
}
