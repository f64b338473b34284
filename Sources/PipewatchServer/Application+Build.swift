import Foundation
import HTTPTypes
public import Hummingbird
public import Logging
import NIOCore
public import PipewatchCore
public import PipewatchStore

/// Builds the Pipewatch HTTP application: the ingest endpoints, the read API, `/metrics`,
/// `/healthz` and `/openapi.yaml`. `pipewatch serve` and the tests both call it.
///
/// - Parameters:
///   - settings: where to listen and what to accept.
///   - plan: the team's plan (pipelines map events; tokens guard the API).
///   - store: the open store; the caller runs and closes it.
///   - clock: "now" for signals and the schedule.
///   - logger: the server's logger.
/// - Returns: the application, with the ingest writer as a service.
public func buildApplication(
    settings: ServerSettings,
    plan: TeamPlan,
    store: SQLStateStore,
    clock: any WallClock,
    logger: Logger
) -> some ApplicationProtocol {
    let metrics = ServerMetrics()
    let writer = IngestWriter(store: store, clock: clock, maxBatch: settings.maxBatch, logger: logger)
    let router = Router()
    router.middlewares.add(MetricsMiddleware(metrics: metrics))
    router.get("healthz") { _, _ in JSONResponse(["status": "ok"]) }
    router.get("openapi.yaml") { _, _ in
        var headers = HTTPFields()
        headers[.contentType] = "application/yaml; charset=utf-8"
        return Response(
            status: .ok,
            headers: headers,
            body: ResponseBody(byteBuffer: ByteBuffer(string: OpenAPIDocument.yaml))
        )
    }
    router.get("metrics") { _, _ in
        let runs = try await store.runCounts()
        let signals = try await store.openSignals(in: plan.catalog, at: clock.now)
        let text = metrics.render(
            runs: Dictionary(uniqueKeysWithValues: RunState.allCases.map { ($0.rawValue, runs[$0] ?? 0) }),
            signals: Dictionary(
                uniqueKeysWithValues: SignalKind.allCases.map { kind in
                    (kind.rawValue, signals.filter { $0.kind == kind }.count)
                }
            )
        )
        var headers = HTTPFields()
        headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
    let api = router.group("api/v1")
    let writes = api.group().add(middleware: TokenAuthenticator(access: plan.api, scope: .write))
    LineageController(catalog: plan.catalog, writer: writer, metrics: metrics, maxBodyBytes: settings.maxBodyBytes)
        .add(to: writes)
    DbtController(catalog: plan.catalog, store: store, maxBodyBytes: settings.maxBodyBytes).add(to: writes)
    let reads =
        plan.api.readAccess == .token
        ? api.group().add(middleware: TokenAuthenticator(access: plan.api, scope: .read)) : api.group()
    ReadController(plan: plan, store: store, clock: clock).add(to: reads)
    return Application(
        router: router,
        configuration: ApplicationConfiguration(
            address: .hostname(settings.host, port: settings.port),
            serverName: "Pipewatch"
        ),
        services: [writer],
        logger: logger
    )
}

/// Runs the application until SIGTERM or SIGINT, then shuts down gracefully: the server stops
/// accepting, answers the requests in flight, and the ingest writer commits what it queued.
///
/// - Parameters: as ``buildApplication(settings:plan:store:clock:logger:)``; the caller runs and
///   closes the store around this call.
/// - Throws: when the server cannot listen.
public func serve(
    settings: ServerSettings,
    plan: TeamPlan,
    store: SQLStateStore,
    clock: any WallClock,
    logger: Logger
) async throws {
    try await buildApplication(settings: settings, plan: plan, store: store, clock: clock, logger: logger).runService()
}
