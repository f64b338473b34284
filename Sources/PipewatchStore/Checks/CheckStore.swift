import Foundation
public import PipewatchCore

/// The data checks side of the store: every result with its SQL and numbers, and what later
/// runs are judged against.
public protocol CheckStore: Sendable {
    /// Stores results in one transaction, with the columns schema checks read (to judge drift
    /// at their next run).
    func recordCheckResults(_ results: [CheckResult]) async throws(StoreError)

    /// The latest result of each check (of one pipeline, when given), by check id.
    func latestCheckResults(of pipeline: PipelineID?) async throws(StoreError) -> [CheckID: CheckResult]

    /// A check's results, newest first.
    func checkResults(of check: CheckID, limit: Int) async throws(StoreError) -> [CheckResult]

    /// What each check's next run is judged against: up to `limit` earlier values and
    /// observations, and the columns last seen.
    func checkHistories(of checks: [CheckID], limit: Int) async throws(StoreError) -> [CheckID: CheckHistory]
}
