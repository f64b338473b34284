public import Foundation

/// What happened in a review period, as the store remembers it: the input of ``ReviewCalculator``.
///
/// The engine reads these from the store; tests build them by hand.
public struct ReviewFacts: Sendable, Equatable {
    /// Incidents opened in the period, each with when Pipewatch opened it (its first timeline entry).
    public var incidents: [OpenedIncident]
    /// Reopenings in the period of incidents opened at any time: each counts as an occurrence of its key.
    public var reopenings: [Reopening]
    /// The post-incident reviews of any incident, by incident id (for causes, missing reviews and action items).
    public var reviews: [Int64: IncidentReview]
    /// Signal changes in the period.
    public var transitions: [Transition]
    /// Escalation steps that paged someone in the period.
    public var pages: [Page]
    /// Stakeholder notices queued in the period, one per notice and recipient (not per contact method).
    public var notices: [Notice]

    /// Creates facts.
    public init(
        incidents: [OpenedIncident] = [],
        reopenings: [Reopening] = [],
        reviews: [Int64: IncidentReview] = [:],
        transitions: [Transition] = [],
        pages: [Page] = [],
        notices: [Notice] = []
    ) {
        self.incidents = incidents
        self.reopenings = reopenings
        self.reviews = reviews
        self.transitions = transitions
        self.pages = pages
        self.notices = notices
    }

    /// An incident with the instant Pipewatch opened it. ``Incident/openedAt`` is when the
    /// problem began according to the evidence, which can be hours earlier than the page.
    public struct OpenedIncident: Sendable, Equatable {
        public var incident: Incident
        public var noticedAt: Date

        /// Creates one.
        public init(_ incident: Incident, noticedAt: Date? = nil) {
            self.incident = incident
            self.noticedAt = noticedAt ?? incident.openedAt
        }
    }

    /// An incident reopened at an instant.
    public struct Reopening: Sendable, Equatable {
        public var key: String
        public var pipeline: PipelineID
        public var at: Date

        /// Creates one.
        public init(key: String, pipeline: PipelineID, at: Date) {
            self.key = key
            self.pipeline = pipeline
            self.at = at
        }
    }

    /// A signal that opened, cleared or repeated.
    public struct Transition: Sendable, Equatable {
        /// The signal's key (`pipeline|kind|subject`).
        public var key: String
        public var pipeline: PipelineID
        public var kind: String
        /// `opened`, `cleared` or `repeated`.
        public var change: String
        public var at: Date

        /// Creates one.
        public init(key: String, pipeline: PipelineID, kind: String, change: String, at: Date) {
            self.key = key
            self.pipeline = pipeline
            self.kind = kind
            self.change = change
            self.at = at
        }
    }

    /// An engineer paged for an incident.
    public struct Page: Sendable, Equatable {
        public var engineer: EngineerID
        public var incidentID: Int64
        public var at: Date

        /// Creates one.
        public init(engineer: EngineerID, incidentID: Int64, at: Date) {
            self.engineer = engineer
            self.incidentID = incidentID
            self.at = at
        }
    }

    /// A notice to a stakeholder.
    public struct Notice: Sendable, Equatable {
        /// As stored: `stakeholder:investor-relations`.
        public var recipient: String
        public var title: String
        public var at: Date

        /// Creates one.
        public init(recipient: String, title: String, at: Date) {
            self.recipient = recipient
            self.title = title
            self.at = at
        }
    }
}
