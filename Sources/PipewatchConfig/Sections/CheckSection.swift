import PipewatchCore

/// Reads a pipeline's `checks:`, a mapping from check id to one check kind and its parameters,
/// with when it runs (`every`, `cron` or `after: run`), its `timeout` and its `source`.
enum CheckSection {
    static let keys = ["source", "description", "every", "cron", "after", "timeout"]

    static func checks(_ value: YAMLValue, context: ReadingContext) -> [Check] {
        guard let entries = MappingReader(value, allowed: nil, idKind: "check", log: context.log) else { return [] }
        return entries.entries.compactMap { check(id: $0.key, $0.value, context: context) }
    }

    private static func check(id: String, _ value: YAMLValue, context: ReadingContext) -> Check? {
        let log = context.log
        guard let fields = MappingReader(value, allowed: CheckKind.names + keys, log: log) else {
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
        let sourceValue = fields["source"]
        let source = sourceValue.flatMap { context.source($0) }
        let description = fields["description"]?.string(log)
        let schedule = Self.schedule(fields, log: log)
        let timeout = fields["timeout"].map { $0.positiveDuration(log) } ?? Check.defaultTimeout
        guard let kind = kind(name, parameters, log: log), boundsHold(kind, in: parameters, log: log),
            let schedule, let timeout, sourceValue == nil || source != nil
        else {
            return nil
        }
        return Check(
            id: CheckID(id),
            kind: kind,
            source: source,
            description: description,
            schedule: schedule,
            timeout: timeout
        )
    }

    /// `every: 15m`, `cron: "0 6 * * *"` or `after: run`, at most one; every 15 minutes when none.
    private static func schedule(_ fields: MappingReader, log: DiagnosticLog) -> CheckSchedule? {
        let given = ["every", "cron", "after"].compactMap { key in fields[key].map { (key, $0) } }
        guard given.count <= 1 else {
            given[1].1.error(
                "give one of 'every', 'cron' and 'after', not several",
                hint: "a check runs on one schedule",
                in: log
            )
            return nil
        }
        guard let (key, value) = given.first else { return .standard }
        switch key {
        case "every":
            return value.positiveDuration(log).map { .every($0) }
        case "cron":
            guard let text = value.string(log) else { return nil }
            do {
                return .cron(try CronSchedule(parsing: text))
            } catch {
                value.error(
                    "cron schedule '\(text)': \(error.description)",
                    hint:
                        "five fields, minute hour day-of-month month weekday, read in the pipeline's time zone: '0 6 * * *'",
                    in: log
                )
                return nil
            }
        default:
            guard value.string(log) == "run" else {
                value.error(
                    "expected 'run'",
                    hint: "'after: run' runs the check when a run of the pipeline completes",
                    in: log
                )
                return nil
            }
            return .afterRun
        }
    }

    private static let parameterKeys: [String: [String]] = [
        "freshness": ["table", "column", "max_age", "warn_after"],
        "volume": ["table", "min_rows", "max_rows", "column", "window"],
        "schema": ["table", "columns"],
        "completeness": ["table", "column", "bucket", "lookback"],
        "range": ["table", "column", "min", "max"],
        "missing": ["table", "column", "max_count", "max_percent", "warn_count", "warn_percent"],
        "duplicates": ["table", "columns", "max_count"],
        "accepted_values": ["table", "column", "values"],
        "anomaly": ["query", "sigma", "lookback", "warn_sigma"],
        "reconcile": ["left", "right", "tolerance", "max_difference", "warn_tolerance"],
        "sql": ["query"],
        "storage": ["table", "database", "path", "min_free", "max_size", "min_days_until_full"],
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
            return .freshness(table: table, column: column, maxAge: maxAge, warnAfter: p["warn_after"]?.duration(log))
        case "volume":
            let table = text("table")
            let minRows = p["min_rows"]?.integer(log)
            let maxRows = p["max_rows"]?.integer(log)
            guard let table else { return nil }
            if minRows == nil, maxRows == nil {
                if p["min_rows"] == nil, p["max_rows"] == nil {
                    value.error("missing key 'min_rows' or 'max_rows'", hint: "a volume check needs a bound", in: log)
                }
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
                // A bound that is there but unreadable has its own error already.
                if p["min"] == nil, p["max"] == nil {
                    value.error("missing key 'min' or 'max'", hint: "a range check needs a bound", in: log)
                }
                return nil
            }
            return .range(table: table, column: column, min: min, max: max)
        case "missing":
            let (table, column) = (text("table"), text("column"))
            guard let table, let column else { return nil }
            let limit = rowLimit(p, count: "max_count", percent: "max_percent", log: log) ?? .count(0)
            let warn = rowLimit(p, count: "warn_count", percent: "warn_percent", log: log)
            return .missing(table: table, column: column, limit: limit, warn: warn)
        case "duplicates":
            let table = text("table")
            let columns = p.required("columns", log: log, hint: "the columns that together must be unique")
                .map { $0.strings(log).map(\.0) }
            guard let table, let columns else { return nil }
            guard !columns.isEmpty else {
                p["columns"]?.error("name at least one column", in: log)
                return nil
            }
            return .duplicates(table: table, columns: columns, maxCount: p["max_count"]?.integer(log) ?? 0)
        case "accepted_values":
            let (table, column) = (text("table"), text("column"))
            let values = p.required("values", log: log, hint: "the list of values allowed").map {
                $0.strings(log).map(\.0)
            }
            guard let table, let column, let values else { return nil }
            return .acceptedValues(table: table, column: column, values: values)
        case "anomaly":
            guard let query = text("query") else { return nil }
            return .anomaly(
                query: query,
                sigma: p["sigma"]?.number(log) ?? 3,
                lookback: p["lookback"]?.integer(log) ?? 30,
                warnSigma: p["warn_sigma"]?.number(log)
            )
        case "reconcile":
            let (left, right) = (text("left"), text("right"))
            guard let left, let right else { return nil }
            if p["tolerance"] != nil, p["max_difference"] != nil {
                value.error(
                    "give 'tolerance' or 'max_difference', not both",
                    hint: "one is relative, the other absolute",
                    in: log
                )
                return nil
            }
            let tolerance: Tolerance =
                p["max_difference"]?.number(log).map { .absolute($0) }
                ?? .relative(p["tolerance"].flatMap { percentage($0, log: log) } ?? 0)
            let warn = p["warn_tolerance"].flatMap { percentage($0, log: log) }.map { Tolerance.relative($0) }
            return .reconcile(left: left, right: right, tolerance: tolerance, warn: warn)
        case "sql":
            return text("query").map { .sql(query: $0) }
        default:
            let size = { (key: String) in
                p[key]?.parse(log, expected: "a size such as '10 GB', at most 1 EB", ByteCount.parse)
            }
            let check = CheckKind.storage(
                table: p["table"]?.string(log),
                path: p["path"]?.string(log),
                minFreeBytes: size("min_free"),
                maxBytes: size("max_size"),
                minDaysUntilFull: p["min_days_until_full"]?.integer(log)
            )
            let wholeDatabase = p["database"]?.bool(log) ?? false
            if case .storage(nil, nil, _, _, _) = check, !wholeDatabase {
                value.error(
                    "missing key 'table', 'database' or 'path'",
                    hint: "say which storage to watch: a table's size, 'database: true' for the whole source, "
                        + "or the free space under a path",
                    in: log
                )
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
        case .freshness(_, _, let maxAge, let warnAfter):
            require(maxAge > .zero, "max_age", "must be longer than zero")
            require(warnAfter.map { $0 < maxAge } ?? true, "warn_after", "must be shorter than max_age")
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
        case .anomaly(_, let sigma, let lookback, let warnSigma):
            require(sigma > 0, "sigma", "must be above zero")
            require((warnSigma ?? 0) < sigma, "warn_sigma", "must be below sigma")
            require(lookback >= 2, "lookback", "needs at least 2 values to have a spread")
        case .reconcile(_, _, let tolerance, _):
            if case .relative(let fraction) = tolerance {
                require((0...1).contains(fraction), "tolerance", "must be between 0% and 100%")
            } else if case .absolute(let amount) = tolerance {
                require(amount >= 0, "max_difference", "cannot be negative")
            }
        case .missing(_, _, let limit, _):
            if case .fraction(let fraction) = limit {
                require((0...1).contains(fraction), "max_percent", "must be between 0% and 100%")
            }
        case .duplicates(_, _, let maxCount):
            require(maxCount >= 0, "max_count", "cannot be negative")
        case .acceptedValues(_, _, let values):
            require(!values.isEmpty, "values", "lists no value")
        case .storage(_, _, _, _, let days):
            require((days ?? 1) > 0, "min_days_until_full", "must be at least 1")
        case .schema, .sql:
            break
        }
        return holds
    }

    /// `max_count: 10` or `max_percent: 5%` (at most one); `nil` when neither is given.
    private static func rowLimit(_ p: MappingReader, count: String, percent: String, log: DiagnosticLog) -> RowLimit? {
        if let value = p[count], p[percent] != nil {
            value.error("give '\(count)' or '\(percent)', not both", in: log)
            return nil
        }
        if let value = p[count] { return value.integer(log).map { .count($0) } }
        return p[percent].flatMap { percentage($0, log: log) }.map { .fraction($0) }
    }

    /// `0.5%` or a fraction such as `0.005`.
    private static func percentage(_ value: YAMLValue, log: DiagnosticLog) -> Double? {
        value.parse(log, expected: "a tolerance such as '0.5%' or 0.005") { text in
            text.hasSuffix("%") ? Double(text.dropLast()).map { $0 / 100 } : Double(text)
        }
    }
}
