import Foundation
import PipewatchCore

/// `GET /api/v1/pipelines/{id}/changes`: the changes other tools reported, newest first.
struct ChangeList: Encodable, Sendable {
    struct Entry: Encodable, Sendable {
        var id: Int64
        var at: String
        var summary: String
        var source: String?
        var details: [String: String]
        var links: [PipelineChange.Link]
    }

    var pipeline: String
    var changes: [Entry]

    init(pipeline: PipelineID, changes: [PipelineChange]) {
        self.pipeline = pipeline.rawValue
        self.changes = changes.map { change in
            Entry(
                id: change.id,
                at: ISO8601Text.format(change.at, in: .gmt),
                summary: change.summary,
                source: change.source,
                details: change.details,
                links: change.links
            )
        }
    }
}
