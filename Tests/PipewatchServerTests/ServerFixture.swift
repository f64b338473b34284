import Foundation
import HTTPTypes
import HummingbirdTesting
import Logging
import NIOCore
import PipewatchCore
import PipewatchEngine
import PipewatchServer
import PipewatchStore
import PipewatchTestSupport

/// The token the fixture plan accepts for writing, and one that may only read.
let writeToken = "test-write-token"
let readToken = "test-read-token"

/// A plan with one pipeline fed by `airflow/profit_daily`, delivered by 09:00 UTC.
func fixturePlan(readAccess: APIAccess.ReadAccess = .open) -> TeamPlan {
    let catalog = Catalog(
        team: Team(name: "Data", timeZone: .gmt),
        engineers: [
            Engineer(id: "a", name: "A", region: Region(code: "GB")!, timeZone: .gmt),
            Engineer(id: "b", name: "B", region: Region(code: "GB")!, timeZone: .gmt),
        ],
        pipelines: [
            Pipeline(
                id: "profit",
                name: "Profit",
                owners: PipelineOwners(primary: "a", secondary: "b"),
                jobs: [PipelineJob(.openLineage(namespace: "airflow", name: "profit_daily"))]
            ),
            Pipeline(
                id: "orders",
                name: "Orders",
                owners: PipelineOwners(primary: "b", secondary: "a"),
                jobs: [PipelineJob(.openLineage(namespace: "lab-pipeline", name: "orders_daily"))]
            ),
        ]
    )
    let access = APIAccess(
        readAccess: readAccess,
        tokens: [
            .init(name: "writer", sha256: TokenHash.sha256(writeToken), scope: .write),
            .init(name: "reader", sha256: TokenHash.sha256(readToken), scope: .read),
        ]
    )
    let oncall = OncallPolicy(
        rotation: ["a", "b"],
        handoff: Handoff(weekday: .monday, time: TimeOfDay(hour: 9, minute: 0)!),
        starts: LocalDate(year: 2026, month: 1, day: 5)!
    )
    return TeamPlan(catalog: catalog, oncall: oncall, api: access)
}

/// Runs `body` against the application on a fresh in-memory store, at a fixed instant; through the
/// router by default, or on a real loopback port with `.live` (give `settings` port 0).
func withTestServer(
    plan: TeamPlan = fixturePlan(),
    settings: ServerSettings = ServerSettings(),
    now: Date = Date(timeIntervalSince1970: 1_795_900_000),
    testing: TestingSetup = .router,
    _ body: @Sendable (any TestClientProtocol, SQLStateStore) async throws -> Void
) async throws {
    try await SQLStateStore.withStore(at: .sqliteInMemory, logger: Logger(label: "test")) { store in
        let clock = FixedWallClock(now)
        let engine = Engine(
            plan: plan,
            store: store,
            clock: ContinuousClock(),
            wallClock: clock,
            environment: [:],
            logger: Logger(label: "test")
        )
        let app = try buildApplication(
            settings: settings,
            plan: plan,
            store: store,
            engine: engine,
            clock: clock,
            logger: Logger(label: "test")
        )
        try await app.test(testing) { client in try await body(client, store) }
    }
}

/// A sample OpenLineage event from the official client, with fields replaced.
func sampleEvent(_ name: String = "openlineage-runevent", _ changes: [String: Any] = [:]) throws -> Data {
    let data = try RepositoryFiles.fixtureData("lineage/\(name).json")
    guard var object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else { return data }
    for (key, value) in changes { object[key] = value is NSNull ? nil : value }
    return try JSONSerialization.data(withJSONObject: object)
}

/// Sends `body` (JSON) with `token` as a bearer token; the status and the JSON object answered.
func sendJSON(
    _ client: any TestClientProtocol,
    _ method: HTTPRequest.Method,
    _ uri: String,
    _ body: Data? = nil,
    token: String? = nil
) async throws -> (HTTPResponse.Status, [String: Any]) {
    var headers: HTTPFields = [.contentType: "application/json"]
    if let token { headers[.authorization] = "Bearer \(token)" }
    return try await client.execute(
        uri: uri,
        method: method,
        headers: headers,
        body: body.map { ByteBuffer(bytes: $0) }
    ) { response in
        let object = try? JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any]
        return (response.status, object ?? [:])
    }
}
