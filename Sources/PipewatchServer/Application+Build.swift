import Foundation
import HTTPTypes
public import Hummingbird
import HummingbirdCore
public import Logging
import NIOCore
public import PipewatchCore
public import PipewatchEngine
public import PipewatchStore
public import ServiceLifecycle

/// Builds the Pipewatch HTTP application: the ingest endpoints, the read API, `/metrics`,
/// `/healthz` and `/openapi.yaml`. `pipewatch serve` and the tests both call it.
///
/// - Parameters:
///   - settings: where to listen and what to accept.
///   - plan: the team's plan (pipelines map events; tokens guard the API).
///   - store: the open store; the caller runs and closes it.
///   - engine: the engine over the same store; its services run beside the server.
///   - clock: "now" for signals and the schedule.
///   - logger: the server's logger.
/// - Returns: the application, with the ingest writer and the engine's services.
public func buildApplication(
    settings: ServerSettings,
    plan: TeamPlan,
    store: some RunStore & ScheduleStore & IncidentStore & RunbookReadStore & CheckStore,
    engine: Engine,
    clock: any WallClock,
    logger: Logger
) -> some ApplicationProtocol {
    let (router, writer) = buildRouter(
        settings: settings,
        plan: plan,
        store: store,
        engine: engine,
        clock: clock,
        logger: logger
    )
    // The idle timeout also bounds how long a request head may take to arrive (slowloris).
    let idle = TimeAmount.milliseconds(settings.idleTimeout.wholeMilliseconds)
    let connections = ConnectionLimiter(limit: settings.maxConnections)
    return Application(
        router: router,
        server: .http1(
            configuration: HTTP1Channel.Configuration(
                additionalChannelHandlers: [connections.handler()],
                idleTimeout: idle
            )
        ),
        configuration: ApplicationConfiguration(
            address: .hostname(settings.host, port: settings.port),
            serverName: "Pipewatch"
        ),
        services: [writer] + (settings.runsEngine ? engine.services(runningChecks: settings.runsChecks) : []),
        logger: logger
    )
}

/// The routes of the application, as ``buildApplication(settings:plan:store:engine:clock:logger:)``
/// serves them, with the ingest writer they hand events to (a service the caller runs); the docs
/// test reads the routes from it.
public func buildRouter(
    settings: ServerSettings,
    plan: TeamPlan,
    store: some RunStore & ScheduleStore & IncidentStore & RunbookReadStore & CheckStore,
    engine: Engine,
    clock: any WallClock,
    logger: Logger
) -> (router: Router<BasicRequestContext>, writer: any Service) {
    let metrics = ServerMetrics()
    let (evaluator, checks) = (engine.evaluator, engine.checks)
    let afterIngest: @Sendable (Set<PipelineID>) async -> Void = { pipelines in
        await evaluator.evaluateAfterIngest(pipelines)
        checks.runsChanged(pipelines)
    }
    let writer = IngestWriter(
        store: store,
        clock: clock,
        maxBatch: settings.maxBatch,
        logger: logger,
        onCommit: afterIngest
    )
    // HEAD on every GET route, as load balancers probe /healthz.
    let bodies = BodyLimits(
        maxBytes: settings.maxBodyBytes,
        timeout: settings.bodyTimeout,
        budget: BodyBudget(capacity: settings.maxBodiesInFlightBytes)
    )
    let router = Router(options: .autoGenerateHeadEndpoints)
    router.middlewares.add(MetricsMiddleware(metrics: metrics))
    router.middlewares.add(ErrorMiddleware())
    HealthController(store: store, clock: clock).add(to: router)
    router.get("openapi.yaml") { _, _ in
        var headers = HTTPFields()
        headers[.contentType] = "application/yaml; charset=utf-8"
        return Response(
            status: .ok,
            headers: headers,
            body: ResponseBody(byteBuffer: ByteBuffer(string: OpenAPIDocument.yaml))
        )
    }
    // /metrics tells what is failing: it is read like the API, with a token when reads need one.
    let scraped =
        plan.api.readAccess == .token
        ? router.group().add(middleware: TokenAuthenticator(access: plan.api, scope: .read)) : router.group()
    scraped.get("metrics") { _, _ in
        let runs = try await store.runCounts()
        let counts = try await store.engineCounts()
        let signals = try await store.openSignals(pipeline: nil).map(\.signal)
        let seen = try await store.pipelinesWithEvidence()
        let text = metrics.render(
            runs: Dictionary(uniqueKeysWithValues: RunState.allCases.map { ($0.rawValue, runs[$0] ?? 0) }),
            engine: counts,
            checks: Array(try await store.latestCheckResults(of: nil).values),
            pipelines: plan.catalog.pipelines.map {
                PipelineDocument($0, signals: signals, hasEvidence: seen.contains($0.id))
            },
            signals: signals,
            unmatchedFailures: try await store.unmatchedFailures().count,
            bodiesInFlight: bodies.budget.inUse
        )
        var headers = HTTPFields()
        headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
    if let adjustable = clock as? AdjustableWallClock {
        ClockController(clock: adjustable, bodies: bodies).add(to: router)
    }
    let api = router.group("api/v1")
    let writes = api.group().add(middleware: TokenAuthenticator(access: plan.api, scope: .write))
    LineageController(
        catalog: plan.catalog,
        writer: writer,
        metrics: metrics,
        bodies: bodies,
        storesEvents: settings.storesEvents,
        window: settings.eventTimes,
        clock: clock
    )
    .add(to: writes)
    DbtController(
        catalog: plan.catalog,
        store: store,
        bodies: bodies,
        window: settings.eventTimes,
        clock: clock,
        onCommit: afterIngest
    )
    .add(to: writes)
    let reads =
        plan.api.readAccess == .token
        ? api.group().add(middleware: TokenAuthenticator(access: plan.api, scope: .read)) : api.group()
    ReadController(plan: plan, store: store, engine: engine, clock: clock).add(to: reads)
    let incidents = IncidentController(engine: engine, clock: clock, bodies: bodies)
    incidents.addReads(to: reads)
    incidents.addWrites(to: writes)
    incidents.addRunbookWrites(to: writes)
    let checkController = CheckController(engine: engine, store: store, clock: clock)
    checkController.addReads(to: reads)
    checkController.addWrites(to: writes)
    router.middlewares.add(MethodNotAllowedMiddleware(router))
    return (router, writer)
}

/// Runs the application until SIGTERM or SIGINT, then shuts down gracefully: the server stops
/// accepting, answers the requests in flight, and the ingest writer commits what it queued.
///
/// - Parameters: as ``buildApplication(settings:plan:store:engine:clock:logger:)``; the caller runs and
///   closes the store around this call.
/// - Throws: when the server cannot listen.
public func serve(
    settings: ServerSettings,
    plan: TeamPlan,
    store: some RunStore & ScheduleStore & IncidentStore & RunbookReadStore & CheckStore,
    engine: Engine,
    clock: any WallClock,
    logger: Logger
) async throws {
    try await buildApplication(
        settings: settings,
        plan: plan,
        store: store,
        engine: engine,
        clock: clock,
        logger: logger
    ).runService()
}
