public import Foundation

/// An alert another monitoring tool sent (a PagerDuty Events v2 trigger, a firing Alertmanager
/// alert), as the signal that opens or repeats an incident on its pipeline.
public struct ExternalAlert: Sendable, Hashable {
    /// The tool that sent it.
    public enum Origin: String, Sendable, Hashable {
        case pagerDuty = "pagerduty"
        case alertmanager
    }

    public var origin: Origin
    /// The pipeline, from the routing key or the alert's labels.
    public var pipeline: PipelineID
    /// What keeps one incident per problem: PagerDuty's `dedup_key`, Alertmanager's fingerprint.
    public var dedupKey: String
    /// The one-line summary people read.
    public var summary: String
    /// When the problem began, as the sender says (`payload.timestamp`, `startsAt`).
    public var startedAt: Date
    /// The sender's facts: source, severity, labels, links, custom details, flattened to text.
    public var details: [String: String]

    /// Creates an alert.
    public init(
        origin: Origin,
        pipeline: PipelineID,
        dedupKey: String,
        summary: String,
        startedAt: Date,
        details: [String: String]
    ) {
        self.origin = origin
        self.pipeline = pipeline
        self.dedupKey = dedupKey
        self.summary = summary
        self.startedAt = startedAt
        self.details = details
    }

    /// The signal subject: the origin and the dedup key, so the two tools never share an incident.
    public var subject: String { Self.subject(origin: origin, dedupKey: dedupKey) }

    /// The key of the incident this alert opens or repeats.
    public var incidentKey: String { Self.incidentKey(pipeline: pipeline, origin: origin, dedupKey: dedupKey) }

    /// The incident key of an alert from `origin` with `dedupKey` on `pipeline`.
    public static func incidentKey(pipeline: PipelineID, origin: Origin, dedupKey: String) -> String {
        Signal.key(pipeline: pipeline, kind: .externalAlert, subject: subject(origin: origin, dedupKey: dedupKey))
    }

    private static func subject(origin: Origin, dedupKey: String) -> String { "\(origin.rawValue):\(dedupKey)" }

    /// The alert as a signal: kind `external_alert`, the details as evidence.
    public var signal: Signal {
        var evidence = details
        evidence["origin"] = origin.rawValue
        evidence["dedup_key"] = dedupKey
        return Signal(
            kind: .externalAlert,
            pipeline: pipeline,
            subject: subject,
            openedAt: startedAt,
            summary: summary,
            evidence: evidence
        )
    }
}
