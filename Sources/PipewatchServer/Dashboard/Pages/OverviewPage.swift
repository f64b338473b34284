import Foundation
import PipewatchCore

/// The overview at `/`: who is on call now and next (with their local time and why), the open
/// incidents by severity, and the health of every pipeline.
struct OverviewPage: Sendable {
    struct OnCall: Sendable {
        let label: String
        let name: String?
        let localTime: String?
        let zone: String?
        let reason: String
        let why: String
        let from: String
        let until: String
        let gap: Bool
    }

    struct IncidentRow: Sendable {
        let reference: String
        let href: String
        let title: String
        let pipeline: String
        let state: String
        let acknowledged: Bool
        let opened: String
        let openedMachine: String
    }

    struct SeverityGroup: Sendable {
        let severity: String
        let count: Int
        let incidents: [IncidentRow]
    }

    struct HealthRow: Sendable {
        let id: String
        let href: String
        let name: String
        let health: String
        let healthDetail: String
        let lastRun: String?
        let lastRunState: String?
        let openSignals: Int
        let hasSignals: Bool
        let failingChecks: Int
        let hasFailingChecks: Bool
        let nextDeadline: String?
        let owners: String
    }

    struct Tally: Sendable {
        let label: String
        let count: Int
    }

    let chrome: DashboardChrome
    let teamName: String
    let onCall: [OnCall]
    let noRotation: Bool
    let severities: [SeverityGroup]
    let noIncidents: Bool
    let pipelines: [HealthRow]
    let tallies: [Tally]

    /// What the page needs, read from the store and the schedule by the controller.
    struct Inputs: Sendable {
        var now: Date
        var current: Schedule.Coverage?
        var next: Schedule.Coverage?
        var openIncidents: [Incident]
        var signals: [Signal]
        var checkResults: [CheckResult]
        var latestRuns: [PipelineID: Run]
        var withEvidence: Set<PipelineID>
    }

    init(chrome: DashboardChrome, plan: TeamPlan, inputs: Inputs) {
        let catalog = plan.catalog
        let team = DashboardTime(catalog.team.timeZone)
        let now = inputs.now
        self.chrome = chrome
        teamName = catalog.team.name
        noRotation = plan.oncall == nil
        onCall = [("On call now", inputs.current), ("Next", inputs.next)].compactMap { label, coverage in
            coverage.flatMap { Self.onCall(label, $0, catalog: catalog, team: team, now: now) }
        }

        let names = Dictionary(catalog.engineers.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let bySeverity = Dictionary(grouping: inputs.openIncidents, by: \.severity)
        severities = Severity.allCases.sorted().compactMap { severity in
            guard let incidents = bySeverity[severity], !incidents.isEmpty else { return nil }
            let rows = incidents.sorted { $0.openedAt > $1.openedAt }.map { incident in
                IncidentRow(
                    reference: incident.reference,
                    href: "/incidents/\(incident.id)",
                    title: incident.title,
                    pipeline: catalog.pipeline(incident.pipeline)?.name ?? incident.pipeline.rawValue,
                    state: incident.state.rawValue,
                    acknowledged: incident.state == .acknowledged,
                    opened: DashboardTime.relative(incident.openedAt, to: now),
                    openedMachine: DashboardTime.machine(incident.openedAt)
                )
            }
            return SeverityGroup(severity: severity.rawValue, count: rows.count, incidents: rows)
        }
        noIncidents = severities.isEmpty

        let signalsByPipeline = Dictionary(grouping: inputs.signals, by: \.pipeline)
        var failing: [PipelineID: Int] = [:]
        for result in inputs.checkResults where result.state.isProblem { failing[result.pipeline, default: 0] += 1 }
        var counts: [String: Int] = [:]
        var deadlines: [String: String] = [:]
        pipelines = catalog.pipelines.map { pipeline in
            let signals = signalsByPipeline[pipeline.id] ?? []
            let health = PipelineDocument(
                pipeline,
                signals: signals,
                hasEvidence: inputs.withEvidence.contains(pipeline.id)
            )
            counts[health.health, default: 0] += 1
            let run = inputs.latestRuns[pipeline.id]
            let owners = [pipeline.owners.primary, pipeline.owners.secondary].compactMap { $0 }
                .map { names[$0] ?? $0.rawValue }.joined(separator: ", ")
            return HealthRow(
                id: pipeline.id.rawValue,
                href: "/pipelines/\(DashboardForm.percentEncode(pipeline.id.rawValue))",
                name: pipeline.name,
                health: health.health,
                healthDetail: health.healthDetail,
                lastRun: run.map { run in
                    let when = DashboardTime.relative(run.startedAt, to: now)
                    return run.endedAt == nil
                        ? "started \(when)" : "\(when), took \(DashboardTime.span(run.duration(at: now)))"
                },
                lastRunState: run?.state.rawValue,
                openSignals: signals.count,
                hasSignals: !signals.isEmpty,
                failingChecks: failing[pipeline.id] ?? 0,
                hasFailingChecks: (failing[pipeline.id] ?? 0) > 0,
                nextDeadline: pipeline.deliverBy.map { deadline in
                    // Pipelines share a few deadlines; the calendar search costs, so once each.
                    let key = "\(deadline.time) \(deadline.timeZone.identifier)"
                    if let known = deadlines[key] { return known }
                    let text = Self.nextDeadline(deadline, after: now)
                    deadlines[key] = text
                    return text
                },
                owners: owners
            )
        }
        tallies = ["failing", "degraded", "healthy", "unknown"].map { Tally(label: $0, count: counts[$0] ?? 0) }
    }

    private static func onCall(
        _ label: String,
        _ coverage: Schedule.Coverage,
        catalog: Catalog,
        team: DashboardTime,
        now: Date
    ) -> OnCall? {
        switch coverage {
        case .onCall(let shift):
            let engineer = catalog.engineer(shift.engineer)
            let local = engineer.map { DashboardTime($0.timeZone) }
            return OnCall(
                label: label,
                name: engineer?.name ?? shift.engineer.rawValue,
                localTime: local?.dayAndClock(now),
                zone: engineer?.timeZone.identifier,
                reason: shift.reason.rawValue,
                why: shift.explanation,
                from: team.dayAndClock(shift.start),
                until: team.dayAndClock(shift.end),
                gap: false
            )
        case .gap(let gap):
            return OnCall(
                label: label,
                name: nil,
                localTime: nil,
                zone: nil,
                reason: "gap",
                why: "nobody can be on call" + (gap.note.map { ": \($0)" } ?? ""),
                from: team.dayAndClock(gap.start),
                until: team.dayAndClock(gap.end),
                gap: true
            )
        case .outsideRange:
            return nil
        }
    }

    /// The next time the daily deadline falls, after `now`: `09:00 Europe/London, in 13 h`.
    static func nextDeadline(_ deadline: DeliveryDeadline, after now: Date) -> String {
        let time = DashboardTime(deadline.timeZone)
        var due = time.calendar.date(
            bySettingHour: deadline.time.hour,
            minute: deadline.time.minute,
            second: 0,
            of: now
        )
        if let today = due, today <= now { due = time.calendar.date(byAdding: .day, value: 1, to: today) }
        let when = due.map { DashboardTime.relative($0, to: now) } ?? ""
        return "\(deadline.time) \(deadline.timeZone.identifier), \(when)"
    }
}
