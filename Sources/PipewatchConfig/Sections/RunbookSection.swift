import PipewatchCore

/// Reads a pipeline's `runbook:`: a list of steps.
enum RunbookSection {
    static let stepKeys = ["step", "checks", "show_runs", "escalate", "notify", "action"]

    static func runbook(_ value: YAMLValue, checkIDs: [String], context: ReadingContext) -> Runbook {
        guard let items = value.list(context.log) else { return Runbook(steps: []) }
        return Runbook(steps: items.compactMap { step($0, checkIDs: checkIDs, context: context) })
    }

    private static func step(_ value: YAMLValue, checkIDs: [String], context: ReadingContext) -> RunbookStep? {
        let log = context.log
        guard let fields = MappingReader(value, allowed: stepKeys, log: log) else { return nil }
        let text = fields.required("step", log: log, hint: "say what to do, e.g. 'step: Validate ETL job logs'")?
            .string(log)
        let checks = (fields["checks"]?.strings(log) ?? []).compactMap { id, site -> CheckID? in
            guard checkIDs.contains(id) else {
                site.error(
                    "unknown check '\(id)'",
                    hint: Suggestion.didYouMean(id, in: checkIDs) ?? "declare it under this pipeline's 'checks:'",
                    in: log
                )
                return nil
            }
            return CheckID(id)
        }
        let showsRuns = fields["show_runs"]?.bool(log) ?? false
        let escalation = fields["escalate"].flatMap { escalationTarget($0, context: context) }
        let notifications = (fields["notify"]?.list(log) ?? []).compactMap { notificationTarget($0, context: context) }
        let action = fields["action"].flatMap { context.action($0) }
        guard let text else { return nil }
        return RunbookStep(
            text: text,
            checks: checks,
            showsRuns: showsRuns,
            escalation: escalation,
            notifications: notifications,
            action: action
        )
    }

    /// `oncall`, `primary`, `secondary` (or `primary_owner`, `secondary_owner`), or an engineer id.
    static func escalationTarget(_ value: YAMLValue, context: ReadingContext) -> EscalationTarget? {
        guard let text = value.string(context.log) else { return nil }
        if let role = EscalationTarget.roleWords[text] { return role }
        if context.engineerIDs.contains(text) { return .engineer(EngineerID(text)) }
        let candidates = EscalationTarget.roleWords.keys.sorted() + context.engineerIDs
        value.error(
            "unknown escalation target '\(text)'",
            hint: Suggestion.didYouMean(text, in: candidates)
                ?? "use oncall, primary_owner, secondary_owner or an engineer id",
            in: context.log
        )
        return nil
    }

    /// `stakeholders`, `owners`, `team`, `oncall`, or a stakeholder id.
    static func notificationTarget(_ value: YAMLValue, context: ReadingContext) -> NotificationTarget? {
        guard let text = value.string(context.log) else { return nil }
        if let group = NotificationTarget.groupWords[text] { return group }
        if context.stakeholderIDs.contains(text) { return .stakeholder(StakeholderID(text)) }
        let candidates = NotificationTarget.groupWords.keys.sorted() + context.stakeholderIDs
        value.error(
            "unknown notification target '\(text)'",
            hint: Suggestion.didYouMean(text, in: candidates)
                ?? "use stakeholders, owners, team, oncall or a stakeholder id",
            in: context.log
        )
        return nil
    }
}
