public import Foundation
public import PipewatchCore

/// Reads `pipewatch.yaml` and the files it includes into a ``TeamPlan``, collecting every problem.
public enum ConfigLoader {
    /// Reads and validates the config at `url`.
    /// - Parameters:
    ///   - url: the root config file.
    ///   - currentDirectory: messages show paths relative to it.
    /// - Returns: the plan (when there are no errors) and every finding.
    public static func check(_ url: URL, currentDirectory: URL) -> ConfigReport {
        let log = DiagnosticLog()
        let files = ConfigFiles(root: url, currentDirectory: currentDirectory, log: log)
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
    public static func load(_ url: URL, currentDirectory: URL) throws(ConfigErrors) -> (TeamPlan, [Diagnostic]) {
        let report = check(url, currentDirectory: currentDirectory)
        guard let plan = report.plan else { throw ConfigErrors(diagnostics: report.diagnostics) }
        return (plan, report.warnings)
    }

    private static func assemble(_ files: ConfigFiles, currentDirectory: URL, log: DiagnosticLog) -> TeamPlan? {
        let root = files.documents[0]
        let teamValue = single("team", in: files, log: log)
        let team = teamValue.flatMap { TeamSection.team($0, log: log) }
        if teamValue == nil {
            root.value.error(
                "missing key 'team'",
                hint: "start with 'team: { name: …, timezone: America/New_York }'",
                in: log
            )
        }
        let engineerEntries = entries("engineers", kind: "engineer", in: files, log: log)
        let stakeholderEntries = entries("stakeholders", kind: "stakeholder", in: files, log: log)
        let pipelineEntries = entries("pipelines", kind: "pipeline", in: files, log: log)
        let context = ReadingContext(
            log: log,
            engineerIDs: engineerEntries.map(\.id),
            stakeholderIDs: stakeholderEntries.map(\.id),
            pipelineIDs: pipelineEntries.map(\.id),
            teamTimeZone: team?.timeZone
        )
        let engineers = engineerEntries.compactMap { TeamSection.engineer(id: $0.id, $0.value, context: context) }
        let stakeholders = stakeholderEntries.compactMap { TeamSection.stakeholder(id: $0.id, $0.value, log: log) }
        let pipelines = pipelineEntries.compactMap { PipelineSection.pipeline(id: $0.id, $0.value, context: context) }
        let oncallValue = single("oncall", in: files, log: log)
        let oncall = oncallValue.flatMap { OncallSection.policy($0, context: context) }
        let escalation = single("escalation", in: files, log: log).flatMap {
            EscalationSection.policy($0, context: context)
        }
        let api = single("api", in: files, log: log).flatMap { APISection.access($0, context: context) }
        let calendars = entries("calendars", kind: "calendar", in: files, log: log).compactMap {
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
            api: api ?? APIAccess()
        )
    }

    /// A section that may appear in one file only.
    private static func single(_ key: String, in files: ConfigFiles, log: DiagnosticLog) -> YAMLValue? {
        let found = files.documents.compactMap { document in
            document.entries.first { $0.key == key }
        }
        for duplicate in found.dropFirst() {
            duplicate.keyValue.error(
                "'\(key)' is already given in another file",
                hint: "first given at \(found[0].keyValue.location); give it once",
                in: log
            )
        }
        return found.first?.value
    }

    /// The entries of a section that included files extend, with ids unique across files.
    private static func entries(
        _ key: String,
        kind: String,
        in files: ConfigFiles,
        log: DiagnosticLog
    ) -> [(id: String, value: YAMLValue)] {
        var seen: [String: SourceLocation] = [:]
        var result: [(id: String, value: YAMLValue)] = []
        for document in files.documents {
            guard let section = document[key],
                let mapping = MappingReader(section, allowed: nil, idKind: kind, log: log)
            else {
                continue
            }
            for entry in mapping.entries {
                if let first = seen[entry.key] {
                    entry.keyValue.error(
                        "duplicate \(kind) id '\(entry.key)'",
                        hint: "first given at \(first)",
                        in: log
                    )
                    continue
                }
                seen[entry.key] = entry.keyValue.location
                result.append((entry.key, entry.value))
            }
        }
        return result
    }
}
