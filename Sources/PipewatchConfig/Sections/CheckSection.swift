import PipewatchCore

/// Reads a pipeline's `checks:`, a mapping from check id to one check kind and its parameters.
enum CheckSection {
    static func checks(_ value: YAMLValue, log: DiagnosticLog) -> [Check] {
        guard let entries = MappingReader(value, allowed: nil, log: log) else { return [] }
        return entries.entries.compactMap { check(id: $0.key, $0.value, log: log) }
    }

    private static func check(id: String, _ value: YAMLValue, log: DiagnosticLog) -> Check? {
        guard let fields = MappingReader(value, allowed: CheckKind.names + ["source", "description"], log: log) else {
            return nil
        }
        let kinds = fields.entries.filter { CheckKind.names.contains($0.key) }
        guard kinds.count == 1, let (name, _, parameters) = kinds.first else {
            value.error(
                kinds.isEmpty ? "check '\(id)' names no kind" : "check '\(id)' names \(kinds.count) kinds",
                hint: "give exactly one of \(CheckKind.names.joined(separator: ", "))",
                in: log
            )
            return nil
        }
        let source = fields["source"]?.string(log)
        let description = fields["description"]?.string(log)
        guard let kind = kind(name, parameters, log: log), boundsHold(kind, in: parameters, log: log) else {
            return nil
        }
        return Check(id: CheckID(id), kind: kind, source: source, description: description)
    }

    private static let parameterKeys: [String: [String]] = [
        "freshness": ["table", "column", "max_age"],
        "volume": ["table", "min_rows", "max_rows", "column", "window"],
        "schema": ["table", "columns"],
        "completeness": ["table", "column", "bucket", "lookback"],
        "range": ["table", "column", "min", "max"],
        "anomaly": ["query", "sigma", "lookback"],
        "reconcile": ["left", "right", "tolerance"],
        "sql": ["query"],
        "storage": ["table", "path", "min_free", "max_size", "min_days_until_full"],
    ]

    private static func kind(_ name: String, _ value: YAMLValue, log: DiagnosticLog) -> CheckKind? {
        guard let p = MappingReader(value, allowed: parameterKeys[name], log: log) else { return nil }
        func text(_ key: String) -> String? { p.required(key, log: log)?.string(log) }
        switch name {
        case "freshness":
            let (table, column, maxAge) = (
                text("table"), text("column"), p.required("max_age", log: log)?.duration(log)
            )
            guard let table, let column, let maxAge else { return nil }
            return .freshness(table: table, column: column, maxAge: maxAge)
        case "volume":
            let table = text("table")
            let minRows = p["min_rows"]?.integer(log)
            let maxRows = p["max_rows"]?.integer(log)
            guard let table else { return nil }
            if minRows == nil, maxRows == nil {
                value.error("missing key 'min_rows' or 'max_rows'", hint: "a volume check needs a bound", in: log)
                return nil
            }
            return .volume(
                table: table,
                minRows: minRows,
                maxRows: maxRows,
                column: p["column"]?.string(log),
                window: p["window"]?.duration(log)
            )
        case "schema":
            let table = text("table")
            let reader = p.required("columns", log: log).flatMap { MappingReader($0, allowed: nil, log: log) }
            guard let table, let reader else { return nil }
            let expected = reader.entries.compactMap { entry in
                entry.value.string(log).map { SchemaColumn(name: entry.key, type: $0) }
            }
            return .schema(table: table, columns: expected)
        case "completeness":
            let (table, column) = (text("table"), text("column"))
            let bucket = p.required("bucket", log: log)?.duration(log)
            let lookback = p.required("lookback", log: log)?.duration(log)
            guard let table, let column, let bucket, let lookback else { return nil }
            return .completeness(table: table, column: column, bucket: bucket, lookback: lookback)
        case "range":
            let (table, column) = (text("table"), text("column"))
            let min = p["min"]?.number(log)
            let max = p["max"]?.number(log)
            guard let table, let column else { return nil }
            if min == nil, max == nil {
                value.error("missing key 'min' or 'max'", hint: "a range check needs a bound", in: log)
                return nil
            }
            return .range(table: table, column: column, min: min, max: max)
        case "anomaly":
            guard let query = text("query") else { return nil }
            return .anomaly(
                query: query,
                sigma: p["sigma"]?.number(log) ?? 3,
                lookback: p["lookback"]?.integer(log) ?? 30
            )
        case "reconcile":
            let (left, right) = (text("left"), text("right"))
            let tolerance = p["tolerance"].flatMap { percentage($0, log: log) } ?? 0
            guard let left, let right else { return nil }
            return .reconcile(left: left, right: right, tolerance: tolerance)
        case "sql":
            return text("query").map { .sql(query: $0) }
        default:
            let size = { (key: String) in p[key]?.parse(log, expected: "a size such as '10 GB'", ByteCount.parse) }
            let check = CheckKind.storage(
                table: p["table"]?.string(log),
                path: p["path"]?.string(log),
                minFreeBytes: size("min_free"),
                maxBytes: size("max_size"),
                minDaysUntilFull: p["min_days_until_full"]?.integer(log)
            )
            if case .storage(nil, nil, _, _, _) = check {
                value.error("missing key 'table' or 'path'", hint: "say which storage to watch", in: log)
                return nil
            }
            return check
        }
    }

