import Foundation
public import PipewatchCore

/// A run of a run book action as the API shows it.
public struct ActionRunDocument: Codable, Sendable, Equatable {
    public let id: Int64
    public let step: Int
    public let action: String
    public let actor: String
    public let state: String
    public let exitStatus: Int?
    public let httpStatus: Int?
    public let output: String?
    public let durationMs: Int?
    public let startedAt: String

    enum CodingKeys: String, CodingKey {
        case id, step, action, actor, state, output
        case exitStatus = "exit_status"
        case httpStatus = "http_status"
        case durationMs = "duration_ms"
        case startedAt = "started_at"
    }

    /// The document of `run`.
    public init(_ run: ActionRun) {
        id = run.id
        step = run.step
        action = run.action.rawValue
        actor = run.actor
        state = run.state.rawValue
        exitStatus = run.exitStatus
        httpStatus = run.httpStatus
        output = run.output
        durationMs = run.duration.map { Int(($0 * 1000).rounded()) }
        startedAt = ISO8601Text.formatMilliseconds(run.startedAt, in: .gmt)
    }
}

/// A run book step as an incident's checklist shows it.
public struct ChecklistStepDocument: Codable, Sendable, Equatable {
    public let step: Int
    public let text: String
    public let state: String
    public let by: String?
    public let at: String?
    public let note: String?
    public let checks: [String]
    /// The latest result of each check the step names that has run.
    public let checkResults: [CheckResultDocument]
    public let showsRuns: Bool
    public let escalate: String?
    public let notify: [String]
    public let action: String?

    enum CodingKeys: String, CodingKey {
        case step, text, state, by, at, note, checks, escalate, notify, action
        case showsRuns = "show_runs"
        case checkResults = "check_results"
    }

    /// The document of step `number`, with its mark if any and the latest results of its checks.
    public init(number: Int, step: RunbookStep, mark: RunbookStepMark?, results: [CheckID: CheckResult] = [:]) {
        self.step = number
        text = step.text
        state = mark?.state.rawValue ?? "open"
        by = mark?.actor
        at = mark.map { ISO8601Text.formatMilliseconds($0.at, in: .gmt) }
        note = mark?.note
        checks = step.checks.map(\.rawValue)
        checkResults = step.checks.compactMap { results[$0] }.map(CheckResultDocument.init)
        showsRuns = step.showsRuns
        escalate = step.escalation.map { "\($0)" }
        notify = step.notifications.map { "\($0)" }
        action = step.action?.rawValue
    }
}
