import Foundation
import PipewatchCore
import Testing

@Suite("signal detection")
struct SignalDetectorTests {
    let job = JobName(namespace: "airflow", name: "profit_daily")
    let newYork = TimeZone(identifier: "America/New_York")!
    /// 2026-03-10T12:00:00Z, 08:00 in New York.
    let noon = Date(timeIntervalSince1970: 1_773_144_000)
    let detector = SignalDetector()

    private func pipeline(
        deliverBy: String? = nil,
        maxDuration: Duration? = nil,
        inputs: [InputExpectation] = []
    ) -> Pipeline {
        Pipeline(
            id: "profit",
            name: "Profit",
            owners: PipelineOwners(primary: "a", secondary: "b"),
            deliverBy: deliverBy.map { DeliveryDeadline(time: TimeOfDay(parsing: $0)!, timeZone: newYork) },
            jobs: [PipelineJob(.openLineage(namespace: "airflow", name: "profit_daily"), maxDuration: maxDuration)],
            inputs: inputs
        )
    }

    /// A run that started `hoursAgo` before noon and took `minutes`.
    private func run(
        _ id: String,
        hoursAgo: Double,
        minutes: Double? = 10,
        state: RunState = .completed,
        error: String? = nil,
        inputs: [DatasetObservation] = []
    ) -> Run {
        let start = noon.addingTimeInterval(-hoursAgo * 3600)
        return Run(
            id: id,
            job: job,
            state: state,
            startedAt: start,
            endedAt: minutes.map { start.addingTimeInterval($0 * 60) },
            errorMessage: error,
            inputs: inputs
        )
    }

    private func signals(_ pipeline: Pipeline, _ evidence: SignalDetector.Evidence, at now: Date? = nil) -> [Signal] {
        detector.signals(for: pipeline, evidence: evidence, at: now ?? noon)
    }

    @Test("a failed latest run is a processing failure with its message; a later success clears it")
    func failure() throws {
        let failed = run("r2", hoursAgo: 2, state: .failed, error: "division by zero")
        let found = signals(pipeline(), .init(runs: [run("r1", hoursAgo: 26), failed]))
        let signal = try #require(found.first)
        #expect(found.count == 1)
        #expect(signal.kind == .processingFailure)
        #expect(signal.summary == "airflow/profit_daily failed: division by zero")
        #expect(signal.evidence["run_id"] == "r2")
        #expect(signal.evidence["error_message"] == "division by zero")
        #expect(signal.openedAt == failed.endedAt)
        #expect(signals(pipeline(), .init(runs: [failed, run("r3", hoursAgo: 1)])).isEmpty)
    }

