import Foundation
public import PipewatchCore

/// The failure of a job no pipeline claims, as `GET /api/v1/signals` lists it under `unmatched`:
/// a `processing_failure` with the job instead of a pipeline, so nothing fails unseen. It clears
/// when the job's next run succeeds, or when a pipeline maps the job (then the pipeline's signal
/// takes over).
public struct UnmatchedFailureDocument: Codable, Sendable, Equatable {
    public let kind: String
    public let job: RunDocument.Job
    public let subject: String
    public let runID: String
    public let openedAt: String
    public let summary: String
    public let evidence: [String: String]

    enum CodingKeys: String, CodingKey {
        case kind, job, subject, summary, evidence
        case runID = "run_id"
        case openedAt = "opened_at"
    }

    /// The document of a failed run of an unmatched job, with its time in UTC; `nil` when the
    /// run did not fail.
    public init?(_ run: Run) {
        guard let failure = RunFailure(run) else { return nil }
        kind = SignalKind.processingFailure.rawValue
        job = RunDocument.Job(namespace: run.job.namespace, name: run.job.name)
        subject = "job:\(run.job)"
        runID = run.id
        openedAt = ISO8601Text.formatMilliseconds(run.endedAt ?? run.lastEventAt, in: .gmt)
        summary = failure.summary
        evidence = failure.evidence
    }
}
