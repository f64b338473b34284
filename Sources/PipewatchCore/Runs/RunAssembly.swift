public import Foundation

/// What the events of one run have said so far, kept so that each new event is merged in
/// without reading the earlier ones again: a long run costs the same per event at its end as at
/// its start.
///
/// Merging is commutative, associative and idempotent, so the run is the same whatever order
/// its events arrive in and however often one repeats. Each fact remembers the ``Mark`` of the
/// event that said it, and the latest (or, for where the run and its datasets began, the
/// earliest) mark wins; equal marks are broken by the value itself.
public struct RunAssembly: Sendable, Hashable, Codable {
    /// Where an event falls in its run: its time, then its type (START first, FAIL last, so a
    /// failure wins a tie with a completion).
    public struct Mark: Sendable, Hashable, Codable, Comparable {
        public var time: Date
        public var rank: Int

        init(_ event: LineageEvent) {
            time = event.eventTime
            rank = Self.rank(event.eventType)
        }

        public static func < (lhs: Mark, rhs: Mark) -> Bool { (lhs.time, lhs.rank) < (rhs.time, rhs.rank) }

        private static func rank(_ type: RunEventType) -> Int {
            switch type {
            case .start: 0
            case .running, .other: 1
            case .complete: 2
            case .abort: 3
            case .fail: 4
            }
        }
    }

    /// A value and the mark of the event that reported it.
    struct Marked<Value: Sendable & Hashable & Codable & Comparable>: Sendable, Hashable, Codable {
        var mark: Mark
        var value: Value

        /// Whether this report is later than `other`, ties broken by value.
        func isLater(than other: Marked?) -> Bool {
            guard let other else { return true }
            return (mark, value) > (other.mark, other.value)
        }
    }

    /// One dataset as the run's events have described it.
    struct Dataset: Sendable, Hashable, Codable {
        var namespace: String
        var name: String
        /// The first event that named it, and its place among that event's datasets.
        var first: Marked<Int>
        var schema: Marked<SchemaKey>?
        /// Each failed assertion with the first event that reported it.
        var assertions: [String: Mark]

        var identity: DatasetIdentity { DatasetIdentity(namespace: namespace, name: name) }

        var observation: DatasetObservation {
            DatasetObservation(
                namespace: namespace,
                name: name,
                schema: schema?.value.fields,
                failedAssertions: assertions.sorted { ($0.value, $0.key) < ($1.value, $1.key) }.map(\.key)
            )
        }

        mutating func merge(_ other: Dataset) {
            if other.first.isLater(than: first) == false { first = other.first }
            if let reported = other.schema, reported.isLater(than: schema) { schema = reported }
            assertions.merge(other.assertions, uniquingKeysWith: min)
        }
    }

    /// A schema, ordered so that two different schemas reported at the same instant settle the same way.
    struct SchemaKey: Sendable, Hashable, Codable, Comparable {
        var fields: [SchemaField]

        static func < (lhs: SchemaKey, rhs: SchemaKey) -> Bool {
            lhs.fields.map { [$0.name, $0.type] }.lexicographicallyPrecedes(rhs.fields.map { [$0.name, $0.type] }) {
                $0.lexicographicallyPrecedes($1)
            }
        }
    }

    public private(set) var runID: String
    /// The job, as the run's earliest event names it.
    var job: Marked<JobKey>
    var earliest: Mark
    var latest: Mark
    /// The earliest START.
    var start: Date?
    /// The earliest start an orchestrator reported in a facet (``LineageEvent/reportedStart``);
    /// used when START never came. Absent from assemblies kept before it existed.
    var reportedStart: Date?
    /// The latest terminal event, by type.
    var terminal: Marked<String>?
    var error: Marked<String>?
    var parent: Marked<String>?
    var inputs: [Dataset]
    var outputs: [Dataset]

    /// A job name, ordered for ties.
    struct JobKey: Sendable, Hashable, Codable, Comparable {
        var namespace: String
        var name: String

        static func < (lhs: JobKey, rhs: JobKey) -> Bool { (lhs.namespace, lhs.name) < (rhs.namespace, rhs.name) }
    }

