import Foundation
import PipewatchCore
import PipewatchTestSupport
import Testing

@Suite("dbt artifacts")
struct DbtArtifactsTests {
    let catalog = Catalog(
        team: Team(name: "T", timeZone: .gmt),
        engineers: [],
        pipelines: [
            Pipeline(
                id: "orders",
                name: "Orders",
                owners: PipelineOwners(primary: "a", secondary: "b"),
                jobs: [
                    PipelineJob(.dbt(uniqueID: "model.lab.orders_by_customer")),
                    PipelineJob(.dbt(uniqueID: "source.lab.raw.customers")),
                ]
            )
        ]
    )

    private func artifacts() throws -> DbtArtifacts {
        try DbtArtifacts(
            runResults: try RepositoryFiles.fixtureData("dbt/run_results.json"),
            sources: try RepositoryFiles.fixtureData("dbt/sources.json"),
            manifest: try RepositoryFiles.fixtureData("dbt/manifest.json"),
            catalog: catalog
        )
    }

    @Test("every node becomes a run with dbt's status mapped: fail and error fail, warn does not")
    func statuses() throws {
        let runs = try artifacts().nodeRuns
        #expect(runs.count == 8)
        let failing = runs.filter { $0.run.state.isFailure }.map(\.run.job.name)
        #expect(failing == ["test.lab.accepted_values_orders_by_customer_n_orders__False__2.e86d2159a3"])
        let warned = try #require(runs.first { $0.status == "warn" })
        #expect(warned.run.state == .completed)
        #expect(warned.run.errorMessage == "Got 1 result, configured to warn if != 0")
        #expect(runs.allSatisfy { $0.run.id.hasPrefix("e4659c78-7781-494d-a272-7e0a6402fcf8:") })
    }

    @Test("a test belongs to the pipeline of the node it tests; nodes no pipeline names stay unattributed")
    func attribution() throws {
        let runs = try artifacts().nodeRuns
        let orders = runs.filter { $0.pipeline == "orders" }.map(\.run.job.name)
        #expect(orders.contains("model.lab.orders_by_customer"))
        #expect(orders.contains("test.lab.accepted_values_orders_by_customer_n_orders__False__2.e86d2159a3"))
        #expect(runs.first { $0.run.job.name == "model.lab.stg_orders" }?.pipeline == nil)
    }

    @Test("an unknown status is kept as unknown, not counted as a failure")
    func unknownStatus() throws {
        let json = """
            {"metadata": {"invocation_id": "i"}, "results": [{"unique_id": "model.x.y", "status": "partial success", "timing": []}]}
            """
        let run = try #require(
            try DbtArtifacts(runResults: Data(json.utf8), sources: nil, manifest: nil, catalog: catalog).nodeRuns.first
        )
        #expect(run.run.state == .unknown)
        #expect(run.status == "partial success")
        #expect(!run.run.state.isFailure)
    }

    @Test("freshness results keep their status and age, attributed through the pipeline's jobs")
    func freshness() throws {
        let results = try artifacts().freshness
        let customers = try #require(results.first { $0.result.uniqueID == "source.lab.raw.customers" })
        #expect(customers.result.status == .warn)
        #expect(customers.result.ageSeconds == 10_810)
        #expect(customers.pipeline == "orders")
    }

    @Test("a file that is not a dbt artifact is refused with its name")
    func notAnArtifact() {
        #expect(throws: DbtArtifactError.missingField(file: "run_results.json", field: "results")) {
            try DbtArtifacts(runResults: Data("{}".utf8), sources: nil, manifest: nil, catalog: catalog)
        }
        #expect(throws: DbtArtifactError.malformedJSON(file: "manifest.json")) {
            try DbtArtifacts(runResults: nil, sources: nil, manifest: Data("[".utf8), catalog: catalog)
        }
    }
}
