import Foundation
import PipewatchCore
import PipewatchStore
import PipewatchTestSupport
import Testing

/// The runs side of the store, on every backend: events in any order and repeated, dbt
/// invocations ingested twice, and what the signal detector is given.
@Suite("run store contract")
struct RunStoreContractTests {
    let job = JobName(namespace: "airflow", name: "profit_daily")
    let runID = "01a21d17-f709-7ae8-ba25-6750e7881b32"

    private func incoming(_ type: RunEventType, minutes: Double, output: String? = nil) throws -> IncomingEvent {
        let time = Fixtures.now.addingTimeInterval(minutes * 60)
        let outputs = output.map { [["namespace": "pg", "name": $0]] } ?? []
        let body: [String: Any] = [
            "eventType": type.rawValue, "eventTime": ISO8601Text.format(time, in: .gmt), "producer": "test",
            "schemaURL": "https://openlineage.io/spec/2-0-2/OpenLineage.json", "run": ["runId": runID],
            "job": ["namespace": job.namespace, "name": job.name], "outputs": outputs,
        ]
        let data = try JSONSerialization.data(withJSONObject: body)
        return IncomingEvent(
            event: try LineageEventDecoder.decode(data),
            body: String(decoding: data, as: UTF8.self),
            pipeline: "profit"
        )
    }

    @Test(
        "a run assembles from events in any order, in one batch or many; repeats are reported and change nothing",
        arguments: StoreBackend.available
    )
    func assembly(backend: StoreBackend) async throws {
        try await withTestStore(backend) { store in
            let complete = try incoming(.complete, minutes: 5, output: "analytics.profit_daily")
            let start = try incoming(.start, minutes: 0)
            #expect(try await store.record([complete], receivedAt: Fixtures.now) == [true])
            #expect(
                try await store.record([start, complete, start], receivedAt: Fixtures.now) == [true, false, false]
            )
            let runs = try await store.runs(of: "profit", limit: 10)
            #expect(runs.count == 1)
            #expect(runs.first?.state == .completed)
            #expect(
                runs.first.map { ISO8601Text.format($0.startedAt, in: .gmt) }
                    == ISO8601Text.format(Fixtures.now, in: .gmt)
            )
            let evidence = try await store.evidence(for: "profit", inputs: ["analytics.profit_daily"], perJob: 5)
            #expect(evidence.datasetUpdates.map(\.name) == ["analytics.profit_daily"])
        }
    }

    @Test(
        "a run stored before assemblies were kept is assembled from its stored events at its next event",
        arguments: StoreBackend.available
    )
    func assemblyFromOlderStore(backend: StoreBackend) async throws {
        try await withTestStore(backend) { store in
            _ = try await store.record(
                [try incoming(.start, minutes: 0), try incoming(.running, minutes: 1, output: "staging.a")],
                receivedAt: Fixtures.now
            )
            try await store.forgetRunAssembliesForTesting()
            _ = try await store.record(
                [try incoming(.complete, minutes: 5, output: "mart.b")],
                receivedAt: Fixtures.now
            )
            _ = try await store.record([try incoming(.running, minutes: 2)], receivedAt: Fixtures.now)
            let run = try #require(try await store.runs(of: "profit", limit: 10).first)
            #expect(run.state == .completed)
            #expect(run.duration(at: Fixtures.now) == 300)
            #expect(run.outputs.map(\.name) == ["staging.a", "mart.b"])
        }
    }

    @Test(
        "a dbt node listed twice keeps its last result, and ingesting the invocation again changes nothing",
        arguments: StoreBackend.available
    )
    func dbtTwice(backend: StoreBackend) async throws {
        let results = """
            {"metadata": {"invocation_id": "inv-1"}, "results": [
              {"unique_id": "model.shop.orders", "status": "error", "message": "boom", "timing": []},
              {"unique_id": "model.shop.orders", "status": "success", "timing": []},
              {"unique_id": "model.shop.later", "status": "skipped", "timing": []}
            ]}
            """
        let catalog = Catalog(
            team: Team(name: "T", timeZone: .gmt),
            engineers: [],
            pipelines: [
                Pipeline(
                    id: "shop",
                    name: "Shop",
                    owners: PipelineOwners(primary: "a", secondary: "b"),
                    jobs: [
                        PipelineJob(.dbt(uniqueID: "model.shop.orders")),
                        PipelineJob(.dbt(uniqueID: "model.shop.later")),
                    ]
                )
            ]
        )
        let artifacts = try DbtArtifacts(runResults: Data(results.utf8), sources: nil, manifest: nil, catalog: catalog)
        try await withTestStore(backend) { store in
            _ = try await store.record(artifacts)
            _ = try await store.record(artifacts)
            let runs = try await store.runs(of: "shop", limit: 10)
            #expect(runs.map(\.state).sorted { $0.rawValue < $1.rawValue } == [.completed, .skipped])
            let evidence = try await store.evidence(for: "shop", inputs: [], perJob: 21)
            let signals = SignalDetector().signals(for: catalog.pipelines[0], evidence: evidence, at: Fixtures.now)
            #expect(signals.isEmpty)
        }
    }
}

