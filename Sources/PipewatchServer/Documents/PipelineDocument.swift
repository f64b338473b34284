import Foundation
public import PipewatchCore

/// A pipeline with its health, as `GET /api/v1/pipelines` lists it.
public struct PipelineDocument: Codable, Sendable, Equatable {
    public struct Owners: Codable, Sendable, Equatable {
        public let primary: String
        public let secondary: String?
    }

    public let id: String
    public let name: String
    public let audience: String
    public let owners: Owners
    public let deliverBy: String?
    /// `healthy`, `degraded` (slow runs, late inputs, schema changes) or `failing` (failures, missed deadlines).
    public let health: String
    public let openSignals: Int

    enum CodingKeys: String, CodingKey {
        case id, name, audience, owners, health
        case deliverBy = "deliver_by"
        case openSignals = "open_signals"
    }

    /// The document of `pipeline` given its open signals.
    public init(_ pipeline: Pipeline, signals: [Signal]) {
        id = pipeline.id.rawValue
        name = pipeline.name
        audience = pipeline.audience.rawValue
        owners = Owners(primary: pipeline.owners.primary.rawValue, secondary: pipeline.owners.secondary?.rawValue)
        deliverBy = pipeline.deliverBy.map { "\($0.time) \($0.timeZone.identifier)" }
        let mine = signals.filter { $0.pipeline == pipeline.id }
        openSignals = mine.count
        health =
            mine.contains { $0.kind == .processingFailure || $0.kind == .missedDeadline }
            ? "failing"
            : mine.isEmpty ? "healthy" : "degraded"
    }
}
