public import Foundation

/// The periodic review of what the team learned (`pipewatch review`): incidents, response times,
/// recurring and noisy problems, on-call load, deadlines, reviews and action items, run book
/// familiarity. Built by ``ReviewCalculator``; every list is in a fixed order, so two runs on the
/// same facts print the same report.
public struct ReviewReport: Sendable, Equatable {
    /// The period, `from` inclusive, `to` exclusive.
    public var from: Date
    public var to: Date
    /// The team's zone, in which times are printed.
    public var timeZone: TimeZone
    /// Incidents opened in the period.
    public var incidentCount: Int
    /// Time to acknowledge, over every incident opened in the period and acknowledged.
    public var timeToAcknowledge: DurationSummary
    /// Time to resolve, over every incident opened in the period and resolved.
    public var timeToResolve: DurationSummary
    /// Per pipeline with an incident, most incidents first.
    public var pipelines: [PipelineLine]
    /// Per cause, most incidents first.
    public var causes: [CauseLine]
    /// Keys that occurred three or more times.
    public var recurring: [Recurring]
    /// The signals that opened and cleared most often (top ``ReviewCalculator/noisyLimit``), checks excluded.
    public var noisySignals: [Noisy]
    /// The checks whose failures opened and cleared most often.
    public var noisyChecks: [Noisy]
    /// Per rotation member and per paged engineer.
    public var oncall: [OncallLine]
    /// Missed delivery deadlines per pipeline.
    public var missedDeadlines: [Count]
    /// Stakeholder notices per stakeholder.
    public var stakeholderNotices: [Count]
    /// Resolved incidents of the period without a post-incident review, oldest first.
    public var missingReviews: [MissingReview]
    /// Action items of every review, per owner.
    public var actionItems: [OwnerItems]
    /// Investor run books and who has not read their current version.
    public var familiarity: [Familiarity]

    /// The median and the 90th percentile (nearest rank, see ``Percentile``) of durations in seconds.
    public struct DurationSummary: Sendable, Equatable {
        public var count: Int
        public var median: Double?
        public var p90: Double?

        /// Summarises `seconds`.
        public init(_ seconds: [Double]) {
            count = seconds.count
            median = Percentile.nearestRank(50, of: seconds)
            p90 = Percentile.nearestRank(90, of: seconds)
        }
    }

    /// One pipeline's incidents and response times.
    public struct PipelineLine: Sendable, Equatable {
        public var pipeline: PipelineID
        public var incidents: Int
        public var timeToAcknowledge: DurationSummary
        public var timeToResolve: DurationSummary
    }

    /// Incidents of one cause: from reviews, or suggested by the incident's kind while unreviewed.
    public struct CauseLine: Sendable, Equatable {
        public var cause: IncidentCause
        public var incidents: Int
        /// How many of them have no review yet, so the cause is the one their kind suggests.
        public var suggested: Int
    }

    /// A dedup key that occurred three or more times.
    public struct Recurring: Sendable, Equatable {
        public var key: String
        public var pipeline: PipelineID
        /// Incidents opened plus reopenings, in the period.
        public var occurrences: Int
    }

    /// A signal or a check and how often it changed.
    public struct Noisy: Sendable, Equatable {
        /// The signal key, or the check id for a check.
        public var name: String
        public var pipeline: PipelineID
        public var opened: Int
        public var cleared: Int
    }

    /// One engineer's on-call load in the period.
    public struct OncallLine: Sendable, Equatable {
        public var engineer: EngineerID
        /// Escalation steps that paged them.
        public var pages: Int
        /// Of those, pages between 22:00 and 07:00 in the engineer's own zone.
        public var nightPages: Int
        /// Hours on call in the period, from the schedule.
        public var onCallHours: Double
        /// Saturday and Sunday hours on call, in the engineer's own zone.
        public var weekendHours: Double
        /// Hours of others' public holidays and company days off covered as substitute.
        public var holidayHoursCovered: Double
    }

    /// A number per pipeline or recipient.
    public struct Count: Sendable, Equatable {
        public var name: String
        public var count: Int
    }

    /// A resolved incident without a review.
    public struct MissingReview: Sendable, Equatable {
        public var incidentID: Int64
        public var pipeline: PipelineID
        public var title: String
        public var resolvedAt: Date
    }

    /// One owner's open action items.
    public struct OwnerItems: Sendable, Equatable {
        public var owner: EngineerID
        public var open: Int
        /// Due before the end of the period (in the team's zone).
        public var overdue: Int
        /// Marked done by the end of the period.
        public var done: Int
        /// The open ones, soonest due first.
        public var items: [Item]
    }

    /// An action item with its incident.
    public struct Item: Sendable, Equatable {
        public var incidentID: Int64
        public var text: String
        public var due: LocalDate
        public var overdue: Bool
    }

    /// An investor run book and the engineers who have not read its current version.
    public struct Familiarity: Sendable, Equatable {
        public var pipeline: PipelineID
        public var version: String
        public var unread: [EngineerID]

        /// Creates a line.
        public init(pipeline: PipelineID, version: String, unread: [EngineerID]) {
            self.pipeline = pipeline
            self.version = version
            self.unread = unread
        }
    }
}