    /// Reports parameters that parse but make no sense (a negative row count, an upper bound below
    /// the lower one, a tolerance over 100%); `false` when there is any.
    private static func boundsHold(_ kind: CheckKind, in value: YAMLValue, log: DiagnosticLog) -> Bool {
        guard let p = MappingReader(value, allowed: nil, log: DiagnosticLog()) else { return true }
        var holds = true
        func require(_ condition: Bool, _ key: String, _ message: String) {
            guard !condition else { return }
            (p[key] ?? value).error(message, in: log)
            holds = false
        }
        switch kind {
        case .freshness(_, _, let maxAge):
            require(maxAge > .zero, "max_age", "must be longer than zero")
        case .volume(_, let minRows, let maxRows, _, let window):
            require((minRows ?? 0) >= 0, "min_rows", "cannot be negative")
            require((maxRows ?? 0) >= 0, "max_rows", "cannot be negative")
            require(
                (minRows ?? 0) <= (maxRows ?? .max),
                "max_rows",
                "\(maxRows ?? 0) is below min_rows (\(minRows ?? 0))"
            )
            require((window ?? .seconds(1)) > .zero, "window", "must be longer than zero")
        case .completeness(_, _, let bucket, let lookback):
            require(bucket > .zero, "bucket", "must be longer than zero")
            require(bucket <= lookback, "bucket", "is longer than lookback, so no whole bucket fits in it")
        case .range(_, _, let min, let max):
            require((min ?? -.infinity) <= (max ?? .infinity), "max", "is below min")
        case .anomaly(_, let sigma, let lookback):
            require(sigma > 0, "sigma", "must be above zero")
            require(lookback >= 2, "lookback", "needs at least 2 values to have a spread")
        case .reconcile(_, _, let tolerance):
            require((0...1).contains(tolerance), "tolerance", "must be between 0% and 100%")
        case .storage(_, _, _, _, let days):
            require((days ?? 1) > 0, "min_days_until_full", "must be at least 1")
        case .schema, .sql:
            break
        }
        return holds
    }

    /// `0.5%` or a fraction such as `0.005`.
    private static func percentage(_ value: YAMLValue, log: DiagnosticLog) -> Double? {
        value.parse(log, expected: "a tolerance such as '0.5%' or 0.005") { text in
            text.hasSuffix("%") ? Double(text.dropLast()).map { $0 / 100 } : Double(text)
        }
    }
}
