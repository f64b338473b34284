import Foundation
import PipewatchCore

/// What orders a source's work: which checks ask the same question, and how big each table is.
extension CheckProbe {
    /// What checks run alone share: the same table's columns ask the same question; every other
    /// check is its own.
    static func sharing(_ check: Check) -> String {
        switch check.kind {
        case .schema(let table, _): "schema \(table)"
        default: "check \(check.id)"
        }
    }

    /// The planner's estimate of each table's rows (PostgreSQL), for ordering the work; none
    /// where there is no estimate or the catalog cannot be read.
    func estimatedRows(_ tables: Set<TableName>) async -> [TableName: Double] {
        guard dialect == .postgres, let connection, !tables.isEmpty else { return [:] }
        let names = tables.map { (dialect.table($0), $0) }
        let values = names.map { "(\(dialect.literal($0.0)))" }.joined(separator: ", ")
        let sql =
            "SELECT t.name, c.reltuples FROM (VALUES \(values)) AS t(name) "
            + "LEFT JOIN pg_class c ON c.oid = to_regclass(t.name)"
        guard let answer = try? await connection.rows(sql, timeout: .seconds(5)) else { return [:] }
        let byName = Dictionary(names) { first, _ in first }
        var rows: [TableName: Double] = [:]
        for row in answer.rows where row.count == 2 {
            guard let name = row[0], let table = byName[name], let estimate = row[1].flatMap(Double.init), estimate > 0
            else { continue }
            rows[table] = estimate
        }
        return rows
    }
}
