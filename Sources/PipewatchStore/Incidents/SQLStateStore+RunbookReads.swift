public import Foundation
public import PipewatchCore
import SQLKit

extension SQLStateStore: RunbookReadStore {
    public func recordRunbookRead(
        pipeline: PipelineID,
        engineer: EngineerID,
        digest: String,
        at now: Date
    ) async throws(StoreError) -> Bool {
        try await perform("cannot record that '\(engineer)' read the run book of '\(pipeline)'") {
            try await executor.transaction { database in
                !(try await database.raw(
                    """
                    INSERT INTO runbook_reads (pipeline, engineer, digest, at_ms)
                    VALUES (\(bind: pipeline.rawValue), \(bind: engineer.rawValue), \(bind: digest),
                        \(bind: EpochMilliseconds(now).value))
                    ON CONFLICT (pipeline, engineer, digest) DO NOTHING
                    RETURNING pipeline
                    """
                ).all()).isEmpty
            }
        }
    }

    public func runbookReads() async throws(StoreError) -> [RunbookRead] {
        struct Row: Decodable {
            var pipeline: String
            var engineer: String
            var digest: String
            var atMs: Int64
        }
        let rows = try await perform("cannot read who has read the run books") {
            try await executor.read { database in
                try await database.raw("SELECT * FROM runbook_reads ORDER BY pipeline, engineer, at_ms")
                    .all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)
            }
        }
        return rows.map {
            RunbookRead(
                pipeline: PipelineID($0.pipeline),
                engineer: EngineerID($0.engineer),
                digest: $0.digest,
                at: EpochMilliseconds($0.atMs).date
            )
        }
    }
}
