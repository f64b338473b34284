import Foundation
import PipewatchCore

/// The rows that fail a check, up to five, shown with its result.
extension CheckProbe {
    /// Failing rows shared by several checks on one table, read at once.
    struct SharedExamples {
        let sql: String
        let examples: [CheckID: [String]]
    }

    /// How many failing rows a check may have for its examples to be read with the others':
    /// with so few, `LIMIT 5` reads about the whole table anyway.
    static let fewFailures = 10

    /// The examples of the checks that found a few failing rows (at most ``fewFailures``), from
    /// one reading of the table instead of one each; `nil` when fewer than two such checks need
    /// examples, or when the query fails (each check then reads its own).
    func fewExamples(_ found: [(check: Check, count: Int)], in table: TableName) async -> SharedExamples? {
        let few = found.filter { entry in
            switch entry.check.kind {
            case .range, .missing: (1...Self.fewFailures).contains(entry.count)
            default: false
            }
        }
        guard few.count >= 2 else { return nil }
        let columns = integral(table)
        let conditions = few.compactMap { TableScan.violation($0.check.kind, dialect, integral: columns) }
        let markers = conditions.enumerated().map { index, condition in
            "CASE WHEN \(condition) THEN 1 ELSE 0 END AS \(dialect.quote("pipewatch_example_\(index)"))"
        }
        let limit = few.map(\.count).reduce(0, +)
        let sql =
            "SELECT *, \(markers.joined(separator: ", ")) FROM \(dialect.table(table)) "
            + "WHERE \(TableScan.anyViolation(few.map(\.check.kind), dialect, integral: columns)) LIMIT \(limit)"
        let timeout = few.map(\.check.timeout).max() ?? Check.defaultTimeout
        guard let connection, let answer = try? await connection.rows(sql, timeout: timeout) else { return nil }
        let width = answer.columns.count - few.count
        guard width >= 0 else { return nil }
        let rows = QueryRows(columns: Array(answer.columns.prefix(width)), rows: [])
        var examples: [CheckID: [String]] = [:]
        for row in answer.rows {
            for (index, entry) in few.enumerated() where row[width + index] == "1" {
                if examples[entry.check.id, default: []].count < 5 {
                    examples[entry.check.id, default: []].append(rows.describe(Array(row.prefix(width))))
                }
            }
        }
        for entry in few where examples[entry.check.id] == nil { examples[entry.check.id] = [] }
        return SharedExamples(sql: sql, examples: examples)
    }

    /// Up to five rows that fail `check`.
    func examples(of check: Check, recorder: inout Recorder) async throws(ProbeError) -> [String] {
        guard let table = check.kind.table.map(TableName.init) else { return [] }
        let sql: String
        switch check.kind {
        case .acceptedValues(_, let column, _):
            let condition = TableScan.violation(check.kind, dialect, integral: integral(table)) ?? "1 = 0"
            sql =
                "SELECT \(dialect.quote(column)), COUNT(*) AS rows FROM \(dialect.table(table)) WHERE \(condition) "
                + "GROUP BY \(dialect.quote(column)) ORDER BY COUNT(*) DESC LIMIT 5"
        default:
            let condition = TableScan.violation(check.kind, dialect, integral: integral(table)) ?? "1 = 0"
            sql = "SELECT * FROM \(dialect.table(table)) WHERE \(condition) LIMIT 5"
        }
        let answer = try await recorder.run(sql, on: connection, timeout: check.timeout)
        return answer.rows.map(answer.describe)
    }
}
