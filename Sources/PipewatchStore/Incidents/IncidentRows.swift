import Foundation
import PipewatchCore

/// A row of `incidents`.
struct IncidentRow: Codable, Sendable {
    var id: Int64
    var incidentKey: String
    var pipeline: String
    var kind: String
    var title: String
    var severity: String
    var state: String
    var count: Int64
    var openedAtMs: Int64
    var lastSeenMs: Int64
    var acknowledgedAtMs: Int64?
    var acknowledgedBy: String?
    var resolvedAtMs: Int64?
    var resolvedBy: String?
    var assignee: String?
    var clearedAtMs: Int64?
    var autoResolve: Int64
    var evidence: String

    var incident: Incident {
        Incident(
            id: id,
            key: incidentKey,
            pipeline: PipelineID(pipeline),
            kind: kind,
            title: title,
            severity: Severity(rawValue: severity) ?? .normal,
            state: IncidentState(rawValue: state) ?? .triggered,
            count: Int(count),
            openedAt: EpochMilliseconds(openedAtMs).date,
            lastSeenAt: EpochMilliseconds(lastSeenMs).date,
            acknowledgedAt: acknowledgedAtMs.map { EpochMilliseconds($0).date },
            acknowledgedBy: acknowledgedBy,
            resolvedAt: resolvedAtMs.map { EpochMilliseconds($0).date },
            resolvedBy: resolvedBy,
            assignee: assignee.map { EngineerID($0) },
            clearedAt: clearedAtMs.map { EpochMilliseconds($0).date },
            autoResolve: autoResolve != 0
        )
    }

    var evidenceFields: [String: String] { JSONText.decode(evidence) ?? [:] }
}

/// A row of `incident_timeline`.
struct TimelineRow: Codable, Sendable {
    var id: Int64
    var incidentId: Int64
    var atMs: Int64
    var actor: String
    var kind: String
    var detail: String

    var entry: TimelineEntry {
        TimelineEntry(
            id: id,
            incidentID: incidentId,
            at: EpochMilliseconds(atMs).date,
            actor: actor,
            kind: TimelineKind(rawValue: kind) ?? .note,
            detail: detail
        )
    }
}

/// A row of `escalation_steps`.
struct StepRow: Codable, Sendable {
    var id: Int64
    var incidentId: Int64
    var generation: Int64
    var step: Int64
    var round: Int64
    var oncall: String?
    var dueAtMs: Int64
    var state: String
    var target: String?
    var detail: String?
    var firedAtMs: Int64?

    var escalationStep: EscalationStep {
        EscalationStep(
            id: id,
            incidentID: incidentId,
            generation: Int(generation),
            step: Int(step),
            round: Int(round),
            oncall: oncall.map { EngineerID($0) },
            dueAt: EpochMilliseconds(dueAtMs).date,
            state: EscalationStep.State(rawValue: state) ?? .pending,
            target: target.map { EngineerID($0) },
            detail: detail,
            firedAt: firedAtMs.map { EpochMilliseconds($0).date }
        )
    }
}

/// A row of `outbox`.
struct OutboxRow: Codable, Sendable {
    var id: Int64
    var idempotencyKey: String
    var incidentId: Int64?
    var kind: String
    var recipient: String
    var channel: String
    var contact: String
    var title: String
    var body: String
    var state: String
    var attempts: Int64
    var nextAttemptMs: Int64
    var deliveredAtMs: Int64?
    var lastError: String?
    var createdAtMs: Int64

    var message: OutboxMessage {
        OutboxMessage(
            id: id,
            idempotencyKey: idempotencyKey,
            incidentID: incidentId,
            kind: kind,
            recipient: recipient,
            channel: channel,
            contact: contact,
            title: title,
            body: body,
            state: OutboxMessage.State(rawValue: state) ?? .pending,
            attempts: Int(attempts),
            nextAttemptAt: EpochMilliseconds(nextAttemptMs).date,
            deliveredAt: deliveredAtMs.map { EpochMilliseconds($0).date },
            lastError: lastError,
            createdAt: EpochMilliseconds(createdAtMs).date
        )
    }
}

/// A row of `signal_states`.
struct SignalStateRow: Codable, Sendable {
    var signalKey: String
    var pipeline: String
    var kind: String
    var subject: String
    var isOpen: Int64
    var openedAtMs: Int64
    var clearedAtMs: Int64?
    var summary: String
    var evidence: String
    var changedAtMs: Int64

    var state: SignalState? {
        guard let kind = SignalKind(rawValue: kind) else { return nil }
        let signal = Signal(
            kind: kind,
            pipeline: PipelineID(pipeline),
            subject: subject,
            openedAt: EpochMilliseconds(openedAtMs).date,
            summary: summary,
            evidence: JSONText.decode(evidence) ?? [:]
        )
        return SignalState(
            signal: signal,
            isOpen: isOpen != 0,
            clearedAt: clearedAtMs.map { EpochMilliseconds($0).date },
            changedAt: EpochMilliseconds(changedAtMs).date
        )
    }
}

/// JSON text columns: `[String: String]` maps written with sorted keys.
enum JSONText {
    static func encode(_ fields: [String: String]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(fields)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    static func decode(_ text: String) -> [String: String]? {
        try? JSONDecoder().decode([String: String].self, from: Data(text.utf8))
    }
}
