/// What a data check measures, with its parameters.
///
/// Where a kind has a warn level, crossing it gives `warn` and crossing the main threshold `fail`.
public enum CheckKind: Sendable, Equatable {
    /// The newest `column` value in `table` is at most `maxAge` old (`warn` past `warnAfter`).
    case freshness(table: String, column: String, maxAge: Duration, warnAfter: Duration?)
    /// The row count of `table` (optionally over the last `window` of `column`) lies within bounds.
    case volume(table: String, minRows: Int?, maxRows: Int?, column: String?, window: Duration?)
    /// `table` has exactly these columns with these types, and has not drifted since last seen.
    case schema(table: String, columns: [SchemaColumn])
    /// No time bucket of `bucket` size over the last `lookback` is empty in `column` of `table`.
    case completeness(table: String, column: String, bucket: Duration, lookback: Duration)
    /// Every value of `column` in `table` lies within `min`…`max`.
    case range(table: String, column: String, min: Double?, max: Double?)
    /// At most `limit` of `column`'s values are null (`warn` past `warn`).
    case missing(table: String, column: String, limit: RowLimit, warn: RowLimit?)
    /// At most `maxCount` rows share their values of `columns` with another row.
    case duplicates(table: String, columns: [String], maxCount: Int)
    /// Every non-null value of `column` is one of `values`.
    case acceptedValues(table: String, column: String, values: [String])
    /// The value of `query` stays within `sigma` robust deviations of its last `lookback` values
    /// (`warn` past `warnSigma`).
    case anomaly(query: String, sigma: Double, lookback: Int, warnSigma: Double?)
    /// Two queries that must agree (daily numbers against the aggregate).
    case reconcile(left: String, right: String, tolerance: Tolerance, warn: Tolerance?)
    /// A query whose rows are failures: it must return none.
    case sql(query: String)
    /// The size of `table` (of the whole database when neither `table` nor `path` is given) and
    /// the free space of the file system under `path`.
    case storage(table: String?, path: String?, minFreeBytes: Int64?, maxBytes: Int64?, minDaysUntilFull: Int?)

    /// The config key that introduces this kind.
    public var name: String {
        switch self {
        case .freshness: "freshness"
        case .volume: "volume"
        case .schema: "schema"
        case .completeness: "completeness"
        case .range: "range"
        case .missing: "missing"
        case .duplicates: "duplicates"
        case .acceptedValues: "accepted_values"
        case .anomaly: "anomaly"
        case .reconcile: "reconcile"
        case .sql: "sql"
        case .storage: "storage"
        }
    }

    /// Every kind's config key.
    public static let names = [
        "freshness", "volume", "schema", "completeness", "range", "missing", "duplicates", "accepted_values",
        "anomaly", "reconcile", "sql", "storage",
    ]

    /// The table the check reads, when it names one (SQL the team wrote names its own).
    public var table: String? {
        switch self {
        case .freshness(let table, _, _, _), .volume(let table, _, _, _, _), .schema(let table, _),
            .completeness(let table, _, _, _), .range(let table, _, _, _), .missing(let table, _, _, _),
            .duplicates(let table, _, _), .acceptedValues(let table, _, _):
            table
        case .storage(let table, _, _, _, _): table
        case .anomaly, .reconcile, .sql: nil
        }
    }

    /// Whether the check queries a data source; a storage check of a path alone reads the file system.
    public var needsSource: Bool {
        if case .storage(nil, .some, _, _, _) = self { return false }
        return true
    }

    /// Whether judging the check reads what earlier runs left: an anomaly's values, a storage
    /// check's sizes, a schema check's last columns. The others are judged on this run alone.
    public var readsHistory: Bool {
        switch self {
        case .anomaly, .storage, .schema: true
        default: false
        }
    }

    /// One line saying what the check verifies, for run books and reports.
    public var summary: String {
        switch self {
        case .freshness(let table, let column, let maxAge, _):
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
        case .missing(let table, let column, let limit, _):
            return "\(table).\(column) has at most \(limit) nulls"
        case .duplicates(let table, let columns, let maxCount):
            return "\(table) has at most \(maxCount) duplicate rows over \(columns.joined(separator: ", "))"
        case .acceptedValues(let table, let column, let values):
            return "\(table).\(column) is one of \(values.joined(separator: ", "))"
        case .anomaly(_, let sigma, let lookback, _):
            return "value within \(sigma.formattedPlain)σ of the last \(lookback)"
        case .reconcile(_, _, let tolerance, _):
            return "two queries agree within \(tolerance)"
        case .sql:
            return "query returns no rows"
        case .storage(let table, let path, let minFree, let maxBytes, let days):
            let target = table ?? path ?? "the database"
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
public struct SchemaColumn: Sendable, Hashable, Codable {
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
