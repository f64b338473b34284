import Foundation
public import PipewatchCore
import SQLKit

extension SQLStateStore: ChangeStore {
    public func recordChange(_ change: PipelineChange) async throws(StoreError) -> PipelineChange {
        let id = try await perform("cannot store a change of pipeline '\(change.pipeline)'") {
            try await executor.transaction { database in
                try await database.raw(
                    """
                    INSERT INTO pipeline_changes (pipeline, at_ms, summary, source, details, links)
                    VALUES (\(bind: change.pipeline.rawValue), \(bind: EpochMilliseconds(change.at).value),
                        \(bind: change.summary), \(bind: change.source),
                        \(bind: CheckResultRow.encode(change.details)), \(bind: CheckResultRow.encode(change.links)))
                    RETURNING id
                    """
                ).first(decoding: IDRow.self)?.id
            }
        }
        var stored = change
        stored.id = id ?? 0
        return stored
    }

    public func changes(of pipeline: PipelineID, limit: Int) async throws(StoreError) -> [PipelineChange] {
        let rows = try await perform("cannot read the changes of pipeline '\(pipeline)'") {
            try await executor.read { database in
                try await database.raw(
                    """
                    SELECT * FROM pipeline_changes WHERE pipeline = \(bind: pipeline.rawValue)
                    ORDER BY at_ms DESC, id DESC LIMIT \(bind: limit)
                    """
                ).all(decoding: PipelineChangeRow.self, keyDecodingStrategy: .convertFromSnakeCase)
            }
        }
        return rows.map(\.change)
    }
}

private struct IDRow: Decodable {
    var id: Int64
}

/// A row of `pipeline_changes`; details and links are JSON text.
private struct PipelineChangeRow: Decodable {
    var id: Int64
    var pipeline: String
    var atMs: Int64
    var summary: String
    var source: String?
    var details: String
    var links: String

    var change: PipelineChange {
        PipelineChange(
            id: id,
            pipeline: PipelineID(pipeline),
            at: EpochMilliseconds(atMs).date,
            summary: summary,
            source: source,
            details: CheckResultRow.decode([String: String].self, details) ?? [:],
            links: CheckResultRow.decode([PipelineChange.Link].self, links) ?? []
        )
    }
}
