import Foundation
public import PipewatchCore
public import PipewatchEngine
public import PipewatchStore

/// An incident as the API and `pipewatch incident list --format json` show it.
public struct IncidentDocument: Codable, Sendable, Equatable {
    public let id: Int64
    public let reference: String
    public let pipeline: String
    public let key: String
    public let kind: String
    public let title: String
    public let state: String
    public let severity: String
    public let count: Int
    public let openedAt: String
    public let lastSeenAt: String
    public let acknowledgedAt: String?
    public let acknowledgedBy: String?
    public let resolvedAt: String?
    public let resolvedBy: String?
    public let assignee: String?

    enum CodingKeys: String, CodingKey {
        case id, reference, pipeline, key, kind, title, state, severity, count, assignee
        case openedAt = "opened_at"
        case lastSeenAt = "last_seen_at"
        case acknowledgedAt = "acknowledged_at"
        case acknowledgedBy = "acknowledged_by"
        case resolvedAt = "resolved_at"
        case resolvedBy = "resolved_by"
    }

    /// The document of `incident`, times in UTC.
    public init(_ incident: Incident) {
        let format = { (date: Date) in ISO8601Text.formatMilliseconds(date, in: .gmt) }
        id = incident.id
        reference = incident.reference
        pipeline = incident.pipeline.rawValue
        key = incident.key
        kind = incident.kind
        title = incident.title
        state = incident.state.rawValue
        severity = incident.severity.rawValue
        count = incident.count
        openedAt = format(incident.openedAt)
        lastSeenAt = format(incident.lastSeenAt)
        acknowledgedAt = incident.acknowledgedAt.map(format)
        acknowledgedBy = incident.acknowledgedBy
        resolvedAt = incident.resolvedAt.map(format)
        resolvedBy = incident.resolvedBy
        assignee = incident.assignee?.rawValue
    }

    /// Writes optional fields as `null`, so clients always find the keys.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(reference, forKey: .reference)
        try container.encode(pipeline, forKey: .pipeline)
        try container.encode(key, forKey: .key)
        try container.encode(kind, forKey: .kind)
        try container.encode(title, forKey: .title)
        try container.encode(state, forKey: .state)
        try container.encode(severity, forKey: .severity)
        try container.encode(count, forKey: .count)
        try container.encode(openedAt, forKey: .openedAt)
        try container.encode(lastSeenAt, forKey: .lastSeenAt)
        try container.encode(acknowledgedAt, forKey: .acknowledgedAt)
        try container.encode(acknowledgedBy, forKey: .acknowledgedBy)
        try container.encode(resolvedAt, forKey: .resolvedAt)
        try container.encode(resolvedBy, forKey: .resolvedBy)
        try container.encode(assignee, forKey: .assignee)
    }
}

/// `{"incidents": [...]}`.
public struct IncidentList: Codable, Sendable, Equatable {
    public let incidents: [IncidentDocument]

    /// Creates the list.
    public init(_ incidents: [Incident]) { self.incidents = incidents.map(IncidentDocument.init) }
}

/// One incident with its evidence, timeline, escalation and notifications.
public struct IncidentDetail: Codable, Sendable, Equatable {
    public struct Entry: Codable, Sendable, Equatable {
        public let at: String
        public let actor: String
        public let kind: String
        public let detail: String
    }

    public struct Step: Codable, Sendable, Equatable {
        public let step: Int
        public let generation: Int
        public let state: String
        public let dueAt: String
        public let target: String?
        public let detail: String?

        enum CodingKeys: String, CodingKey {
            case step, generation, state, target, detail
            case dueAt = "due_at"
        }
    }

    public let incident: IncidentDocument
    public let evidence: [String: String]
    public let timeline: [Entry]
    public let escalation: [Step]
    public let notifications: [NotificationDocument]
    /// The pipeline's run book as this incident's checklist.
    public let runbook: [ChecklistStepDocument]
    public let actions: [ActionRunDocument]
    public let review: Review?
    /// The pipeline's latest runs, with their errors, when a run book step shows them (`show_runs`).
    public let runs: [RunDocument]

