import Foundation
public import PipewatchCore
import SQLKit

extension SQLStateStore: CheckStore {
    public func recordCheckResults(_ results: [CheckResult]) async throws(StoreError) {
        guard !results.isEmpty else { return }
        try await perform("cannot store the results of \(results.count) checks") {
            try await executor.transaction { database in
                for result in results {
                    let finite = result.observations.filter { $0.value.isFinite }
                    try await database.raw(
                        """
                        INSERT INTO check_results (\(unsafeRaw: CheckResultRow.columns))
                        VALUES (\(bind: result.check.rawValue), \(bind: result.pipeline.rawValue),
                            \(bind: result.state.rawValue), \(bind: result.value.flatMap { $0.isFinite ? $0 : nil }),
                            \(bind: result.threshold), \(bind: result.message),
                            \(bind: CheckResultRow.encode(result.examples)), \(bind: CheckResultRow.encode(result.sql)),
                            \(bind: CheckResultRow.encode(finite)), \(bind: EpochMilliseconds(result.startedAt).value),
                            \(bind: Int64(result.durationMilliseconds)),
                            \(bind: EpochMilliseconds(result.stateSince).value))
                        """
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
        let filter = pipeline.map { SQLQueryString("WHERE pipeline = \(bind: $0.rawValue)") } ?? ""
        let rows = try await perform("cannot read the latest check results") {
            try await executor.read { database in
                try await database.raw(
                    """
                    SELECT * FROM (
                        SELECT check_results.*, ROW_NUMBER() OVER (
                            PARTITION BY check_id ORDER BY started_at_ms DESC, id DESC) AS position
                        FROM check_results \(filter)
                    ) ranked WHERE position = 1
                    """
                ).all(decoding: CheckResultRow.self, keyDecodingStrategy: .convertFromSnakeCase)
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
                ).all(decoding: CheckResultRow.self, keyDecodingStrategy: .convertFromSnakeCase)
            }
        }
        return try rows.map { row throws(StoreError) in try row.result() }
    }

    public func checkHistories(of checks: [CheckID], limit: Int) async throws(StoreError) -> [CheckID: CheckHistory] {
        guard !checks.isEmpty else { return [:] }
        struct SchemaRow: Decodable {
            var checkId: String
            var columns: String
        }
        let ids = checks.map(\.rawValue) as [any Encodable & Sendable]
        let (rows, schemas) = try await perform("cannot read the history of \(checks.count) checks") {
            try await executor.read { database in
                let rows = try await database.raw(
                    """
                    SELECT * FROM (
                        SELECT check_results.*, ROW_NUMBER() OVER (
                            PARTITION BY check_id ORDER BY started_at_ms DESC, id DESC) AS position
                        FROM check_results WHERE check_id IN (\(binds: ids)) AND state <> 'error'
                    ) ranked WHERE position <= \(bind: limit) ORDER BY started_at_ms, id
                    """
                ).all(decoding: CheckResultRow.self, keyDecodingStrategy: .convertFromSnakeCase)
                let schemas = try await database.raw(
                    "SELECT check_id, columns FROM check_schemas WHERE check_id IN (\(binds: ids))"
                ).all(decoding: SchemaRow.self, keyDecodingStrategy: .convertFromSnakeCase)
                return (rows, schemas)
            }
        }
        var histories: [CheckID: CheckHistory] = [:]
        for row in rows {
            let result = try row.result()
            var history = histories[result.check] ?? CheckHistory()
            if let value = result.value { history.values.append(value) }
            if !result.observations.isEmpty { history.observations.append((result.startedAt, result.observations)) }
            histories[result.check] = history
        }
        for schema in schemas {
            histories[CheckID(schema.checkId), default: CheckHistory()].lastColumns =
                CheckResultRow.decode([SchemaColumn].self, schema.columns)
        }
        return histories
    }
}
