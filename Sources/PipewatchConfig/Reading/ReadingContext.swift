import Foundation
import PipewatchCore

/// What every section reader needs: the log, the ids declared anywhere in the config
/// (so references can be checked as they are read), and the team's time zone.
struct ReadingContext {
    let log: DiagnosticLog
    let engineerIDs: [String]
    let stakeholderIDs: [String]
    let pipelineIDs: [String]
    let actionIDs: [String]
    let sourceIDs: [String]
    let teamTimeZone: TimeZone?
    /// Whether a file the config names (a calendar) lies where the config may read.
    let mayRead: (URL) -> Bool
    /// Whether the config has `smtp:`, which `email` contacts need.
    var smtpConfigured = false

    /// A reference to a declared engineer, or `nil` after logging an unknown one.
    func engineer(_ value: YAMLValue) -> EngineerID? {
        reference(value, kind: "engineer", section: "engineers", known: engineerIDs).map { EngineerID($0) }
    }

    /// A reference to a declared stakeholder, or `nil` after logging an unknown one.
    func stakeholder(_ value: YAMLValue) -> StakeholderID? {
        reference(value, kind: "stakeholder", section: "stakeholders", known: stakeholderIDs).map { StakeholderID($0) }
    }

    /// A reference to a declared pipeline, or `nil` after logging an unknown one.
    func pipeline(_ value: YAMLValue) -> PipelineID? {
        reference(value, kind: "pipeline", section: "pipelines", known: pipelineIDs).map { PipelineID($0) }
    }

    /// A reference to a declared action, or `nil` after logging an unknown one.
    func action(_ value: YAMLValue) -> ActionID? {
        reference(value, kind: "action", section: "actions", known: actionIDs).map { ActionID($0) }
    }

    /// A reference to a declared data source, or `nil` after logging an unknown one.
    func source(_ value: YAMLValue) -> SourceID? {
        reference(value, kind: "source", section: "sources", known: sourceIDs).map { SourceID($0) }
    }

    private func reference(_ value: YAMLValue, kind: String, section: String, known: [String]) -> String? {
        guard let id = value.string(log) else { return nil }
        guard known.contains(id) else {
            value.error(
                "unknown \(kind) '\(id)'",
                hint: Suggestion.didYouMean(id, in: known) ?? "declare it under '\(section):'",
                in: log
            )
            return nil
        }
        return id
    }

    /// A value that must be one of `choices`, with a suggestion when it is not.
    func choice<T>(_ value: YAMLValue, _ what: String, _ choices: [String: T]) -> T? {
        guard let text = value.string(log) else { return nil }
        if let found = choices[text] { return found }
        let names = choices.keys.sorted()
        let suggestion = Suggestion.didYouMean(text, in: names).map { "\($0) " } ?? ""
        value.error(
            "unknown \(what) '\(text)'",
            hint: "\(suggestion)(one of \(names.joined(separator: ", ")))",
            in: log
        )
        return nil
    }
}
