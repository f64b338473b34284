public import Foundation
public import PipewatchCore

/// Which version of each run book each engineer has read (the seed's note: every engineer
/// should know the investor run books).
public protocol RunbookReadStore: Sendable {
    /// Records that `engineer` read the version `digest` of `pipeline`'s run book.
    ///
    /// - Returns: `false` when this read was recorded before (nothing changes).
    func recordRunbookRead(
        pipeline: PipelineID,
        engineer: EngineerID,
        digest: String,
        at now: Date
    ) async throws(StoreError) -> Bool

    /// Every recorded read, by pipeline and engineer.
    func runbookReads() async throws(StoreError) -> [RunbookRead]
}

/// One engineer's read of one version of a run book.
public struct RunbookRead: Sendable, Hashable {
    public var pipeline: PipelineID
    public var engineer: EngineerID
    public var digest: String
    public var at: Date

    /// Creates a record.
    public init(pipeline: PipelineID, engineer: EngineerID, digest: String, at: Date) {
        self.pipeline = pipeline
        self.engineer = engineer
        self.digest = digest
        self.at = at
    }
}
