import Foundation
import PipewatchCore
import Yams

/// Reads one entry of `pipelines:`.
enum PipelineSection {
    static let keys = [
        "name", "owners", "metric_owner", "audience", "upstream", "deliver_by", "stakeholders", "jobs", "inputs",
        "runbook", "checks", "severity", "auto_resolve", "escalation", "notice_before", "source",
    ]

    /// A pipeline as read, with the places later checks point at.
    struct Reading {
        let pipeline: Pipeline
        /// Where the whole entry was written.
        let site: YAMLValue
        /// Where each `upstream` entry was written, in order.
        let upstreamSites: [YAMLValue]
        /// Where `audience` was written, if it was.
        let audienceSite: YAMLValue?
        /// Whether `owners` names a secondary (even one that failed to resolve).
        let declaresSecondary: Bool
    }

    static func pipeline(id: String, _ value: YAMLValue, context: ReadingContext) -> Reading? {
        let log = context.log
        guard let fields = MappingReader(value, allowed: keys, log: log) else { return nil }
        let name = fields.required("name", log: log)?.string(log)
        let owners = fields.required(
            "owners",
            log: log,
            hint: "give 'owners: { primary: ENGINEER, secondary: ENGINEER }'"
        )
        .flatMap { Self.owners($0, context: context) }
        let metricOwner = fields["metric_owner"].flatMap { context.stakeholder($0) }
        let audiences = Dictionary(uniqueKeysWithValues: Audience.allCases.map { ($0.rawValue, $0) })
        let audience: Audience? = fields["audience"].map { context.choice($0, "audience", audiences) } ?? .internal
        let upstreamValues = fields["upstream"]?.list(log) ?? []
        let upstream = upstreamValues.compactMap { context.pipeline($0) }
        let deliverBy = fields["deliver_by"].flatMap { Self.deadline($0, context: context) }
        let stakeholders = (fields["stakeholders"]?.list(log) ?? []).compactMap { context.stakeholder($0) }
        let jobs = (fields["jobs"]?.list(log) ?? []).compactMap { Self.job($0, log: log) }
        let inputs = (fields["inputs"]?.list(log) ?? []).compactMap { Self.input($0, log: log) }
        let checks = fields["checks"].map { CheckSection.checks($0, context: context) } ?? []
        let source = fields["source"].flatMap { context.source($0) }
        let runbook = fields["runbook"].map {
            RunbookSection.runbook($0, checkIDs: checks.map(\.id.rawValue), context: context)
        }
        let severities = Dictionary(uniqueKeysWithValues: Severity.allCases.map { ($0.rawValue, $0) })
        let severity = fields["severity"].flatMap { context.choice($0, "severity", severities) }
        let autoResolve = fields["auto_resolve"].flatMap { $0.bool(log) } ?? true
        let escalation = fields["escalation"].flatMap { EscalationSection.policy($0, context: context) }
        let noticeBefore = fields["notice_before"]?.positiveDuration(log)
        if let noticeValue = fields["notice_before"], fields["deliver_by"] == nil {
            noticeValue.warning(
                "'notice_before' has no effect without 'deliver_by'",
                hint: "it is how long before the deadline stakeholders hear that delivery is at risk",
                in: log
            )
        }
        guard let name, let owners, let audience else { return nil }
        let pipeline = Pipeline(
            id: PipelineID(id),
            name: name,
            owners: owners,
            metricOwner: metricOwner,
            audience: audience,
            upstream: upstream,
            deliverBy: deliverBy,
            stakeholders: stakeholders,
            jobs: jobs,
            inputs: inputs,
            runbook: runbook ?? Runbook(steps: []),
            checks: checks,
            source: source,
            severityOverride: severity,
            autoResolve: autoResolve,
            escalation: escalation,
            noticeBefore: noticeBefore
        )
        let declaresSecondary = fields["owners"]?.node.mapping?["secondary"] != nil
        return Reading(
            pipeline: pipeline,
            site: value,
            upstreamSites: upstreamValues,
            audienceSite: fields["audience"],
            declaresSecondary: declaresSecondary
        )
    }