    /// The post-incident review, as shown.
    public struct Review: Codable, Sendable, Equatable {
        public struct Item: Codable, Sendable, Equatable {
            public let text: String
            public let owner: String
            public let due: String
            /// `open` or `done`.
            public let state: String
            public let doneBy: String?
            public let doneAt: String?

            enum CodingKeys: String, CodingKey {
                case text, owner, due, state
                case doneBy = "done_by"
                case doneAt = "done_at"
            }
        }

        public let cause: String
        public let summary: String
        public let lessons: String
        public let actionItems: [Item]
        public let author: String
        public let at: String

        enum CodingKeys: String, CodingKey {
            case cause, summary, lessons, author, at
            case actionItems = "action_items"
        }
    }

    /// Creates the detail.
    public init(
        _ incident: Incident,
        evidence: [String: String],
        timeline: [TimelineEntry],
        steps: [EscalationStep],
        notifications: [OutboxMessage],
        runbook: [RunbookStep] = [],
        marks: [RunbookStepMark] = [],
        actions: [ActionRun] = [],
        review: IncidentReview? = nil,
        runs: [Run] = [],
        checkResults: [CheckID: CheckResult] = [:]
    ) {
        let format = { (date: Date) in ISO8601Text.formatMilliseconds(date, in: .gmt) }
        self.incident = IncidentDocument(incident)
        self.evidence = evidence
        self.timeline = timeline.map {
            Entry(at: format($0.at), actor: $0.actor, kind: $0.kind.rawValue, detail: $0.detail)
        }
        escalation = steps.map {
            Step(
                step: $0.step + 1,
                generation: $0.generation,
                state: $0.state.rawValue,
                dueAt: format($0.dueAt),
                target: $0.target?.rawValue,
                detail: $0.detail
            )
        }
        self.notifications = notifications.map(NotificationDocument.init)
        self.runbook = runbook.enumerated().map { index, step in
            ChecklistStepDocument(
                number: index + 1,
                step: step,
                mark: marks.first { $0.step == index + 1 },
                results: checkResults
            )
        }
        self.actions = actions.map(ActionRunDocument.init)
        self.runs = runs.map(RunDocument.init)
        self.review = review.map { review in
            Review(
                cause: review.cause.rawValue,
                summary: review.summary,
                lessons: review.lessons,
                actionItems: review.actionItems.map {
                    Review.Item(
                        text: $0.text,
                        owner: $0.owner.rawValue,
                        due: $0.due.description,
                        state: $0.done == nil ? "open" : "done",
                        doneBy: $0.done?.by,
                        doneAt: $0.done.map { format($0.at) }
                    )
                },
                author: review.author,
                at: format(review.at)
            )
        }
    }
}

extension IncidentDetail {
    /// Reads everything about an incident from the engine's store.
    ///
    /// - Throws: ``StoreError/notFound(_:)`` when no incident has this id.
    public static func load(_ id: Int64, from engine: Engine) async throws -> IncidentDetail {
        let store = engine.store
        let (incident, evidence) = try await store.incident(id: id)
        let steps = engine.plan.catalog.pipeline(incident.pipeline)?.runbook.steps ?? []
        let runs =
            steps.contains { $0.showsRuns } ? try await engine.signals.runs.runs(of: incident.pipeline, limit: 5) : []
        return IncidentDetail(
            incident,
            evidence: evidence,
            timeline: try await store.timeline(incidentID: id),
            steps: try await store.escalationSteps(incidentID: id),
            notifications: try await store.messages(incidentID: id, state: nil, limit: 200),
            runbook: steps,
            marks: try await store.runbookMarks(incidentID: id),
            actions: try await store.actionRuns(incidentID: id),
            review: try await store.review(incidentID: id),
            runs: runs,
            checkResults: steps.contains { !$0.checks.isEmpty }
                ? try await engine.signals.checks?.latestCheckResults(of: incident.pipeline) ?? [:] : [:]
        )
    }
}
