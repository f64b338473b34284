public import Foundation
public import PipewatchCore
import SQLKit

extension SQLStateStore {
    public func watchStart(of pipelines: [PipelineID], at now: Date) async throws(StoreError) -> [PipelineID: Date] {
        guard !pipelines.isEmpty else { return [:] }
        struct Row: Decodable {
            var pipeline: String
            var sinceMs: Int64
        }
        let names = pipelines.map(\.rawValue) as [any Encodable & Sendable]
        let rows = try await perform("cannot read when pipelines were first watched") {
            try await executor.transaction { database in
                let values = pipelines.map {
                    "(\(binds: [$0.rawValue, EpochMilliseconds(now).value]))" as SQLQueryString
                }
                try await database.raw(
                    """
                    INSERT INTO pipeline_watch (pipeline, since_ms) VALUES \(values.joined(separator: ", "))
                    ON CONFLICT (pipeline) DO NOTHING
                    """
                ).run()
                return try await database.raw("SELECT * FROM pipeline_watch WHERE pipeline IN (\(binds: names))")
                    .all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)
            }
        }
        return Dictionary(
            rows.map { (PipelineID($0.pipeline), EpochMilliseconds($0.sinceMs).date) },
            uniquingKeysWith: min
        )
    }
}
