import Crypto
public import Foundation
public import PipewatchCore
public import PipewatchStore

/// Who has read the current version of which run book. A version is a digest of the steps as
/// written, so editing a step makes everyone's read out of date.
public struct RunbookFamiliarity: Sendable {
    public let plan: TeamPlan
    public let store: any RunbookReadStore

    /// Creates the use case.
    public init(plan: TeamPlan, store: any RunbookReadStore) {
        self.plan = plan
        self.store = store
    }

    /// The version of a run book: the first 12 hex digits of the SHA-256 of its steps.
    public static func digest(of runbook: Runbook) -> String {
        let text = runbook.steps.map { step in
            [
                step.text, step.checks.map(\.rawValue).joined(separator: ","), step.showsRuns ? "runs" : "",
                step.escalation.map { "\($0)" } ?? "", step.notifications.map { "\($0)" }.joined(separator: ","),
                step.action?.rawValue ?? "",
            ].joined(separator: "\u{1F}")
        }.joined(separator: "\u{1E}")
        return HexText.encode(SHA256.hash(data: Data(text.utf8)).prefix(6))
    }

    /// The pipelines whose run books everyone must know: those reporting to investors.
    public var investorPipelines: [Pipeline] {
        plan.catalog.pipelines.filter { $0.audience == .investors && !$0.runbook.isEmpty }
    }

    /// Records that `engineer` read the current version of `pipeline`'s run book.
    ///
    /// - Returns: The version, and whether it is newly recorded.
    public func acknowledge(
        _ pipeline: Pipeline,
        by engineer: EngineerID,
        at now: Date
    ) async throws(StoreError)
        -> (digest: String, isNew: Bool)
    {
        let digest = Self.digest(of: pipeline.runbook)
        let isNew = try await store.recordRunbookRead(
            pipeline: pipeline.id,
            engineer: engineer,
            digest: digest,
            at: now
        )
        return (digest, isNew)
    }

    /// For each investor run book, the engineers who have not read its current version.
    public func unread() async throws(StoreError) -> [(pipeline: Pipeline, digest: String, missing: [EngineerID])] {
        let reads = try await store.runbookReads()
        return investorPipelines.map { pipeline in
            let digest = Self.digest(of: pipeline.runbook)
            let readers = Set(reads.filter { $0.pipeline == pipeline.id && $0.digest == digest }.map(\.engineer))
            return (pipeline, digest, plan.catalog.engineers.map(\.id).filter { !readers.contains($0) })
        }
    }
}
