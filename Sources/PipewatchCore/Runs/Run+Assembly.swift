extension Run {
    /// Assembles the run the events report, whatever order they arrived in; repeated events
    /// change nothing. `nil` when there are no events.
    ///
    /// The run ends with its latest terminal event (on a tie FAIL wins over ABORT over COMPLETE);
    /// it started at its START event, or at its earliest event when START never arrived.
    public init?(assembling events: [LineageEvent]) {
        let ordered = Set(events).sorted { lhs, rhs in
            (lhs.eventTime, Run.rank(lhs.eventType)) < (rhs.eventTime, Run.rank(rhs.eventType))
        }
        guard let first = ordered.first, let last = ordered.last else { return nil }
        let terminal = ordered.last { $0.eventType.isTerminal }
        let state: RunState =
            switch terminal?.eventType {
            case .complete: .completed
            case .fail: .failed
            case .abort: .aborted
            default: .running
            }
        var inputs: [DatasetIdentity: DatasetObservation] = [:]
        var outputs: [DatasetIdentity: DatasetObservation] = [:]
        var inputOrder: [DatasetIdentity] = []
        var outputOrder: [DatasetIdentity] = []
        for event in ordered {
            Run.merge(event.inputs, into: &inputs, order: &inputOrder)
            Run.merge(event.outputs, into: &outputs, order: &outputOrder)
        }
        self.init(
            id: first.runID,
            job: first.job,
            state: state,
            startedAt: ordered.first { $0.eventType == .start }?.eventTime ?? first.eventTime,
            endedAt: terminal?.eventTime,
            lastEventAt: last.eventTime,
            errorMessage: ordered.last { $0.errorMessage != nil }?.errorMessage,
            parentRunID: ordered.last { $0.parent != nil }?.parent?.runID,
            inputs: inputOrder.compactMap { inputs[$0] },
            outputs: outputOrder.compactMap { outputs[$0] }
        )
    }

    /// Orders events of the same instant: START first, FAIL last, so it wins a tie.
    private static func rank(_ type: RunEventType) -> Int {
        switch type {
        case .start: 0
        case .running, .other: 1
        case .complete: 2
        case .abort: 3
        case .fail: 4
        }
    }

    /// Keeps the latest schema and every failed assertion seen for each dataset.
    private static func merge(
        _ datasets: [DatasetObservation],
        into seen: inout [DatasetIdentity: DatasetObservation],
        order: inout [DatasetIdentity]
    ) {
        for dataset in datasets {
            guard var known = seen[dataset.identity] else {
                seen[dataset.identity] = dataset
                order.append(dataset.identity)
                continue
            }
            if let schema = dataset.schema { known.schema = schema }
            known.failedAssertions += dataset.failedAssertions.filter { !known.failedAssertions.contains($0) }
            seen[dataset.identity] = known
        }
    }
}
