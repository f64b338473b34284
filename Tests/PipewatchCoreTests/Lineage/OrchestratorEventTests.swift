import Foundation
import PipewatchCore
import PipewatchTestSupport
import Testing

/// Events captured from real Airflow and dbt-ol runs, as Pipewatch reads and judges them.
@Suite("real orchestrators' events")
struct OrchestratorEventTests {
    private func sample(_ name: String) throws -> LineageEvent {
        try LineageEventDecoder.decode(try RepositoryFiles.fixtureData("lineage/\(name).json"))
    }

    private let orders = Pipeline(
        id: "orders",
        name: "Orders",
        owners: PipelineOwners(primary: "a", secondary: "b"),
        jobs: [PipelineJob(.dbt(uniqueID: "model.shop.orders"))]
    )

    @Test("airflow dags test's DAG FAIL without START takes its start and duration from the airflowDagRun facet")
    func dagFailWithoutStart() throws {
        let event = try sample("airflow-dag-fail-without-start")
        #expect(event.reportedStart == ISO8601Text.parse("2026-12-03T06:35:15.937857+00:00"))
        let run = try #require(Run(assembling: [event]))
        #expect(run.state == .failed)
        #expect(ISO8601Text.formatMilliseconds(run.startedAt, in: .gmt) == "2026-12-03T06:35:15.938+00:00")
        #expect(abs(run.duration(at: event.eventTime) - 9.039317) < 0.001)
    }

    @Test("a DAG FAIL that says only 'task_failure' names the tasks its airflowState lists as failed")
    func dagFailNamesFailedTasks() throws {
        // The real DAG FAIL: errorMessage 'task_failure', tasksState extract_orders success, load_profit failed
        #expect(try sample("airflow-dag-fail-without-start").errorMessage == "task 'load_profit' failed")
        // A stated error stays as it is
        #expect(try sample("airflow-task-fail").errorMessage?.hasPrefix("Bash command failed.") == true)
    }

    @Test("a START, when it came, says when the run began, whatever a facet reports")
    func startWinsOverFacet() throws {
        let fail = try sample("airflow-dag-fail-without-start")
        var start = fail
        start.eventType = .start
        start.eventTime = fail.eventTime.addingTimeInterval(-5)
        start.reportedStart = nil
        let run = try #require(Run(assembling: [fail, start]))
        #expect(run.startedAt == start.eventTime)
    }

    @Test(
        "the duration falls back to the DAG run's duration, then to nominalStartTime",
        arguments: [
            (#"{"airflowDagRun": {"dagRun": {"duration": 90.5}}}"#, 90.5),
            (#"{"nominalTime": {"nominalStartTime": "2026-12-03T06:30:00Z"}}"#, 324.977174),
            (#"{"processing_engine": {"name": "Airflow", "version": "3.3.2"}}"#, 0),
        ]
    )
    func durationFallbacks(facets: String, seconds: Double) throws {
        let body = """
            {"eventType": "FAIL", "eventTime": "2026-12-03T06:35:24.977174+00:00", "producer": "p",
             "schemaURL": "https://openlineage.io/spec/2-0-2/OpenLineage.json",
             "job": {"namespace": "airflow", "name": "profit_daily"},
             "run": {"runId": "01a23a9d-4861-7576-86e5-09de21f08c02", "facets": \(facets)}}
            """
        let event = try LineageEventDecoder.decode(Data(body.utf8))
        let run = try #require(Run(assembling: [event]))
        #expect(abs(run.duration(at: event.eventTime) - seconds) < 0.001)
    }

    @Test("dbt-ol's failing test names the failed assertion in the pipeline's signal")
    func dbtOLAssertionInSignal() throws {
        let event = try sample("dbt-ol-test-fail")
        #expect(orders.owns(event.job))
        let run = try #require(Run(assembling: [event]))
        let signal = try #require(
            SignalDetector().signals(for: orders, evidence: .init(runs: [run]), at: event.eventTime).first
        )
        #expect(signal.kind == .processingFailure)
        #expect(
            signal.summary
                == "dbt/shop.main.shop.orders.test failed: failed assertion unique_orders_order_id on order_id "
                + "(unique: actual 1, expected 0) [shop.main.orders]"
        )
        #expect(
            signal.evidence["failed_assertions"]
                == "unique_orders_order_id on order_id (unique: actual 1, expected 0) [shop.main.orders]"
        )
    }

