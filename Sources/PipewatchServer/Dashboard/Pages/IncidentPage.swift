import Foundation
import PipewatchCore

/// `/incidents/{id}`: the incident with its buttons (by role), the run book checklist with
/// done/skip, its timeline, escalation, the notifications sent with their delivery state, and
/// the post-incident review with its action items (done/reopen).
struct IncidentPage: Sendable {
    struct Fact: Sendable {
        let name: String
        let value: String
    }

    struct Step: Sendable {
        let number: Int
        let text: String
        let state: String
        let open: Bool
        let by: String?
        let at: String?
        let note: String?
        let checks: [PipelinePage.CheckState]
        let action: String?
        let escalate: String?
        let notify: String?
    }

    struct Entry: Sendable {
        let at: String
        let actor: String
        let kind: String
        let detail: String
    }

    struct Notification: Sendable {
        let recipient: String
        let channel: String
        let title: String
        let state: String
        let attempts: Int
        let when: String
        let lastError: String?
    }

    /// The post-incident review, with its action items.
    struct Review: Sendable {
        struct Item: Sendable {
            let number: Int
            let text: String
            let owner: String
            let due: String
            let state: String
            let isOpen: Bool
            let doneBy: String?
            let doneAt: String?
        }

        let cause: String
        let author: String
        let at: String
        let summary: String
        let lessons: String?
        let items: [Item]
    }

    struct Target: Sendable {
        let value: String
        let label: String
    }

    let chrome: DashboardChrome
    let id: Int64
    let reference: String
    let title: String
    let state: String
    let severity: String
    let pipelineName: String
    let pipelineHref: String
    let opened: String
    let count: Int
    let assignee: String?
    let acknowledgedBy: String?
    let resolvedBy: String?
    let evidence: [Fact]
    let steps: [Step]
    let hasSteps: Bool
    let timeline: [Entry]
    let escalation: [Entry]
    let notifications: [Notification]
    let hasNotifications: Bool
    let targets: [Target]
    let review: Review?
    /// What the visitor may do here now.
    let canAcknowledge: Bool
    let canResolve: Bool
    let canEscalate: Bool
    let canNote: Bool
    let canMark: Bool
    let canRunActions: Bool
    let canMarkItems: Bool
    let readOnly: Bool
    /// A fresh key for the action forms, so a form sent twice runs its action once.
    let requestKey: String

    init(chrome: DashboardChrome, detail: IncidentDetail, plan: TeamPlan, visitor: DashboardVisitor, requestKey: String)
    {
        let catalog = plan.catalog
        let incident = detail.incident
        let engineer = { (id: String) in catalog.engineer(EngineerID(id))?.name ?? id }
        let open = incident.state != IncidentState.resolved.rawValue
        self.chrome = chrome
        id = incident.id
        reference = incident.reference
        title = incident.title
        state = incident.state
        severity = incident.severity
        pipelineName = catalog.pipeline(PipelineID(incident.pipeline))?.name ?? incident.pipeline
        pipelineHref = "/pipelines/\(DashboardForm.percentEncode(incident.pipeline))"
        opened = Self.shown(incident.openedAt)
        count = incident.count
        assignee = incident.assignee.map(engineer)
        acknowledgedBy = incident.acknowledgedBy.map(engineer)
        resolvedBy = incident.resolvedBy.map(engineer)
        evidence = detail.evidence.sorted { $0.key < $1.key }.map { Fact(name: $0.key, value: $0.value) }
        steps = detail.runbook.map { step in
            Step(
                number: step.step,
                text: step.text,
                state: step.state,
                open: step.state == "open",
                by: step.by.map(engineer),
                at: step.at.map(Self.shown),
                note: step.note,
                checks: step.checkResults.map {
                    PipelinePage.CheckState(
                        id: $0.check,
                        state: $0.state,
                        message: $0.message,
                        since: Self.shown($0.startedAt)
                    )
                },
                action: step.action,
                escalate: step.escalate,
                notify: step.notify.isEmpty ? nil : step.notify.joined(separator: ", ")
            )
        }
        hasSteps = !steps.isEmpty
        timeline = detail.timeline.map {
            Entry(at: Self.shown($0.at), actor: engineer($0.actor), kind: $0.kind, detail: $0.detail)
        }
        escalation = detail.escalation.map {
            Entry(
                at: Self.shown($0.dueAt),
                actor: $0.target.map(engineer) ?? "",
                kind: "step \($0.step): \($0.state)",
                detail: $0.detail ?? ""
            )
        }
        notifications = detail.notifications.map {
            Notification(
                recipient: engineer($0.recipient),
                channel: $0.channel,
                title: $0.title,
                state: $0.state,
                attempts: $0.attempts,
                when: Self.shown($0.deliveredAt ?? $0.nextAttemptAt ?? $0.createdAt),
                lastError: $0.lastError
            )
        }
        hasNotifications = !notifications.isEmpty
        targets =
            [
                Target(value: "oncall", label: "whoever is on call"),
                Target(value: "primary", label: "the primary owner"),
                Target(value: "secondary", label: "the secondary owner"),
            ] + catalog.engineers.map { Target(value: $0.id.rawValue, label: $0.name) }
        review = detail.review.map { review in
            Review(
                cause: review.cause,
                author: engineer(review.author),
                at: Self.shown(review.at),
                summary: review.summary,
                lessons: review.lessons.isEmpty ? nil : review.lessons,
                items: review.actionItems.enumerated().map { index, item in
                    Review.Item(
                        number: index + 1,
                        text: item.text,
                        owner: engineer(item.owner),
                        due: item.due,
                        state: item.state,
                        isOpen: item.doneAt == nil,
                        doneBy: item.doneBy.map(engineer),
                        doneAt: item.doneAt.map(Self.shown)
                    )
                }
            )
        }
        canAcknowledge = visitor.allows(.engineer) && incident.state == IncidentState.triggered.rawValue
        canResolve = visitor.allows(.admin) && open
        canEscalate = visitor.allows(.admin) && open
        canNote = visitor.allows(.engineer)
        canMark = visitor.allows(.engineer) && open
        canRunActions = visitor.allows(.admin) && open
        canMarkItems = visitor.allows(.engineer)
        readOnly = !visitor.allows(.engineer)
        self.requestKey = requestKey
    }

    /// `2026-11-27T13:00:39.585+00:00` as `2026-11-27 13:00 UTC`.
    static func shown(_ iso: String) -> String {
        guard iso.count >= 16 else { return iso }
        return iso.prefix(10) + " " + iso.dropFirst(11).prefix(5) + " UTC"
    }
}
