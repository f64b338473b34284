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

    /// What the catalog says of a table: the planner's estimate of its rows, and its integer columns.
    struct TableFacts {
        var rows: Double?
        var integral: Set<String> = []
    }

    /// The planner's estimate of each table's rows (PostgreSQL), for ordering the work, and its
    /// integer columns, whose range bounds are written as whole numbers; nothing where the
    /// catalog cannot be read.
    func tableFacts(_ tables: Set<TableName>) async -> [TableName: TableFacts] {
        guard dialect == .postgres, let connection, !tables.isEmpty else { return [:] }
        let names = tables.map { (dialect.table($0), $0) }
        let values = names.map { "(\(dialect.literal($0.0)))" }.joined(separator: ", ")
        let sql =
            "SELECT t.name, c.reltuples, a.attname FROM (VALUES \(values)) AS t(name) "
            + "LEFT JOIN pg_class c ON c.oid = to_regclass(t.name) "
            + "LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped "
            + "AND a.atttypid IN ('smallint'::regtype, 'integer'::regtype, 'bigint'::regtype)"
        guard let answer = try? await connection.rows(sql, timeout: .seconds(5)) else { return [:] }
        let byName = Dictionary(names) { first, _ in first }
        var facts: [TableName: TableFacts] = [:]
        for row in answer.rows where row.count == 3 {
            guard let name = row[0], let table = byName[name] else { continue }
            if let estimate = row[1].flatMap(Double.init), estimate > 0 {
                facts[table, default: TableFacts()].rows = estimate
            }
            if let column = row[2] { facts[table, default: TableFacts()].integral.insert(column) }
        }
        return facts
    }
}