extension RunStoreContractTests {
    @Test("the latest run of each pipeline, in one query, for the dashboard", arguments: StoreBackend.available)
    func latestRuns(backend: StoreBackend) async throws {
        try await withTestStore(backend) { store in
            #expect(try await store.latestRuns().isEmpty)
            _ = try await store.record(
                [try incoming(.start, minutes: 0), try incoming(.complete, minutes: 5)],
                receivedAt: Fixtures.now
            )
            let latest = try await store.latestRuns()
            #expect(Array(latest.keys) == ["profit"])
            #expect(latest["profit"]?.id == runID)
            #expect(latest["profit"]?.state == .completed)
        }
    }
}

extension RunStoreContractTests {
    @Test(
        "the evidence holds the newest runs of each job of the pipeline, and only of that pipeline",
        arguments: StoreBackend.available
    )
    func newestRunsPerJob(backend: StoreBackend) async throws {
        func start(_ job: String, run: Int, minutes: Double, pipeline: PipelineID) throws -> IncomingEvent {
            let (namespace, name) = job.hasPrefix("model.") ? ("dbt", job) : ("airflow", job)
            let body: [String: Any] = [
                "eventType": "START",
                "eventTime": ISO8601Text.format(Fixtures.now.addingTimeInterval(minutes * 60), in: .gmt),
                "producer": "test", "schemaURL": "https://openlineage.io/spec/2-0-2/OpenLineage.json",
                "run": ["runId": String(format: "00000000-0000-4000-8000-%012d", run)],
                "job": ["namespace": namespace, "name": name],
            ]
            let data = try JSONSerialization.data(withJSONObject: body)
            return IncomingEvent(
                event: try LineageEventDecoder.decode(data),
                body: String(decoding: data, as: UTF8.self),
                pipeline: pipeline
            )
        }
        try await withTestStore(backend) { store in
            var events: [IncomingEvent] = []
            for (index, job) in ["extract", "load", "model.shop.orders", "transform"].enumerated() {
                for day in 0..<4 {
                    events.append(
                        try start(job, run: index * 10 + day, minutes: Double(day * 1_440), pipeline: "profit")
                    )
                }
            }
            events.append(try start("extract", run: 99, minutes: 10_000, pipeline: "orders"))
            _ = try await store.record(events, receivedAt: Fixtures.now)

            let runs = try await store.evidence(for: "profit", inputs: [], perJob: 2).runs
            let byJob = Dictionary(grouping: runs, by: \.job.name)
            #expect(byJob.keys.sorted() == ["extract", "load", "model.shop.orders", "transform"])
            for (index, job) in ["extract", "load", "model.shop.orders", "transform"].enumerated() {
                #expect(
                    byJob[job]?.map(\.id).sorted()
                        == [index * 10 + 2, index * 10 + 3].map { String(format: "00000000-0000-4000-8000-%012d", $0) }
                )
            }
            #expect(try await store.evidence(for: "nothing", inputs: [], perJob: 2).runs.isEmpty)
        }
    }
}