    /// What one event says.
    public init(_ event: LineageEvent) {
        let mark = Mark(event)
        runID = event.runID
        job = Marked(mark: mark, value: JobKey(namespace: event.job.namespace, name: event.job.name))
        earliest = mark
        latest = mark
        start = event.eventType == .start ? event.eventTime : nil
        reportedStart = event.reportedStart
        terminal = event.eventType.isTerminal ? Marked(mark: mark, value: event.eventType.rawValue) : nil
        error = event.errorMessage.map { Marked(mark: mark, value: $0) }
        parent = event.parent.map { Marked(mark: mark, value: $0.runID) }
        inputs = Self.datasets(event.inputs, at: mark)
        outputs = Self.datasets(event.outputs, at: mark)
    }

    /// What the events say together; `nil` without events.
    public init?(_ events: some Sequence<LineageEvent>) {
        var iterator = events.makeIterator()
        guard let first = iterator.next() else { return nil }
        self.init(first)
        while let event = iterator.next() { merge(event) }
    }

    /// Adds what `event` says.
    public mutating func merge(_ event: LineageEvent) { merge(RunAssembly(event)) }

    /// Adds what another assembly of the same run says.
    public mutating func merge(_ other: RunAssembly) {
        if (other.job.mark, other.job.value) < (job.mark, job.value) { job = other.job }
        earliest = min(earliest, other.earliest)
        latest = max(latest, other.latest)
        if let started = other.start { start = min(start ?? started, started) }
        if let reported = other.reportedStart { reportedStart = min(reportedStart ?? reported, reported) }
        if let reported = other.terminal, reported.isLater(than: terminal) { terminal = reported }
        if let reported = other.error, reported.isLater(than: error) { error = reported }
        if let reported = other.parent, reported.isLater(than: parent) { parent = reported }
        Self.merge(other.inputs, into: &inputs)
        Self.merge(other.outputs, into: &outputs)
    }

    /// This assembly with `other` merged in.
    public func merging(_ other: RunAssembly) -> RunAssembly {
        var merged = self
        merged.merge(other)
        return merged
    }

    /// The run as its events describe it.
    public var run: Run {
        let state: RunState =
            switch terminal.flatMap({ RunEventType(rawValue: $0.value) }) {
            case .complete: .completed
            case .fail: .failed
            case .abort: .aborted
            default: .running
            }
        return Run(
            id: runID,
            job: JobName(namespace: job.value.namespace, name: job.value.name),
            state: state,
            startedAt: start ?? min(reportedStart ?? earliest.time, earliest.time),
            endedAt: terminal?.mark.time,
            lastEventAt: latest.time,
            errorMessage: error?.value,
            parentRunID: parent?.value,
            inputs: Self.ordered(inputs),
            outputs: Self.ordered(outputs)
        )
    }

    private static func datasets(_ observations: [DatasetObservation], at mark: Mark) -> [Dataset] {
        var seen: [DatasetIdentity: Int] = [:]
        var datasets: [Dataset] = []
        for (position, observation) in observations.enumerated() {
            let dataset = Dataset(
                namespace: observation.namespace,
                name: observation.name,
                first: Marked(mark: mark, value: position),
                schema: observation.schema.map { Marked(mark: mark, value: SchemaKey(fields: $0)) },
                assertions: Dictionary(observation.failedAssertions.map { ($0, mark) }, uniquingKeysWith: min)
            )
            if let index = seen[observation.identity] {
                datasets[index].merge(dataset)
            } else {
                seen[observation.identity] = datasets.count
                datasets.append(dataset)
            }
        }
        return datasets
    }

    private static func merge(_ new: [Dataset], into known: inout [Dataset]) {
        guard !new.isEmpty else { return }
        var index = Dictionary(known.enumerated().map { ($1.identity, $0) }, uniquingKeysWith: { first, _ in first })
        for dataset in new {
            if let position = index[dataset.identity] {
                known[position].merge(dataset)
            } else {
                index[dataset.identity] = known.count
                known.append(dataset)
            }
        }
    }

    /// Datasets in the order the run first named them.
    private static func ordered(_ datasets: [Dataset]) -> [DatasetObservation] {
        datasets.sorted { ($0.first.mark, $0.first.value, $0.identity) < ($1.first.mark, $1.first.value, $1.identity) }
            .map(\.observation)
    }
}
