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
    /// `failing` (failed runs, missed deadlines, failed data checks), `degraded` (slow runs, late
    /// inputs, schema changes, checks that could not run), `healthy`, or `unknown` before any run
    /// or check result.
    public let health: String
    /// Why the health is what it is, in words.
    public let healthDetail: String
    public let openSignals: Int

    enum CodingKeys: String, CodingKey {
        case id, name, audience, owners, health
        case healthDetail = "health_detail"
        case deliverBy = "deliver_by"
        case openSignals = "open_signals"
    }

    /// The document of `pipeline` given its open signals, and whether it has any evidence yet.
    public init(_ pipeline: Pipeline, signals: [Signal], hasEvidence: Bool = true) {
        id = pipeline.id.rawValue
        name = pipeline.name
        audience = pipeline.audience.rawValue
        owners = Owners(primary: pipeline.owners.primary.rawValue, secondary: pipeline.owners.secondary?.rawValue)
        deliverBy = pipeline.deliverBy.map { "\($0.time) \($0.timeZone.identifier)" }
        let mine = signals.filter { $0.pipeline == pipeline.id }
        openSignals = mine.count
        let failing = mine.filter { [.processingFailure, .missedDeadline, .checkFailed].contains($0.kind) }
        switch (failing.first ?? mine.first, hasEvidence) {
        case (let signal?, _):
            health = failing.isEmpty ? "degraded" : "failing"
            healthDetail = signal.summary + (mine.count > 1 ? " (and \(mine.count - 1) more)" : "")
        case (nil, true):
            health = "healthy"
            healthDetail = "no open signal"
        case (nil, false):
            health = "unknown"
            healthDetail = "waiting for the first run"
        }
    }
}
