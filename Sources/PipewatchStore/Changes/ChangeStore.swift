public import PipewatchCore

/// Changes other tools report on pipelines (PagerDuty change events), for their timelines.
public protocol ChangeStore: Sendable {
    /// Stores a change and returns it with its id.
    func recordChange(_ change: PipelineChange) async throws(StoreError) -> PipelineChange

    /// A pipeline's changes, newest first.
    func changes(of pipeline: PipelineID, limit: Int) async throws(StoreError) -> [PipelineChange]
}
