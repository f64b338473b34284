import Foundation
import PipewatchCore
import PipewatchStore
import PipewatchTestSupport
import Testing

/// Runs stored before the config mapped their job, claimed when it does; and the failures of
/// jobs nobody maps, on every backend.
@Suite("run attribution contract")
struct RunAttributionContractTests {
    private let team = Team(name: "T", timeZone: .gmt)

    private func catalog(_ jobs: [JobIdentity]) -> Catalog {
        Catalog(
            team: team,
            engineers: [],
            pipelines: [
                Pipeline(
                    id: "orders",
                    name: "Orders",
                    owners: PipelineOwners(primary: "a", secondary: "b"),
                    jobs: jobs.map { PipelineJob($0) }
                )
            ]
        )
    }

    /// One event of run `runID` of `job`, `minutes` after the fixture's instant, attributed with `catalog`.
    private func event(
        _ type: RunEventType,
        job: JobName,
        runID: String,
        minutes: Double,
        parent: (job: JobName, runID: String)? = nil,
        catalog: Catalog
    ) throws -> IncomingEvent {
        var facets: [String: Any] = [:]
        if let parent {
            facets["parent"] = [
                "job": ["namespace": parent.job.namespace, "name": parent.job.name], "run": ["runId": parent.runID],
            ]
        }
        let body: [String: Any] = [
            "eventType": type.rawValue,
            "eventTime": ISO8601Text.formatMilliseconds(Fixtures.now.addingTimeInterval(minutes * 60), in: .gmt),
            "producer": "test", "schemaURL": "https://openlineage.io/spec/2-0-2/OpenLineage.json",
            "run": ["runId": runID, "facets": facets], "job": ["namespace": job.namespace, "name": job.name],
        ]
        let data = try JSONSerialization.data(withJSONObject: body)
        let decoded = try LineageEventDecoder.decode(data)
        return IncomingEvent(
            event: decoded,
            body: String(decoding: data, as: UTF8.self),
            pipeline: catalog.pipeline(forJob: decoded.job, parent: decoded.parent?.job)
        )
    }

    private let parentJob = JobName(namespace: "dbt", name: "dbt-run-shop")
    private let testJob = JobName(namespace: "dbt", name: "shop.main.shop.orders.test")
    private let parentRun = "01a23a9b-a60a-7f30-8af6-8248ffa1b295"
    private let testRun = "01a23a9b-bb1d-715d-b519-dff7f557f38d"

    /// dbt-ol's `test` with a failing test: the parent and the model's test job, both failed.
    private func failedDbtTest(_ catalog: Catalog) throws -> [IncomingEvent] {
        [
            try event(.start, job: parentJob, runID: parentRun, minutes: 0, catalog: catalog),
            try event(
                .fail,
                job: testJob,
                runID: testRun,
                minutes: 1,
                parent: (parentJob, parentRun),
                catalog: catalog
            ),
            try event(.fail, job: parentJob, runID: parentRun, minutes: 2, catalog: catalog),
        ]
    }

    @Test(
        "a job the config maps later has its stored runs attributed, once, and its failure reaches the signals",
        arguments: StoreBackend.available
    )
    func mapLater(backend: StoreBackend) async throws {
        let before = catalog([.openLineage(namespace: "other", name: "job")])
        let after = catalog([.dbt(uniqueID: "model.shop.orders")])
        try await withTestStore(backend) { store in
            _ = try await store.record(try failedDbtTest(before), receivedAt: Fixtures.now)
            #expect(try await store.runs(of: "orders", limit: 10).isEmpty)
            #expect(try await store.unmatchedFailures().map(\.job).sorted() == [parentJob, testJob])

            let moved = try await store.reattribute(catalog: after)
            #expect(moved == Reattribution(runs: 1, pipelines: ["orders"]))
            #expect(try await store.runs(of: "orders", limit: 10).map(\.job) == [testJob])
            let evidence = try await store.evidence(for: "orders", inputs: [], perJob: 5)
            let signals = SignalDetector().signals(for: after.pipelines[0], evidence: evidence, at: Fixtures.now)
            #expect(signals.map(\.subject) == ["job:\(testJob)"])
            // The parent's failure is the test's, which the pipeline now shows: no longer unmatched.
            #expect(try await store.unmatchedFailures().isEmpty)
            #expect(try await store.unmatchedJobs().map(\.job) == [parentJob])

            #expect(try await store.reattribute(catalog: after) == Reattribution())
        }
    }

    @Test(
        "runs that reached a pipeline through their parent job follow the parent's mapping",
        arguments: StoreBackend.available
    )
    func mapParentLater(backend: StoreBackend) async throws {
        let none = catalog([])
        let byParent = catalog([.openLineage(namespace: "dbt", name: "dbt-run-shop")])
        try await withTestStore(backend) { store in
            _ = try await store.record(try failedDbtTest(none), receivedAt: Fixtures.now)
            let moved = try await store.reattribute(catalog: byParent)
            #expect(moved.runs == 2)
            #expect(Set(try await store.runs(of: "orders", limit: 10).map(\.job)) == [parentJob, testJob])
            // Dropped from the config again: back to unmatched, and seen as such.
            #expect(try await store.reattribute(catalog: none) == Reattribution(runs: 2, pipelines: ["orders"]))
            #expect(try await store.runs(of: "orders", limit: 10).isEmpty)
            #expect(try await store.unmatchedFailures().count == 2)
        }
    }

    @Test(
        "an unmatched job's failure is listed until its next run succeeds",
        arguments: StoreBackend.available
    )
    func unmatchedFailureClears(backend: StoreBackend) async throws {
        let none = catalog([])
        let job = JobName(namespace: "spark", name: "adhoc")
        try await withTestStore(backend) { store in
            _ = try await store.record(
                [
                    try event(.start, job: job, runID: parentRun, minutes: 0, catalog: none),
                    try event(.fail, job: job, runID: parentRun, minutes: 1, catalog: none),
                ],
                receivedAt: Fixtures.now
            )
            let failure = try #require(try await store.unmatchedFailures().first)
            #expect(failure.id == parentRun)
            #expect(failure.state == .failed)
            _ = try await store.record(
                [try event(.complete, job: job, runID: testRun, minutes: 5, catalog: none)],
                receivedAt: Fixtures.now
            )
            #expect(try await store.unmatchedFailures().isEmpty)
        }
    }

    @Test(
        "dbt artifact runs that matched no pipeline are claimed when the config names their node",
        arguments: StoreBackend.available
    )
    func dbtArtifactsMapLater(backend: StoreBackend) async throws {
        let results = """
            {"metadata": {"invocation_id": "inv-1"}, "results": [
              {"unique_id": "model.shop.orders", "status": "error", "message": "boom", "timing": []}
            ]}
            """
        let artifacts = try DbtArtifacts(
            runResults: Data(results.utf8),
            sources: nil,
            manifest: nil,
            catalog: catalog([])
        )
        try await withTestStore(backend) { store in
            _ = try await store.record(artifacts)
            #expect(try await store.unmatchedFailures().count == 1)
            let moved = try await store.reattribute(catalog: catalog([.dbt(uniqueID: "model.shop.orders")]))
            #expect(moved == Reattribution(runs: 1, pipelines: ["orders"]))
            #expect(try await store.runs(of: "orders", limit: 10).map(\.state) == [.failed])
            #expect(try await store.unmatchedFailures().isEmpty)
        }
    }
}
