public import Foundation

/// What the team learned from an incident: its cause (from the seed's list of potential
/// issues), a summary, lessons, and the action items that follow, each with an owner and a date.
public struct IncidentReview: Sendable, Hashable, Codable {
    public var cause: IncidentCause
    public var summary: String
    public var lessons: String
    public var actionItems: [ActionItem]
    /// Who wrote it, and when.
    public var author: String
    public var at: Date

    /// Creates a review.
    public init(
        cause: IncidentCause,
        summary: String,
        lessons: String,
        actionItems: [ActionItem],
        author: String,
        at: Date
    ) {
        self.cause = cause
        self.summary = summary
        self.lessons = lessons
        self.actionItems = actionItems
        self.author = author
        self.at = at
    }

    /// Something to do so that it does not happen again; open until someone marks it done.
    public struct ActionItem: Sendable, Hashable, Codable {
        public var text: String
        public var owner: EngineerID
        public var due: LocalDate
        /// Who marked it done, and when; `nil` while it is open.
        public var done: Completion?

        /// Creates an item.
        public init(text: String, owner: EngineerID, due: LocalDate, done: Completion? = nil) {
            self.text = text
            self.owner = owner
            self.due = due
            self.done = done
        }

        /// Whether `other` asks for the same thing of the same person (a review recorded again
        /// keeps the done marks of the items it repeats).
        public func isSameWork(as other: ActionItem) -> Bool {
            text == other.text && owner == other.owner
        }

        /// Who marked an item done, and when.
        public struct Completion: Sendable, Hashable, Codable {
            public var by: String
            public var at: Date

            /// Creates a mark.
            public init(by: String, at: Date) {
                self.by = by
                self.at = at
            }
        }
    }
}

/// The causes the seed's plan lists as potential issues in pipelines, plus `other`.
public enum IncidentCause: String, Sendable, Hashable, Codable, CaseIterable {
    case dataSourceUnavailable = "data_source_unavailable"
    case schemaChange = "schema_change"
    case processingFailure = "processing_failure"
    case latency
    case storage
    case inaccurateData = "inaccurate_data"
    case incompleteData = "incomplete_data"
    case dailyAggregateMismatch = "daily_aggregate_mismatch"
    case missingEvents = "missing_events"
    case aggregationError = "aggregation_error"
    case other

    /// The likely cause of an incident of `kind` (a signal kind or a check's kind), to pre-fill a review.
    public init(suggestedFor kind: String) {
        switch kind {
        case SignalKind.processingFailure.rawValue: self = .processingFailure
        case SignalKind.slowRun.rawValue, SignalKind.missedDeadline.rawValue: self = .latency
        case SignalKind.lateInput.rawValue, "freshness": self = .dataSourceUnavailable
        case SignalKind.schemaChange.rawValue, "schema": self = .schemaChange
        case "storage": self = .storage
        case "range", "accepted_values", "anomaly": self = .inaccurateData
        case "completeness", "volume", "missing": self = .incompleteData
        case "reconcile": self = .dailyAggregateMismatch
        default: self = .other
        }
    }
}
