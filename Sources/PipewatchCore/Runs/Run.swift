public import Foundation

/// One run of a job, assembled from the events that reported it.
public struct Run: Sendable, Hashable, Identifiable {
    /// The run's UUID, lower case (for dbt artifacts, the invocation id and node).
    public var id: String
    public var job: JobName
    public var state: RunState
    /// When the run started: its START event, else the start an orchestrator reported in a facet
    /// (`airflowDagRun`, `nominalTime`), else its earliest event.
    public var startedAt: Date
    /// When it ended: the time of the event that ended it; `nil` while running.
    public var endedAt: Date?
    /// The latest event's time.
    public var lastEventAt: Date
    public var errorMessage: String?
    public var parentRunID: String?
    /// Datasets read, with the schema seen most recently for each.
    public var inputs: [DatasetObservation]
    /// Datasets written.
    public var outputs: [DatasetObservation]

    /// Creates a run.
    public init(
        id: String,
        job: JobName,
        state: RunState,
        startedAt: Date,
        endedAt: Date? = nil,
        lastEventAt: Date? = nil,
        errorMessage: String? = nil,
        parentRunID: String? = nil,
        inputs: [DatasetObservation] = [],
        outputs: [DatasetObservation] = []
    ) {
        self.id = id
        self.job = job
        self.state = state
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.lastEventAt = lastEventAt ?? endedAt ?? startedAt
        self.errorMessage = errorMessage
        self.parentRunID = parentRunID
        self.inputs = inputs
        self.outputs = outputs
    }

    /// How long the run took, or has taken by `now` while it is still running.
    public func duration(at now: Date) -> TimeInterval {
        (endedAt ?? now).timeIntervalSince(startedAt)
    }
}

/// Where a run stands.
public enum RunState: String, Sendable, Hashable, Codable, CaseIterable {
    case running
    case completed
    case failed
    case aborted
    /// A dbt node that did not run because something upstream failed; that failure is the signal.
    case skipped
    /// A dbt node whose status Pipewatch does not know: kept, never counted as a failure.
    case unknown

    /// Whether the run ended badly.
    public var isFailure: Bool { self == .failed || self == .aborted }
}
