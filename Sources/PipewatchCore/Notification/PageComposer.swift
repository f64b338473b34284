public import Foundation

/// Writes pages for the engineer on the receiving end, often at 3 a.m.: what broke, where,
/// since when (in their own time), the evidence, the run book's first step, and how to acknowledge.
public struct PageComposer: Sendable {
    public let plan: TeamPlan

    /// Creates a composer over the team's plan.
    public init(plan: TeamPlan) {
        self.plan = plan
    }

    /// The page for `engineer` about `incident`.
    ///
    /// - Parameters:
    ///   - incident: The incident.
    ///   - engineer: Who is paged.
    ///   - why: Why this person (`you are on call`, `on call did not acknowledge within 15m`).
    ///   - evidence: The facts of the signal that opened it.
    /// - Returns: The message.
    public func page(
        _ incident: Incident,
        to engineer: Engineer,
        why: String,
        evidence: [String: String]
    ) -> NotificationMessage {
        page(incident, timeZone: engineer.timeZone, acknowledgeAs: engineer.id, why: why, evidence: evidence)
    }

    /// The page about `incident` for a reader in `timeZone` (the team's channel, for one).
    ///
    /// - Parameters:
    ///   - incident: The incident.
    ///   - timeZone: The zone times are shown in.
    ///   - acknowledgeAs: The engineer the acknowledge command names, when the page is for one.
    ///   - why: Why this reader.
    ///   - evidence: The facts of the signal that opened it.
    /// - Returns: The message.
    public func page(
        _ incident: Incident,
        timeZone: TimeZone,
        acknowledgeAs: EngineerID?,
        why: String,
        evidence: [String: String]
    ) -> NotificationMessage {
        let pipeline = plan.catalog.pipeline(incident.pipeline)
        let name = pipeline.map { "\($0.name) (\($0.id))" } ?? incident.pipeline.rawValue
        let since = ISO8601Text.format(incident.openedAt, in: timeZone)
        var lines = [
            "\(incident.severity.rawValue.uppercased()) \(incident.reference) on \(name)",
            "What broke: \(incident.title)",
            "Since: \(since) (your time, \(timeZone.identifier))",
            "Why you: \(why)",
        ]
        if incident.count > 1 { lines.append("Seen: \(incident.count) times") }
        if !evidence.isEmpty {
            lines.append("Evidence:")
            lines += evidence.keys.sorted().map { "  \($0): \(evidence[$0] ?? "")" }
        }
        if let first = pipeline?.runbook.steps.first {
            lines.append("Run book, step 1: \(first.text)")
        } else {
            lines.append("Run book: none for this pipeline")
        }
        let ack = acknowledgeInstructions(incident, as: acknowledgeAs)
        lines.append("Acknowledge: \(ack.text)")
        var fields = evidence
        fields["since"] = ISO8601Text.format(incident.openedAt, in: .gmt)
        fields["why"] = why
        fields["acknowledge"] = ack.command
        if let url = ack.url { fields["acknowledge_url"] = url }
        if let first = pipeline?.runbook.steps.first { fields["runbook_step_1"] = first.text }
        return NotificationMessage(
            kind: "page",
            title: "[\(incident.severity.rawValue)] \(incident.reference) \(incident.pipeline): \(incident.title)",
            text: lines.joined(separator: "\n"),
            incidentID: incident.id,
            pipeline: incident.pipeline.rawValue,
            severity: incident.severity.rawValue,
            fields: fields
        )
    }

    /// The notice to the whole team when the policy found nobody to page.
    ///
    /// - Parameters:
    ///   - incident: The incident.
    ///   - skipped: Why each step paged nobody.
    /// - Returns: The message.
    public func unreachable(_ incident: Incident, skipped: [String]) -> NotificationMessage {
        let ack = acknowledgeInstructions(incident, as: nil)
        var lines = [
            "\(incident.severity.rawValue.uppercased()) \(incident.reference) on \(incident.pipeline): nobody could be paged",
            "What broke: \(incident.title)",
            "Since: \(ISO8601Text.format(incident.openedAt, in: plan.catalog.team.timeZone))",
            "Nobody in the escalation policy could be reached:",
        ]
        lines += skipped.map { "  - \($0)" }
        lines.append("Acknowledge: \(ack.text)")
        return NotificationMessage(
            kind: "team_notice",
            title: "[\(incident.severity.rawValue)] \(incident.reference) \(incident.pipeline): nobody could be paged",
            text: lines.joined(separator: "\n"),
            incidentID: incident.id,
            pipeline: incident.pipeline.rawValue,
            severity: incident.severity.rawValue,
            fields: ["acknowledge": ack.command]
        )
    }

    /// How to acknowledge: the command, and the API address when the server's public URL is known.
    func acknowledgeInstructions(
        _ incident: Incident,
        as engineer: EngineerID?
    ) -> (text: String, command: String, url: String?) {
        let command = "pipewatch incident ack \(incident.id) --as \(engineer?.rawValue ?? "YOU")"
        guard let base = plan.incidents.publicURL else { return (command, command, nil) }
        let trimmed = base.hasSuffix("/") ? String(base.dropLast()) : base
        let url = "\(trimmed)/api/v1/incidents/\(incident.id)/ack"
        return ("\(command), or POST \(url)", command, url)
    }
}
