import Foundation
import PipewatchCore

/// `/pipelines/{id}`: who owns the pipeline and who depends on it, its run book with the live
/// result of each step's checks, its runs as a chart, its open signals and its check history.
struct PipelinePage: Sendable {
    struct Link: Sendable {
        let name: String
        let href: String
    }

    struct CheckState: Sendable {
        let id: String
        let state: String
        let message: String
        let since: String
    }

    struct Step: Sendable {
        let number: Int
        let text: String
        let checks: [CheckState]
        let unchecked: [String]
        let action: String?
        let escalate: String?
    }

    struct RunRow: Sendable {
        let state: String
        let job: String
        let started: String
        let took: String
        let error: String?
    }

    struct SignalRow: Sendable {
        let kind: String
        let summary: String
        let opened: String
    }

    struct CheckRow: Sendable {
        let id: String
        let description: String?
        let latest: String
        let history: [CheckState]
    }

    let chrome: DashboardChrome
    let id: String
    let name: String
    let audience: String
    let severity: String
    let health: String
    let healthDetail: String
    let primary: String
    let secondary: String?
    let metricOwner: String?
    let stakeholders: [String]
    let upstream: [Link]
    let downstream: [Link]
    let deliverBy: String?
    let steps: [Step]
    let hasSteps: Bool
    let chart: DurationChart
    let runs: [RunRow]
    let signals: [SignalRow]
    let hasSignals: Bool
    let checks: [CheckRow]
    let hasChecks: Bool
    let incidentsHref: String

    struct Inputs: Sendable {
        var now: Date
        var runs: [Run]
        var signals: [Signal]
        var latest: [CheckID: CheckResult]
        var history: [CheckID: [CheckResult]]
        var hasEvidence: Bool
    }

    init(chrome: DashboardChrome, pipeline: Pipeline, plan: TeamPlan, inputs: Inputs) {
        let catalog = plan.catalog
        let time = DashboardTime(catalog.team.timeZone)
        let now = inputs.now
        let engineer = { (id: EngineerID) in catalog.engineer(id)?.name ?? id.rawValue }
        let stakeholder = { (id: StakeholderID) in catalog.stakeholder(id)?.name ?? id.rawValue }
        let link = { (id: PipelineID) in
            Link(
                name: catalog.pipeline(id)?.name ?? id.rawValue,
                href: "/pipelines/\(DashboardForm.percentEncode(id.rawValue))"
            )
        }
        let state = { (result: CheckResult) in
            CheckState(
                id: result.check.rawValue,
                state: result.state.rawValue,
                message: result.message,
                since: "\(time.dayAndClock(result.startedAt)) (\(DashboardTime.relative(result.startedAt, to: now)))"
            )
        }
        self.chrome = chrome
        id = pipeline.id.rawValue
        name = pipeline.name
        audience = pipeline.audience.rawValue
        severity = pipeline.severity.rawValue
        let document = PipelineDocument(pipeline, signals: inputs.signals, hasEvidence: inputs.hasEvidence)
        health = document.health
        healthDetail = document.healthDetail
        primary = engineer(pipeline.owners.primary)
        secondary = pipeline.owners.secondary.map(engineer)
        metricOwner = pipeline.metricOwner.map(stakeholder)
        stakeholders = pipeline.stakeholders.map(stakeholder)
        upstream = pipeline.upstream.map(link)
        downstream = catalog.pipelines.filter { $0.upstream.contains(pipeline.id) }.map { link($0.id) }
        deliverBy = pipeline.deliverBy.map { OverviewPage.nextDeadline($0, after: now) }
        steps = pipeline.runbook.steps.enumerated().map { index, step in
            Step(
                number: index + 1,
                text: step.text,
                checks: step.checks.compactMap { inputs.latest[$0] }.map(state),
                unchecked: step.checks.filter { inputs.latest[$0] == nil }.map(\.rawValue),
                action: step.action?.rawValue,
                escalate: step.escalation.map { "\($0)" }
            )
        }
        hasSteps = !steps.isEmpty
        chart = DurationChart(runs: inputs.runs, now: now, time: time)
        runs = inputs.runs.prefix(10).map { run in
            RunRow(
                state: run.state.rawValue,
                job: "\(run.job.namespace)/\(run.job.name)",
                started: time.dayAndClock(run.startedAt),
                took: DashboardTime.span(run.duration(at: now)),
                error: run.errorMessage
            )
        }
        signals = inputs.signals.map {
            SignalRow(kind: $0.kind.rawValue, summary: $0.summary, opened: DashboardTime.relative($0.openedAt, to: now))
        }
        hasSignals = !signals.isEmpty
        checks = pipeline.checks.map { check in
            CheckRow(
                id: check.id.rawValue,
                description: check.description,
                latest: inputs.latest[check.id]?.state.rawValue ?? "not run yet",
                history: (inputs.history[check.id] ?? []).map(state)
            )
        }
        hasChecks = !checks.isEmpty
        incidentsHref = "/incidents?pipeline=\(DashboardForm.percentEncode(pipeline.id.rawValue))&state=all"
    }
}
