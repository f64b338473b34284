public import Foundation
public import PipewatchCore
public import PipewatchEngine

/// One loaded config and everything built from it: the plan, the engine over it, and what the
/// read API keeps between requests. A reload builds a new generation and swaps it in whole, so
/// a request that read the old one finishes on it, and nothing kept for the old config (the
/// pipelines list, the on-call window) is served for the new one.
public struct ConfigGeneration: Sendable {
    /// 1 for the config the server started with, one more for each successful reload.
    public let number: Int
    /// The engine over the plan; its services run while this generation is the current one.
    public let engine: Engine
    /// The files the plan was read from, the main one first.
    public let files: [String]
    /// When this generation was loaded (by the server's wall clock).
    public let loadedAt: Date
    /// The body of `/api/v1/pipelines`, kept for this generation only.
    let pipelineList = PipelineListCache()
    /// Who is on call, kept for this generation only.
    let coverageWindow: CoverageWindow

    /// The plan this generation serves.
    public var plan: TeamPlan { engine.plan }

    init(number: Int, engine: Engine, files: [String], loadedAt: Date) {
        self.number = number
        self.engine = engine
        self.files = files
        self.loadedAt = loadedAt
        coverageWindow = CoverageWindow(service: engine.schedule)
    }
}
