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

    /// What the catalog says of each table (``TableFacts``), on PostgreSQL; nothing where the
    /// catalog cannot be read (each check then asks what it needs itself).
    func tableFacts(_ tables: Set<TableName>) async -> [TableName: TableFacts] {
        guard dialect == .postgres, let connection, !tables.isEmpty else { return [:] }
        let byName = Dictionary(tables.map { (dialect.table($0), $0) }) { first, _ in first }
        let names = Array(byName.keys)
        let indexesSQL = TableFacts.indexesSQL(names, dialect)
        async let columns = try? connection.rows(TableFacts.columnsSQL(names, dialect), timeout: .seconds(5))
        async let indexes = try? connection.rows(indexesSQL, timeout: .seconds(5))
        guard let columns = await columns, let indexes = await indexes else { return [:] }
        return TableFacts.read(columns: columns, indexes: indexes, indexesSQL: indexesSQL, names: byName)
    }
}
