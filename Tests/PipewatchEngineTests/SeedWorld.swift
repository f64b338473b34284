import Foundation
import Logging
import PipewatchConfig
import PipewatchCore
import PipewatchEngine
import PipewatchStore
import PipewatchTestSupport

/// The seed plan with every contact pointed at a loopback receiver: `BASE/<who>` for each person,
/// with secret `secret-<who>`.
enum SeedWorld {
    static let people = ["a", "b", "c", "d", "finance", "growth", "product", "experiments", "ir"]

    static func plan() throws -> TeamPlan {
        try ConfigLoader.load(RepositoryFiles.seedConfig, currentDirectory: RepositoryFiles.root).0
    }

    static func environment(base: String) -> [String: String] {
        var environment: [String: String] = [:]
        for person in people {
            environment["PIPEWATCH_WEBHOOK_URL_\(person.uppercased())"] = "\(base)/\(person)"
            environment["PIPEWATCH_WEBHOOK_SECRET_\(person.uppercased())"] = "secret-\(person)"
        }
        return environment
    }

    static func engine(
        plan: TeamPlan,
        store: SQLStateStore,
        clock: TestClock,
        environment: [String: String]
    ) -> Engine {
        Engine(
            plan: plan,
            store: store,
            clock: clock,
            wallClock: clock.wall,
            environment: environment,
            logger: .discarding
        )
    }

    /// A FAIL event of `job` at `time`, as the official client sends one.
    static func failure(
        job: String,
        namespace: String = "airflow",
        at time: Date,
        runID: String
    ) throws
        -> IncomingEvent
    {
        let data = try RepositoryFiles.fixtureData("lineage/openlineage-runevent-fail.json")
        var object = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
        object["job"] = ["namespace": namespace, "name": job]
        object["eventTime"] = ISO8601Text.format(time, in: .gmt)
        var run = object["run"] as? [String: Any] ?? [:]
        run["runId"] = runID
        object["run"] = run
        let body = try JSONSerialization.data(withJSONObject: object)
        let event = try LineageEventDecoder.decode(body)
        let plan = try plan()
        return IncomingEvent(
            event: event,
            body: String(decoding: body, as: UTF8.self),
            pipeline: plan.catalog.pipeline(forJob: event.job, parent: event.parent?.job)
        )
    }
}
