public import Foundation

/// Something about a pipeline that needs attention, with the evidence that shows it.
public struct Signal: Sendable, Hashable {
    public var kind: SignalKind
    public var pipeline: PipelineID
    /// What the signal is about within the pipeline (a job, a dataset, a day's deadline), so that
    /// the same problem keeps one signal while it lasts.
    public var subject: String
    /// When the problem began, from the evidence (not when Pipewatch noticed).
    public var openedAt: Date
    public var summary: String
    /// Facts behind the signal: run ids, datasets, numbers.
    public var evidence: [String: String]

    /// Creates a signal.
    public init(
        kind: SignalKind,
        pipeline: PipelineID,
        subject: String,
        openedAt: Date,
        summary: String,
        evidence: [String: String]
    ) {
        self.kind = kind
        self.pipeline = pipeline
        self.subject = subject
        self.openedAt = openedAt
        self.summary = summary
        self.evidence = evidence
    }

    /// The identity of the problem: one open signal per key.
    public var key: String { Self.key(pipeline: pipeline, kind: kind, subject: subject) }

    /// The key of a signal of `kind` about `subject` on `pipeline` (an incident's key too).
    public static func key(pipeline: PipelineID, kind: SignalKind, subject: String) -> String {
        "\(pipeline)|\(kind.rawValue)|\(subject)"
    }
}

/// What kind of trouble a signal reports; the seed's "potential issues in pipelines".
public enum SignalKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// A run failed or was aborted; a dbt model errored or a dbt test failed.
    case processingFailure = "processing_failure"
    /// A run took longer than its history predicts, or than its `max_duration`.
    case slowRun = "slow_run"
    /// The delivery deadline passed with no successful run for the period.
    case missedDeadline = "missed_deadline"
    /// An input has not been updated for longer than allowed.
    case lateInput = "late_input"
    /// A dataset's schema differs from the one seen before.
    case schemaChange = "schema_change"
    /// A data check found a problem in the data (its latest run failed).
    case checkFailed = "check_failed"
    /// A data check could not look (source unreachable, query failed or timed out).
    case checkError = "check_error"
    /// Another monitoring tool sent an alert (PagerDuty Events v2, Alertmanager).
    case externalAlert = "external_alert"
}
