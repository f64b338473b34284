import Foundation
import PipewatchCore

/// `/incidents`: incidents newest first, filtered by state and pipeline as the API's list is.
struct IncidentListPage: Sendable {
    struct Row: Sendable {
        let reference: String
        let href: String
        let title: String
        let pipeline: String
        let severity: String
        let state: String
        let opened: String
        let assignee: String?
    }

    struct Filter: Sendable {
        let label: String
        let href: String
        let current: Bool
    }

    let chrome: DashboardChrome
    let rows: [Row]
    let empty: Bool
    let filters: [Filter]

    init(
        chrome: DashboardChrome,
        incidents: [Incident],
        plan: TeamPlan,
        state: String,
        pipeline: PipelineID?,
        now: Date
    ) {
        let catalog = plan.catalog
        let time = DashboardTime(catalog.team.timeZone)
        self.chrome = chrome
        rows = incidents.map { incident in
            Row(
                reference: incident.reference,
                href: "/incidents/\(incident.id)",
                title: incident.title,
                pipeline: catalog.pipeline(incident.pipeline)?.name ?? incident.pipeline.rawValue,
                severity: incident.severity.rawValue,
                state: incident.state.rawValue,
                opened:
                    "\(time.dayAndClock(incident.openedAt)) (\(DashboardTime.relative(incident.openedAt, to: now)))",
                assignee: incident.assignee.map { catalog.engineer($0)?.name ?? $0.rawValue }
            )
        }
        empty = rows.isEmpty
        let suffix = pipeline.map { "&pipeline=\(DashboardForm.percentEncode($0.rawValue))" } ?? ""
        filters = ["open", "triggered", "acknowledged", "resolved", "all"].map {
            Filter(label: $0, href: "/incidents?state=\($0)\(suffix)", current: $0 == state)
        }
    }
}