    private static func owners(_ value: YAMLValue, context: ReadingContext) -> PipelineOwners? {
        let log = context.log
        guard let fields = MappingReader(value, allowed: ["primary", "secondary"], log: log) else { return nil }
        let primary = fields.required("primary", log: log).flatMap { context.engineer($0) }
        let secondaryValue = fields["secondary"]
        let secondary = secondaryValue.flatMap { context.engineer($0) }
        guard let primary else { return nil }
        if let secondaryValue, secondary == primary {
            secondaryValue.error(
                "primary and secondary owner are both '\(primary)'",
                hint: "choose another engineer as secondary owner, so the pipeline has a backup",
                in: log
            )
        }
        return PipelineOwners(primary: primary, secondary: secondary)
    }

    /// `HH:MM`, optionally followed by an IANA zone; the team's zone otherwise.
    private static func deadline(_ value: YAMLValue, context: ReadingContext) -> DeliveryDeadline? {
        let log = context.log
        guard let text = value.string(log) else { return nil }
        let parts = text.split(separator: " ", omittingEmptySubsequences: true)
        guard (1...2).contains(parts.count), let time = TimeOfDay(parsing: parts[0]) else {
            value.error(
                "expected a time 'HH:MM' with an optional time zone, found '\(text)'",
                hint: "for example '09:00' or '09:00 America/New_York'",
                in: log
            )
            return nil
        }
        if parts.count == 2 {
            let zoneName = String(parts[1])
            guard let zone = YAMLValue.ianaZone(zoneName) else {
                value.error("unknown time zone '\(zoneName)'", hint: YAMLValue.zoneHint(zoneName), in: log)
                return nil
            }
            return DeliveryDeadline(time: time, timeZone: zone)
        }
        guard let zone = context.teamTimeZone else { return nil }
        return DeliveryDeadline(time: time, timeZone: zone)
    }

    /// `{ namespace, name }` for an OpenLineage job, or `{ dbt: model.project.name }`; `max_duration` optional.
    private static func job(_ value: YAMLValue, log: DiagnosticLog) -> PipelineJob? {
        let allowed = ["namespace", "name", "dbt", "max_duration"]
        guard let fields = MappingReader(value, allowed: allowed, log: log) else { return nil }
        let maxDuration = fields["max_duration"]?.duration(log)
        if let dbt = fields["dbt"] {
            if fields["name"] != nil || fields["namespace"] != nil {
                value.error("a job is either '{ namespace, name }' or '{ dbt }', not both", in: log)
            }
            return dbt.string(log).map { PipelineJob(.dbt(uniqueID: $0), maxDuration: maxDuration) }
        }
        let hint =
            "give an OpenLineage job as '{ namespace: airflow, name: my_job }' or a dbt node as '{ dbt: model.shop.orders }'"
        let namespace = fields.required("namespace", log: log, hint: hint)?.string(log)
        let name = fields.required("name", log: log, hint: hint)?.string(log)
        guard let namespace, let name else { return nil }
        return PipelineJob(.openLineage(namespace: namespace, name: name), maxDuration: maxDuration)
    }

    /// `{ name, max_age }` with an optional `namespace`: an input dataset that must stay fresh.
    private static func input(_ value: YAMLValue, log: DiagnosticLog) -> InputExpectation? {
        guard let fields = MappingReader(value, allowed: ["namespace", "name", "max_age"], log: log) else { return nil }
        let namespace = fields["namespace"]?.string(log)
        let name = fields.required("name", log: log, hint: "the dataset's name as OpenLineage reports it")?.string(log)
        let maxAge = fields.required("max_age", log: log, hint: "how old its last update may be, e.g. '6h'")?.duration(
            log
        )
        guard let name, let maxAge else { return nil }
        return InputExpectation(namespace: namespace, name: name, maxAge: maxAge)
    }
}