    @Test("a DAG run that failed because its task did is one failure, the task's; a DAG failing alone is its own")
    func failedParentAndChild() throws {
        let dag = run("dag-1", hoursAgo: 2, state: .failed)
        var task = run("task-1", hoursAgo: 2, minutes: 5, state: .failed, error: "Bash command failed")
        task.job = JobName(namespace: "airflow", name: "profit_daily.load_profit")
        task.parentRunID = dag.id
        var passingTask = run("task-2", hoursAgo: 2, minutes: 1)
        passingTask.job = JobName(namespace: "airflow", name: "profit_daily.extract")
        passingTask.parentRunID = dag.id
        let found = signals(pipeline(), .init(runs: [dag, task, passingTask]))
        #expect(found.map(\.subject) == ["job:airflow/profit_daily.load_profit"])
        #expect(found.first?.summary == "airflow/profit_daily.load_profit failed: Bash command failed")
        // A DAG run that failed with no failed task (a timeout) still pages, and so does the next
        // DAG run's failure after the task of the first recovered.
        #expect(signals(pipeline(), .init(runs: [dag, passingTask])).map(\.subject) == ["job:airflow/profit_daily"])
        var retried = task
        retried.id = "task-1-retry"
        retried.state = .completed
        retried.startedAt = task.startedAt.addingTimeInterval(600)
        retried.endedAt = retried.startedAt.addingTimeInterval(60)
        let next = run("dag-2", hoursAgo: 1, state: .failed)
        #expect(
            signals(pipeline(), .init(runs: [dag, task, retried, next])).map(\.subject) == ["job:airflow/profit_daily"]
        )
    }

    @Test("a run beyond the median plus 3 MAD of its history is slow; within it is not")
    func slowByHistory() throws {
        let history = [10.0, 11, 9, 10, 12, 10].enumerated().map {
            run("h\($0.offset)", hoursAgo: Double(48 - $0.offset), minutes: $0.element)
        }
        #expect(signals(pipeline(), .init(runs: history + [run("now", hoursAgo: 1, minutes: 12)])).isEmpty)
        let slow = try #require(
            signals(pipeline(), .init(runs: history + [run("now", hoursAgo: 1, minutes: 30)])).first
        )
        #expect(slow.kind == .slowRun)
        #expect(slow.evidence["duration_s"] == "1800")
        #expect(slow.evidence["median_s"] == "600")
        #expect(slow.evidence["samples"] == "6")
    }

    @Test("a run still going past the limit counts as slow")
    func slowWhileRunning() throws {
        let history = (0..<5).map { run("h\($0)", hoursAgo: Double(48 - $0), minutes: 10) }
        let going = run("now", hoursAgo: 0.5, minutes: nil, state: .running)
        let signal = try #require(signals(pipeline(), .init(runs: history + [going])).first)
        #expect(signal.summary.hasPrefix("airflow/profit_daily has been running 30m, beyond 12m"))
        #expect(signal.openedAt == going.startedAt.addingTimeInterval(720))
    }

    @Test("max_duration makes a run slow without any history, and too little history alone never does")
    func slowByMaximum() throws {
        let long = run("now", hoursAgo: 2, minutes: 50)
        #expect(signals(pipeline(), .init(runs: [run("h", hoursAgo: 30, minutes: 5), long])).isEmpty)
        let signal = try #require(signals(pipeline(maxDuration: .seconds(45 * 60)), .init(runs: [long])).first)
        #expect(signal.evidence["basis"] == "max_duration 45m")
    }

    @Test("a passed deadline with no completed run since the one before is missed, in the pipeline's zone")
    func missedDeadline() throws {
        let p = pipeline(deliverBy: "07:00")
        // Noon UTC is 08:00 in New York on 2026-03-10 (EDT): the 07:00 deadline has passed.
        let yesterday = run("y", hoursAgo: 26, minutes: 10)
        let signal = try #require(signals(p, .init(runs: [yesterday])).first)
        #expect(signal.kind == .missedDeadline)
        #expect(signal.subject == "deadline:2026-03-10")
        #expect(signal.evidence["due"] == "2026-03-10T07:00:00-04:00")
        #expect(signal.evidence["period_start"] == "2026-03-09T07:00:00-04:00")
        // A run that completed at 02:50 New York time, before the deadline: nothing missed.
        #expect(signals(p, .init(runs: [yesterday, run("t", hoursAgo: 5.5, minutes: 20)])).isEmpty)
        // Before 07:00 the day's deadline has not passed, and yesterday's was met.
        #expect(signals(p, .init(runs: [yesterday]), at: noon.addingTimeInterval(-2 * 3600)).isEmpty)
    }

    @Test("an input updated longer ago than allowed is late")
    func lateInput() throws {
        let p = pipeline(inputs: [InputExpectation(name: "sales.orders", maxAge: .seconds(6 * 3600))])
        let fresh = DatasetUpdate(namespace: "pg", name: "sales.orders", at: noon.addingTimeInterval(-3600))
        #expect(signals(p, .init(runs: [], datasetUpdates: [fresh])).isEmpty)
        let stale = DatasetUpdate(namespace: "pg", name: "sales.orders", at: noon.addingTimeInterval(-8 * 3600))
        let signal = try #require(signals(p, .init(runs: [], datasetUpdates: [stale])).first)
        #expect(signal.kind == .lateInput)
        #expect(signal.summary == "input sales.orders was last updated 480m ago, more than 6h")
        #expect(signal.openedAt == stale.at.addingTimeInterval(6 * 3600))
    }

    @Test("dbt source freshness warn and error are late inputs; pass is not")
    func lateSources() {
        let results = [SourceFreshness.Status.pass, .warn, .error].map { status in
            SourceFreshness(
                uniqueID: "source.lab.raw.\(status.rawValue)",
                status: status,
                maxLoadedAt: nil,
                snapshottedAt: noon,
                ageSeconds: 10_810
            )
        }
        let found = signals(pipeline(), .init(runs: [], sourceFreshness: results))
        #expect(found.map(\.subject) == ["source:source.lab.raw.error", "source:source.lab.raw.warn"])
        #expect(found.last?.summary == "dbt source source.lab.raw.warn freshness is warn (last loaded 180m ago)")
    }

    @Test("a changed input schema is a signal until a later run with the new schema completes")
    func schemaChange() throws {
        let old = [SchemaField(name: "id", type: "integer"), SchemaField(name: "amount", type: "numeric")]
        let new = [SchemaField(name: "id", type: "bigint"), SchemaField(name: "total", type: "numeric")]
        let dataset = { (schema: [SchemaField]) in
            [DatasetObservation(namespace: "pg", name: "sales.orders", schema: schema)]
        }
        let before = run("r1", hoursAgo: 30, inputs: dataset(old))
        let changed = run("r2", hoursAgo: 6, state: .failed, inputs: dataset(new))
        let found = signals(pipeline(), .init(runs: [before, changed])).filter { $0.kind == .schemaChange }
        let signal = try #require(found.first)
        #expect(
            signal.summary
                == "schema of pg/sales.orders changed: added total; removed amount; retyped id integer→bigint"
        )
        #expect(signal.evidence["run_id"] == "r2")
        let adopted = run("r3", hoursAgo: 1, inputs: dataset(new))
        #expect(
            signals(pipeline(), .init(runs: [before, changed, adopted])).filter { $0.kind == .schemaChange }.isEmpty
        )
    }

    @Test("a pipeline whose jobs never reported misses its deadline; one with no jobs is not judged")
    func deadlineWithoutRuns() throws {
        let silent = try #require(signals(pipeline(deliverBy: "07:00"), .init(runs: [])).first)
        #expect(silent.kind == .missedDeadline)
        #expect(silent.evidence["last_completed"] == "never")
        var unwatched = pipeline(deliverBy: "07:00")
        unwatched.jobs = []
        #expect(signals(unwatched, .init(runs: [])).isEmpty)
    }

    @Test("a deadline that passed before Pipewatch watched the pipeline is not judged")
    func deadlineBeforeWatching() throws {
        // Given a 07:00 deadline and a pipeline first watched an hour ago
        let recently = signals(
            pipeline(deliverBy: "07:00"),
            .init(runs: [], watchedSince: noon.addingTimeInterval(-3600))
        )
        // Then no missed deadline is reported; watched for two days, it is
        #expect(recently.isEmpty)
        let longAgo = signals(
            pipeline(deliverBy: "07:00"),
            .init(runs: [], watchedSince: noon.addingTimeInterval(-2 * 86_400))
        )
        #expect(longAgo.map(\.kind) == [.missedDeadline])
    }
}
