public import Foundation
public import PipewatchCore

/// Reads `pipewatch.yaml` and the files it includes into a ``TeamPlan``, collecting every problem.
public enum ConfigLoader {
    /// Reads and validates the config at `url`.
    /// - Parameters:
    ///   - url: the root config file.
    ///   - currentDirectory: messages show paths relative to it.
    ///   - allowedIncludeFolders: Folders outside the root config's own tree that `include:` may
    ///     read from.
    /// - Returns: the plan (when there are no errors) and every finding.
    public static func check(_ url: URL, currentDirectory: URL, allowedIncludeFolders: [URL] = []) -> ConfigReport {
        let log = DiagnosticLog()
        let files = ConfigFiles(
            root: url,
            currentDirectory: currentDirectory,
            allowedIncludeFolders: allowedIncludeFolders,
            log: log
        )
        let plan = files.documents.isEmpty ? nil : assemble(files, currentDirectory: currentDirectory, log: log)
        let diagnostics = log.sorted(fileOrder: files.displayPaths)
        let oncall = files.documents.lazy.compactMap { $0.entries.first { $0.key == "oncall" } }.first
        return ConfigReport(
            plan: log.hasErrors ? nil : plan,
            diagnostics: diagnostics,
            files: files.displayPaths,
            oncallLocation: oncall?.keyValue.location
        )
    }

    /// Reads the config at `url` for a command that needs a valid plan.
    /// - Returns: the plan and its warnings.
    /// - Throws: ``ConfigErrors`` with every finding when there is any error.
    public static func load(
        _ url: URL,
        currentDirectory: URL,
        allowedIncludeFolders: [URL] = []
    ) throws(ConfigErrors) -> (TeamPlan, [Diagnostic]) {
        let report = check(url, currentDirectory: currentDirectory, allowedIncludeFolders: allowedIncludeFolders)
        guard let plan = report.plan else { throw ConfigErrors(diagnostics: report.diagnostics) }
        return (plan, report.warnings)
    }

    private static func assemble(_ files: ConfigFiles, currentDirectory: URL, log: DiagnosticLog) -> TeamPlan? {
        let root = files.documents[0]
        let smtpValue = files.single("smtp", log: log)
        let teamValue = files.single("team", log: log)
        let team = teamValue.flatMap { TeamSection.team($0, smtpConfigured: smtpValue != nil, log: log) }
        if teamValue == nil {
            root.value.error(
                "missing key 'team'",
                hint: "start with 'team: { name: …, timezone: America/New_York }'",
                in: log
            )
        }
        let engineerEntries = files.entries("engineers", kind: "engineer", log: log)
        let stakeholderEntries = files.entries("stakeholders", kind: "stakeholder", log: log)
        let pipelineEntries = files.entries("pipelines", kind: "pipeline", log: log)
        let actionEntries = files.entries("actions", kind: "action", log: log)
        let sourceEntries = files.entries("sources", kind: "source", log: log)
        var context = ReadingContext(
            log: log,
            engineerIDs: engineerEntries.map(\.id),
            stakeholderIDs: stakeholderEntries.map(\.id),
            pipelineIDs: pipelineEntries.map(\.id),
            actionIDs: actionEntries.map(\.id),
            sourceIDs: sourceEntries.map(\.id),
            teamTimeZone: team?.timeZone,
            mayRead: files.mayInclude
        )
        context.smtpConfigured = smtpValue != nil
        let smtp = smtpValue.flatMap {
            SMTPSection.settings($0, context: context, currentDirectory: currentDirectory)
        }
        let engineers = engineerEntries.compactMap { TeamSection.engineer(id: $0.id, $0.value, context: context) }
        let stakeholders = stakeholderEntries.compactMap {
            TeamSection.stakeholder(id: $0.id, $0.value, smtpConfigured: smtpValue != nil, log: log)
        }
        let pipelines = pipelineEntries.compactMap { PipelineSection.pipeline(id: $0.id, $0.value, context: context) }
        let actions = actionEntries.compactMap { ActionSection.action(id: $0.id, $0.value, context: context) }
        let sources = sourceEntries.compactMap {
            SourceSection.source(id: $0.id, $0.value, context: context, currentDirectory: currentDirectory)
        }
        if let site = teamValue.flatMap({ MappingReader($0, allowed: nil, log: DiagnosticLog()) })?["source"] {
            _ = context.source(site)
        }
        let oncallValue = files.single("oncall", log: log)
        let oncall = oncallValue.flatMap { OncallSection.policy($0, context: context) }
        let escalation = files.single("escalation", log: log).flatMap {
            EscalationSection.policy($0, context: context)
        }
        let api = files.single("api", log: log).flatMap { APISection.access($0, context: context) }
        let incidentsValue = files.single("incidents", log: log)
        let incidents =
            incidentsValue.map { IncidentSection.settings($0, publicURL: api?.publicURL, log: log) }
            ?? IncidentSettings(publicURL: api?.publicURL)
        let alerts = files.single("alerts", log: log).map { AlertSection.settings($0, context: context) }
        let review = files.single("review", log: log).flatMap { ReviewSection.schedule($0, context: context) }
        let calendars = files.entries("calendars", kind: "calendar", log: log).compactMap {
            CalendarSection.assignment(id: $0.id, $0.value, context: context, currentDirectory: currentDirectory)
        }
        if engineerEntries.isEmpty {
            root.value.error("no engineers are declared", hint: "add 'engineers:' with at least one engineer", in: log)
        }
        PlanValidator(log: log).validate(
            pipelines: pipelines,
            engineers: engineers,
            oncall: oncall,
            oncallSite: oncallValue
        )
        CheckValidator(log: log).validate(pipelines: pipelines, team: team, sources: sources)
        ContactValidator(log: log).validate(
            team: team,
            engineers: engineers,
            stakeholders: stakeholders,
            pipelines: pipelines.map(\.pipeline),
            escalation: escalation ?? .standard,
            oncall: oncall,
            engineerSites: Dictionary(engineerEntries.map { (EngineerID($0.id), $0.value) }) { first, _ in first },
            stakeholderSites: Dictionary(stakeholderEntries.map { (StakeholderID($0.id), $0.value) }) { first, _ in
                first
            }
        )
        let everyContact = (team?.contacts ?? []) + engineers.flatMap(\.contacts) + stakeholders.flatMap(\.contacts)
        if let smtpValue, let smtp, smtp.from == nil, everyContact.contains(where: { $0.channel == .email }) {
            smtpValue.error(
                "missing key 'from'",
                hint: "email contacts need a sender: add 'from: pipewatch@example.com'",
                in: log
            )
        }
        guard let team else { return nil }
        let catalog = Catalog(
            team: team,
            engineers: engineers,
            stakeholders: stakeholders,
            pipelines: pipelines.map(\.pipeline)
        )
        return TeamPlan(
            catalog: catalog,
            oncall: oncall,
            escalation: escalation ?? .standard,
            calendars: calendars,
            api: api?.access ?? APIAccess(),
            incidents: incidents,
            actions: actions,
            sources: sources,
            alerts: alerts ?? AlertIntakeSettings(),
            smtp: smtp,
            review: review
        )
    }
}
