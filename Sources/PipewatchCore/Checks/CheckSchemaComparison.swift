/// A table's columns against the ones a schema check expects, and against those seen at the
/// last run (drift: added, removed, retyped).
struct CheckSchemaComparison {
    let table: String
    let expected: [SchemaColumn]
    let found: [SchemaColumn]
    let last: [SchemaColumn]?

    var verdict: CheckVerdict {
        let threshold = "\(expected.count) columns as declared"
        guard !found.isEmpty else {
            return CheckVerdict(
                .error,
                threshold: threshold,
                message: "table \(table) does not exist or has no columns"
            )
        }
        let actual = Dictionary(found.map { ($0.name.lowercased(), $0.type) }) { first, _ in first }
        var problems: [String] = []
        for column in expected {
            guard let type = actual[column.name.lowercased()] else {
                problems.append("missing \(column.name) \(column.type)")
                continue
            }
            if !Self.sameType(declared: column.type, found: type) {
                problems.append("\(column.name) is \(type), expected \(column.type)")
            }
        }
        let declared = Set(expected.map { $0.name.lowercased() })
        problems += found.filter { !declared.contains($0.name.lowercased()) }.map { "unexpected \($0.name) \($0.type)" }
        let drift = last.map { Self.drift(from: $0, to: found) } ?? []
        let observations = ["columns": Double(found.count)]
        if !problems.isEmpty {
            return CheckVerdict(
                .fail,
                value: Double(problems.count),
                threshold: threshold,
                message: "\(table) differs from the declared schema: \(problems.joined(separator: "; "))",
                examples: drift.map { "since last run: \($0)" },
                observations: observations
            )
        }
        if !drift.isEmpty {
            return CheckVerdict(
                .warn,
                value: Double(drift.count),
                threshold: threshold,
                message:
                    "\(table) matches the declared schema but changed since the last run: \(drift.joined(separator: "; "))",
                observations: observations
            )
        }
        return CheckVerdict(
            .pass,
            value: 0,
            threshold: threshold,
            message: "\(table) has the \(expected.count) declared columns",
            observations: observations
        )
    }

    /// Added, removed and retyped columns between two readings.
    static func drift(from old: [SchemaColumn], to new: [SchemaColumn]) -> [String] {
        let before = Dictionary(old.map { ($0.name, $0.type) }) { first, _ in first }
        let after = Dictionary(new.map { ($0.name, $0.type) }) { first, _ in first }
        var changes: [String] = []
        for column in new {
            if let type = before[column.name] {
                if type != column.type { changes.append("\(column.name) retyped \(type) → \(column.type)") }
            } else {
                changes.append("\(column.name) \(column.type) added")
            }
        }
        changes += old.filter { after[$0.name] == nil }.map { "\($0.name) \($0.type) removed" }
        return changes
    }

    /// Whether a type as the catalog writes it is the one declared: case, PostgreSQL's long
    /// names and internal aliases aside, and the precision only when the declaration gives one.
    static func sameType(declared: String, found: String) -> Bool {
        let wanted = normalized(declared)
        var actual = normalized(found)
        if !wanted.contains("("), let parenthesis = actual.firstIndex(of: "(") {
            actual = String(actual[..<parenthesis])
        }
        return wanted == actual
    }

    private static let aliases = [
        "int8": "bigint", "int4": "integer", "int": "integer", "int2": "smallint", "float8": "double precision",
        "float4": "real", "bool": "boolean", "varchar": "character varying", "char": "character",
        "timestamp without time zone": "timestamp", "timestamp with time zone": "timestamptz",
        "time without time zone": "time", "decimal": "numeric",
    ]

    private static func normalized(_ type: String) -> String {
        let lowered = type.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let base = lowered.firstIndex(of: "(").map { String(lowered[..<$0]).trimmingSpaces } ?? lowered
        let suffix = lowered.firstIndex(of: "(").map { String(lowered[$0...]).replacingSpaces } ?? ""
        return (aliases[base] ?? base) + suffix
    }
}

extension String {
    fileprivate var trimmingSpaces: String { String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed()) }
    fileprivate var replacingSpaces: String { filter { $0 != " " } }
}
