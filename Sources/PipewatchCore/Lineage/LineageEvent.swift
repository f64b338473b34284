public import Foundation

/// An OpenLineage RunEvent as Pipewatch keeps it: what happened to which run of which job,
/// and what the run read and wrote.
public struct LineageEvent: Sendable, Hashable {
    public var eventType: RunEventType
    public var eventTime: Date
    /// The run's UUID, lower case.
    public var runID: String
    public var job: JobName
    /// The run that started this one (a dbt model's run under `dbt build`, an Airflow task's DAG run).
    public var parent: ParentRun?
    /// The `errorMessage` run facet's message.
    public var errorMessage: String?
    /// When the run began by the orchestrator's own account, for a run that may never send
    /// START (`airflow dags test` sends only the DAG's COMPLETE or FAIL): the `airflowDagRun`
    /// facet's `dagRun.start_date` (or its end less its `duration`), else the `nominalTime`
    /// facet's `nominalStartTime`.
    public var reportedStart: Date?
    public var inputs: [DatasetObservation]
    public var outputs: [DatasetObservation]
    public var producer: String

    /// Creates an event.
    public init(
        eventType: RunEventType,
        eventTime: Date,
        runID: String,
        job: JobName,
        parent: ParentRun? = nil,
        errorMessage: String? = nil,
        reportedStart: Date? = nil,
        inputs: [DatasetObservation] = [],
        outputs: [DatasetObservation] = [],
        producer: String = ""
    ) {
        self.eventType = eventType
        self.eventTime = eventTime
        self.runID = runID
        self.job = job
        self.parent = parent
        self.errorMessage = errorMessage
        self.reportedStart = reportedStart
        self.inputs = inputs
        self.outputs = outputs
        self.producer = producer
    }
}

/// An OpenLineage job: a namespace (the scheduler or project) and a name.
public struct JobName: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var namespace: String
    public var name: String

    /// Creates a job name.
    public init(namespace: String, name: String) {
        self.namespace = namespace
        self.name = name
    }

    public var description: String { "\(namespace)/\(name)" }

    public static func < (lhs: JobName, rhs: JobName) -> Bool {
        (lhs.namespace, lhs.name) < (rhs.namespace, rhs.name)
    }
}

/// The `parent` run facet: the job and run this run belongs to.
public struct ParentRun: Sendable, Hashable {
    public var job: JobName
    public var runID: String

    /// Creates a parent reference.
    public init(job: JobName, runID: String) {
        self.job = job
        self.runID = runID
    }
}

/// The kind of a RunEvent, as OpenLineage 2-0-2 names them.
public enum RunEventType: String, Sendable, Hashable, CaseIterable, Codable {
    case start = "START"
    case running = "RUNNING"
    case complete = "COMPLETE"
    case abort = "ABORT"
    case fail = "FAIL"
    case other = "OTHER"

    /// Whether the event ends its run.
    public var isTerminal: Bool { self == .complete || self == .abort || self == .fail }
}
