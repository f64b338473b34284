import Foundation
import PipewatchCore

/// The checks on one table that a single scan can answer, folded into one `SELECT` of
/// aggregates (as Soda does): row counts, nulls, values out of range or not accepted,
/// single-column duplicates and the newest timestamp, each a column of the one row returned.
struct TableScan {
    let table: TableName
    let dialect: SQLDialect
    let zone: TimeZone
    /// The aggregates; the first is always `COUNT(*)`.
    private(set) var expressions = ["COUNT(*)"]
    /// The column of the answer that holds each check's number.
    private(set) var slots: [CheckID: Int] = [:]

    init(table: TableName, dialect: SQLDialect, zone: TimeZone) {
        self.table = table
        self.dialect = dialect
        self.zone = zone
    }

    /// Whether a scan can answer `kind`.
    static func folds(_ kind: CheckKind) -> Bool {
        switch kind {
        case .freshness, .volume, .range, .missing, .acceptedValues: true
        case .duplicates(_, let columns, _): columns.count == 1
        default: false
        }
    }

    /// Adds the aggregate that answers `check`.
    mutating func add(_ check: Check, at now: Date) {
        guard let expression = aggregate(for: check.kind, at: now) else { return }
        if let existing = expressions.firstIndex(of: expression) {
            slots[check.id] = existing
        } else {
            slots[check.id] = expressions.count
            expressions.append(expression)
        }
    }

    var sql: String {
        "SELECT \(expressions.joined(separator: ", ")) FROM \(dialect.table(table))"
    }

    private func aggregate(for kind: CheckKind, at now: Date) -> String? {
        switch kind {
        case .freshness(_, let column, _, _):
            return dialect.text("MAX(\(dialect.quote(column)))")
        case .volume(_, _, _, let column, let window):
            guard let column, let window else { return "COUNT(*)" }
            return count(where: "\(dialect.comparable(column)) >= \(dialect.timestamp(now.addingTimeInterval(-window.timeInterval), in: zone))")
        case .range, .missing, .acceptedValues:
            return Self.violation(kind, dialect).map(count(where:))
        case .duplicates(_, let columns, _):
            let column = dialect.quote(columns[0])
            return "COUNT(\(column)) - COUNT(DISTINCT \(column))"
        default:
            return nil
        }
    }

    private func count(where condition: String) -> String {
        "COALESCE(SUM(CASE WHEN \(condition) THEN 1 ELSE 0 END), 0)"
    }

    /// The condition a failing row meets, for the kinds that count rows.
    static func violation(_ kind: CheckKind, _ dialect: SQLDialect) -> String? {
        switch kind {
        case .range(_, let column, let min, let max):
            let quoted = dialect.quote(column)
            let bounds = [min.map { "\(quoted) < \($0)" }, max.map { "\(quoted) > \($0)" }].compactMap { $0 }
            return "(\(bounds.joined(separator: " OR ")))"
        case .missing(_, let column, _, _):
            return "\(dialect.quote(column)) IS NULL"
        case .acceptedValues(_, let column, let values):
            let quoted = dialect.text(dialect.quote(column))
            return "\(dialect.quote(column)) IS NOT NULL AND \(quoted) NOT IN (\(values.map(dialect.literal).joined(separator: ", ")))"
        default:
            return nil
        }
    }
}
