import Foundation
import PipewatchCore

/// Duplicates checks, and keys that contain other checked keys: `(payment_id, status)` is
/// answered among the duplicated payment ids, or not at all when there are none.
extension CheckProbe {
    /// A duplicates check's table and key.
    struct DuplicatesKey: Hashable {
        let table: TableName
        let columns: [String]
    }

    /// For each key that contains another checked key of its table (all of that key's columns
    /// and more), the one it is answered after: the largest such key.
    static func containedKeys(_ keys: [DuplicatesKey]) -> [DuplicatesKey: DuplicatesKey] {
        var parents: [DuplicatesKey: DuplicatesKey] = [:]
        for key in keys {
            let columns = Set(key.columns)
            let inside = keys.filter { $0.table == key.table && Set($0.columns).isStrictSubset(of: columns) }
            parents[key] = inside.max {
                ($0.columns.count, $1.columns.joined()) < ($1.columns.count, $0.columns.joined())
            }
        }
        return parents
    }

    /// The checks of `key`, then those of the keys that contain it, each after the answer of
    /// the key it contains (in turn, on one connection).
    func duplicates(
        _ key: DuplicatesKey,
        checks: [DuplicatesKey: [(check: Check, pipeline: PipelineID)]],
        containing: [DuplicatesKey: [DuplicatesKey]],
        after parent: DuplicateValues?,
        history: [CheckID: CheckHistory],
        at now: Date
    ) async -> [CheckResult] {
        let lists = !(containing[key] ?? []).isEmpty
        var results: [CheckResult] = []
        var found = DuplicateValues.unknown
        for (index, entry) in (checks[key] ?? []).enumerated() {
            let clock = ContinuousClock()
            var recorder = Recorder(entry: entry, at: now, clock: clock, started: clock.now)
            let measured: Measured
            do {
                let answer = try await duplicates(entry.check, recorder: &recorder, after: parent, lists: lists)
                measured = answer.measured
                if index == 0 { found = answer.values }
            } catch {
                measured = .failed(error)
            }
            results.append(recorder.result(judge, measured, history: history[entry.check.id] ?? CheckHistory()))
        }
        for inner in containing[key] ?? [] {
            results += await duplicates(
                inner,
                checks: checks,
                containing: containing,
                after: found,
                history: history,
                at: now
            )
        }
        return results
    }

    /// Soda's duplicate_count: the values (or value combinations) that occur more than once,
    /// rows with a null among the columns left out.
    ///
    /// A key it contains that has no duplicates answers it without a query (on PostgreSQL, where
    /// the run's catalog shows that every column exists); a unique index on
    /// some of the columns answers without reading the table, and so does a column of the key
    /// whose values all differ (tried first when the estimate says so). Otherwise one grouping
    /// gives the count, the rows they cover and the five most repeated: among the duplicated
    /// values of a key it contains when they are listed, else over the table (sorted when the key
    /// has many values, see ``DuplicatesQuery``). With `lists`, the grouping returns every
    /// duplicated value (up to ``DuplicateValues/listLimit``) for the keys that contain this one.
    func duplicates(
        _ check: Check,
        recorder: inout Recorder,
        after parent: DuplicateValues? = nil,
        lists: Bool = false
    ) async throws(ProbeError) -> (measured: Measured, values: DuplicateValues) {
        guard case .duplicates(let table, let columns, _) = check.kind else {
            throw .misconfigured("'\(check.id)' is not a duplicates check")
        }
        let none = Measured.measured(.violations(count: 0, of: 0, examples: []))
        let query = DuplicatesQuery(table: TableName(table), columns: columns)
        let known = tables[query.table].flatMap { facts in query.catalog(facts).map { (facts, $0) } }
        // Only when the catalog knows every column: a misspelt one must still error.
        if case .absent(let sql) = parent, known != nil {
            recorder.sql = sql
            return (none, .absent(sql: sql))
        }
        let timeout = check.timeout
        let catalog: (unique: Bool, columns: [DuplicatesQuery.Column])
        if let (facts, known) = known {
            catalog = known
            if catalog.unique { recorder.sql.append(facts.indexesSQL) }
        } else {
            catalog = query.catalog(try await recorder.run(query.catalogSQL(dialect), on: connection, timeout: timeout))
        }
        if catalog.unique { return (none, .absent(sql: recorder.sql)) }
        let limit = lists ? DuplicateValues.listLimit + 1 : 5
        let grouping: String
        if case .listed(let values) = parent, let among = query.among(dialect, values, limit: limit) {
            grouping = among
        } else {
            if let distinct = query.distinctSQL(dialect, catalog: catalog.columns),
                DuplicatesQuery.allDistinct(try await recorder.run(distinct, on: connection, timeout: timeout))
            {
                return (none, .absent(sql: recorder.sql))
            }
            grouping = query.sql(dialect, catalog: catalog.columns, limit: limit)
        }
        let answer = try await recorder.run(grouping, on: connection, timeout: timeout)
        let totals = answer.rows.first.map { Array($0.suffix(2)) } ?? []
        let count = Int(totals.first.flatMap { $0 }.flatMap(Double.init) ?? 0)
        let rows = Int(totals.last.flatMap { $0 }.flatMap(Double.init) ?? 0)
        let keys = answer.rows.map { Array($0.prefix(columns.count)) }
        let shown = QueryRows(columns: Array(answer.columns.dropLast(2)), rows: Array(answer.rows.prefix(5)))
        let values: DuplicateValues =
            if count == 0 {
                .absent(sql: recorder.sql)
            } else if keys.count == count, count <= DuplicateValues.listLimit {
                .listed(.init(columns: columns, types: catalog.columns.map { $0.type ?? "" }, rows: keys))
            } else {
                .unknown
            }
        let examples = shown.rows.map { shown.describe(Array($0.dropLast(2))) }
        return (.measured(.violations(count: count, of: rows, examples: examples)), values)
    }
}