    @Test("a failed assertion is named once, however many facets repeat it, and without NUL characters")
    func assertionText() throws {
        let body = #"""
            {"eventType": "FAIL", "eventTime": "2026-12-03T06:33:34Z", "producer": "p",
             "schemaURL": "https://openlineage.io/spec/2-0-2/OpenLineage.json",
             "job": {"namespace": "dbt", "name": "shop.main.shop.orders.test"},
             "run": {"runId": "01a23a9b-bb1d-715d-b519-dff7f557f38d"},
             "inputs": [{"namespace": "duckdb", "name": "shop.main.orders",
               "facets": {"dataQualityAssertions": {"assertions": [
                 {"name": "odd\u0000name", "assertion": "unique", "success": false},
                 {"name": "fine", "success": true}]}},
               "inputFacets": {"dataQualityAssertions": {"assertions": [
                 {"name": "odd\u0000name", "assertion": "unique", "success": false}]}}}]}
            """#
        let event = try LineageEventDecoder.decode(Data(body.utf8))
        #expect(event.inputs.flatMap(\.failedAssertions) == ["oddname (unique)"])
    }

    /// A dbt-ol invocation: the parent `dbt-run-shop` and one child per model (`….test` for `test`).
    private func invocation(_ command: String, at minute: Double, failed: Bool) -> [Run] {
        let start = Date(timeIntervalSince1970: 1_796_000_000 + minute * 60)
        let parentID = "parent-\(command)-\(minute)"
        let state: RunState = failed ? .failed : .completed
        let parent = Run(
            id: parentID,
            job: JobName(namespace: "dbt", name: "dbt-run-shop"),
            state: state,
            startedAt: start,
            endedAt: start.addingTimeInterval(30)
        )
        let child = Run(
            id: "child-\(command)-\(minute)",
            job: JobName(namespace: "dbt", name: "shop.main.shop.orders" + (command == "test" ? ".test" : "")),
            state: state,
            startedAt: start.addingTimeInterval(1),
            endedAt: start.addingTimeInterval(20),
            parentRunID: parentID
        )
        return [parent, child]
    }

    @Test(
        "a later successful dbt-ol run does not clear the failed test, reported once for the model and its parent job",
        arguments: [
            JobIdentity.dbt(uniqueID: "model.shop.orders"),
            JobIdentity.openLineage(namespace: "dbt", name: "dbt-run-shop"),
        ]
    )
    func runDoesNotClearTest(identity: JobIdentity) throws {
        var pipeline = orders
        pipeline.jobs = [PipelineJob(identity)]
        let runs = invocation("test", at: 0, failed: true) + invocation("run", at: 10, failed: false)
        let evidence = SignalDetector.Evidence(runs: runs.filter { pipeline.owns($0.job) || $0.parentRunID != nil })
        let now = Date(timeIntervalSince1970: 1_796_000_000 + 3600)
        let failures = SignalDetector().signals(for: pipeline, evidence: evidence, at: now)
            .filter { $0.kind == .processingFailure }
        // One failure, reported by the model's test, which names what broke; the parent
        // invocation failed because of it, and does not page a second time.
        #expect(failures.map(\.subject) == ["job:dbt/shop.main.shop.orders.test"])
        // A passing `dbt-ol test` afterwards clears both.
        let passed = evidence.runs + invocation("test", at: 20, failed: false)
        #expect(
            SignalDetector().signals(for: pipeline, evidence: .init(runs: passed), at: now)
                .filter { $0.kind == .processingFailure }.isEmpty
        )
    }
}
