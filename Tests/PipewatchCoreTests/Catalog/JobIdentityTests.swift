import Foundation
import PipewatchCore
import Testing

@Suite("job identities")
struct JobIdentityTests {
    @Test(
        "a dbt node in a pipeline's jobs matches what ingest and dbt-ol call it",
        arguments: [
            ("model.shop.orders", "dbt", "model.shop.orders"),
            ("model.shop.orders", "dbt", "shop.main.shop.orders"),
            ("model.shop.orders", "dbt", "shop.main.shop.orders.test"),
            ("model.shop.orders", "duckdb:///tmp/shop.duckdb", "shop.main.shop.orders"),
            ("model.lab.orders_by_customer", "lab-dbt", "lab.analytics.lab.orders_by_customer.build.test"),
            ("model.lab.orders_by_customer", "lab-dbt", "lab.analytics.lab.orders_by_customer.build.run"),
            ("snapshot.lab.customers_history", "dbt", "lab.snapshots.lab.customers_history.snapshot"),
        ]
    )
    func dbtNodeMatches(uniqueID: String, namespace: String, name: String) {
        #expect(JobIdentity.dbt(uniqueID: uniqueID).matches(JobName(namespace: namespace, name: name)))
    }

    @Test(
        "a dbt node does not match other nodes, other projects or a bare project.model",
        arguments: [
            ("model.shop.orders", "shop.main.shop.orders_daily"),
            ("model.shop.orders", "shop.main.myshop.orders"),
            ("model.shop.orders", "shop.orders"),
            ("model.shop.orders", "shop.main.shop.orders.unknown"),
            ("model.shop.orders", "dbt-run-shop"),
        ]
    )
    func dbtNodeMismatches(uniqueID: String, name: String) {
        #expect(!JobIdentity.dbt(uniqueID: uniqueID).matches(JobName(namespace: "dbt", name: name)))
    }

    @Test("the catalog maps dbt-ol's model and test jobs to the pipeline naming the model")
    func catalogMapsDbtOL() {
        let catalog = Catalog(
            team: Team(name: "T", timeZone: .gmt),
            engineers: [],
            pipelines: [
                Pipeline(
                    id: "orders",
                    name: "Orders",
                    owners: PipelineOwners(primary: "a", secondary: "b"),
                    jobs: [PipelineJob(.dbt(uniqueID: "model.shop.orders"))]
                )
            ]
        )
        let parent = JobName(namespace: "dbt", name: "dbt-run-shop")
        #expect(
            catalog.pipeline(forJob: JobName(namespace: "dbt", name: "shop.main.shop.orders"), parent: parent)
                == "orders"
        )
        #expect(
            catalog.pipeline(forJob: JobName(namespace: "dbt", name: "shop.main.shop.orders.test"), parent: parent)
                == "orders"
        )
        #expect(catalog.pipeline(forJob: parent) == nil)
    }
}
