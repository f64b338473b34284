import Foundation
public import PipewatchCore
import SQLKit

extension SQLStateStore: CheckStore {
    public func recordCheckResults(_ results: [CheckResult]) async throws(StoreError) {
        guard !results.isEmpty else { return }
        try await perform("cannot store the results of \(results.count) checks") {
            try await executor.transaction { database in
                // Fifty rows a statement: a thousand single-row INSERTs cost more to prepare than to run.
                for batch in stride(from: 0, to: results.count, by: 50).map({
                    results[$0..<min($0 + 50, results.count)]
                }) {
                    let rows = batch.map { result -> SQLQueryString in
                        let finite = result.observations.filter { $0.value.isFinite }
                        return """
                            (\(bind: result.check.rawValue), \(bind: result.pipeline.rawValue),
                            \(bind: result.state.rawValue), \(bind: result.value.flatMap { $0.isFinite ? $0 : nil }),
                            \(bind: result.threshold), \(bind: result.message),
                            \(bind: JSONStringList.encode(result.examples)), \(bind: JSONStringList.encode(result.sql)),
                            \(bind: finite.isEmpty ? "{}" : CheckResultRow.encode(finite)),
                            \(bind: EpochMilliseconds(result.startedAt).value), \(bind: Int64(result.durationMilliseconds)),
                            \(bind: EpochMilliseconds(result.stateSince).value))
                            """
                    }
                    try await database.raw(
                        "INSERT INTO check_results (\(unsafeRaw: CheckResultRow.columns)) VALUES "
                            + rows.joined(separator: ", ")
                    ).run()
                }
                for result in results {
                    guard let found = result.columns else { continue }
                    try await database.raw(
                        """
                        INSERT INTO check_schemas (check_id, columns, seen_at_ms)
                        VALUES (\(bind: result.check.rawValue), \(bind: CheckResultRow.encode(found)),
                            \(bind: EpochMilliseconds(result.startedAt).value))
                        ON CONFLICT (check_id) DO UPDATE SET columns = excluded.columns, seen_at_ms = excluded.seen_at_ms
                        """
                    ).run()
                }
            }
        }
    }

    public func latestCheckResults(of pipeline: PipelineID?) async throws(StoreError) -> [CheckID: CheckResult] {
        // Each check's newest row found through the (check_id, started_at_ms) index, so that the
        // read costs the number of checks, not the rows every earlier run left.
        let filter = pipeline.map { SQLQueryString("WHERE pipeline = \(bind: $0.rawValue)") } ?? ""
        let same = pipeline.map { SQLQueryString("AND x.pipeline = \(bind: $0.rawValue)") } ?? ""
        let rows = try await perform("cannot read the latest check results") {
            try await executor.read { database in
                try await database.raw(
                    """
                    SELECT * FROM check_results WHERE id IN (
                        SELECT (SELECT x.id FROM check_results x WHERE x.check_id = c.check_id \(same)
                            ORDER BY x.started_at_ms DESC, x.id DESC LIMIT 1)
                        FROM (SELECT DISTINCT check_id FROM check_results \(filter)) c
                    )
                    """
                ).all(decoding: CheckResultRow.self)
            }
        }
        var latest: [CheckID: CheckResult] = [:]
        for row in rows {
            let result = try row.result()
            latest[result.check] = result
        }
        return latest
    }

    public func checkResults(of check: CheckID, limit: Int) async throws(StoreError) -> [CheckResult] {
        let rows = try await perform("cannot read the history of check '\(check)'") {
            try await executor.read { database in
                try await database.raw(
                    """
                    SELECT * FROM check_results WHERE check_id = \(bind: check.rawValue)
                    ORDER BY started_at_ms DESC, id DESC LIMIT \(bind: limit)
                    """
                ).all(decoding: CheckResultRow.self)
            }
        }
        return try rows.map { row throws(StoreError) in try row.result() }
    }

    public func checkHistories(of checks: [CheckID], limit: Int) async throws(StoreError) -> [CheckID: CheckHistory] {
        guard !checks.isEmpty else { return [:] }
        // Only what judging reads: the value (anomaly) and the observations (storage growth),
        // not the examples and SQL of every earlier run.
        struct HistoryRow: Decodable {
            var checkID: String
            var value: Double?
            var observations: String
            var startedAtMs: Int64
            enum CodingKeys: String, CodingKey {
                case checkID = "check_id"
                case value, observations
                case startedAtMs = "started_at_ms"
            }
        }
        struct SchemaRow: Decodable {
            var checkID: String
            var columns: String
            enum CodingKeys: String, CodingKey {
                case checkID = "check_id"
                case columns
            }
        }
        let ids = checks.map(\.rawValue) as [any Encodable & Sendable]
        let (rows, schemas) = try await perform("cannot read the history of \(checks.count) checks") {
            try await executor.read { database in
                let rows = try await database.raw(
                    """
                    SELECT check_id, value, observations, started_at_ms FROM (
                        SELECT check_id, value, observations, started_at_ms, id, ROW_NUMBER() OVER (
                            PARTITION BY check_id ORDER BY started_at_ms DESC, id DESC) AS position
                        FROM check_results WHERE check_id IN (\(binds: ids)) AND state <> 'error'
                    ) ranked WHERE position <= \(bind: limit) ORDER BY started_at_ms, id
                    """
                ).all(decoding: HistoryRow.self)
                let schemas = try await database.raw(
                    "SELECT check_id, columns FROM check_schemas WHERE check_id IN (\(binds: ids))"
                ).all(decoding: SchemaRow.self)
                return (rows, schemas)
            }
        }
        var histories: [CheckID: CheckHistory] = [:]
        for row in rows {
            // Appended in place: a history taken out and put back is copied on every row.
            let id = CheckID(row.checkID)
            if histories[id] == nil { histories[id] = CheckHistory() }
            if let value = row.value { histories[id]?.values.append(value) }
            if row.observations != "{}",
                let observations = CheckResultRow.decode([String: Double].self, row.observations),
                !observations.isEmpty
            {
                histories[id]?.observations.append((EpochMilliseconds(row.startedAtMs).date, observations))
            }
        }
        for schema in schemas {
            histories[CheckID(schema.checkID), default: CheckHistory()].lastColumns =
                CheckResultRow.decode([SchemaColumn].self, schema.columns)
        }
        return histories
    }
}
