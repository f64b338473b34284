import Foundation
import HTTPTypes
public import Hummingbird
import HummingbirdCore
import HummingbirdTLS
public import Logging
import NIOCore
public import PipewatchCore
import PipewatchEngine
public import PipewatchStore
public import ServiceLifecycle

/// Builds the Pipewatch HTTP application: the ingest endpoints, the read API, `/metrics`,
/// `/healthz`, `/openapi.yaml`, `/-/reload` and the web dashboard at `/`. `pipewatch serve` and the tests both call it.
///
/// - Parameters:
///   - settings: where to listen and what to accept.
///   - config: the config served now and how it is reloaded (pipelines map events; tokens guard
///     the API); the engine's services run on its current generation.
///   - store: the open store; the caller runs and closes it.
///   - clock: "now" for signals and the schedule.
///   - logger: the server's logger.
/// - Returns: the application, with the ingest writer and the engine's services.
/// - Throws: ``TLSFilesError`` when `settings.tls` names files that are not a usable PEM
///   certificate and key.
public func buildApplication(
    settings: ServerSettings,
    config: LiveConfig,
    store: some RunStore & ScheduleStore & IncidentStore & RunbookReadStore & CheckStore & ChangeStore,
    clock: any WallClock,
    logger: Logger
) throws -> some ApplicationProtocol {
    let (router, writer) = buildRouter(settings: settings, config: config, store: store, clock: clock, logger: logger)
    // The idle timeout also bounds how long a request head may take to arrive (slowloris).
    let idle = TimeAmount.milliseconds(settings.idleTimeout.wholeMilliseconds)
    let connections = ConnectionLimiter(limit: settings.maxConnections)
    var services: [any Service] = [writer]
    if settings.runsEngine {
        services.append(GenerationServices(config: config, runningChecks: settings.runsChecks, logger: logger))
    }
    if settings.reloadsOnHangup { services.append(HangupReloader(config: config)) }
    let http1 = HTTPServerBuilder.http1(
        configuration: HTTP1Channel.Configuration(
            additionalChannelHandlers: [connections.handler()],
            idleTimeout: idle
        )
    )
    return Application(
        router: router,
        server: try settings.tls.map { try .tls(http1, tlsConfiguration: try $0.configuration()) } ?? http1,
        configuration: ApplicationConfiguration(
            address: .hostname(settings.host, port: settings.port),
            serverName: "Pipewatch"
        ),
        services: services,
        logger: logger
    )
}

/// The routes of the application, as ``buildApplication(settings:config:store:clock:logger:)``
/// serves them, with the ingest writer they hand events to (a service the caller runs); the docs
/// test reads the routes from it.
public func buildRouter(
    settings: ServerSettings,
    config: LiveConfig,
    store: some RunStore & ScheduleStore & IncidentStore & RunbookReadStore & CheckStore & ChangeStore,
    clock: any WallClock,
    logger: Logger
) -> (router: Router<BasicRequestContext>, writer: any Service) {
    let metrics = ServerMetrics()
    // The engine that hears of an ingest is the one of the config served when it committed.
    let afterIngest: @Sendable (Set<PipelineID>) async -> Void = { pipelines in
        let engine = config.current.engine
        await engine.evaluator.evaluateAfterIngest(pipelines)
        engine.checks.runsChanged(pipelines)
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
    CalendarFeedController(config: config, clock: clock).add(to: router)
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
    let scraped = router.group().add(middleware: TokenAuthenticator(config: config, scope: .read))
    scraped.get("metrics") { _, _ in
        let plan = config.current.plan
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
            bodiesInFlight: bodies.budget.inUse,
            config: (config.lastReloadSuccessful, config.lastSuccessAt)
        )
        var headers = HTTPFields()
        headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
    if let adjustable = clock as? AdjustableWallClock {
        ClockController(clock: adjustable, bodies: bodies).add(to: router)
    }
    ReloadController(config: config).add(
        to: router.group().add(middleware: TokenAuthenticator(config: config, scope: .admin))
    )
    PagerDutyController(config: config, bodies: bodies, clock: clock).add(to: router)
    let api = router.group("api/v1")
    let writes = api.group().add(middleware: TokenAuthenticator(config: config, scope: .write))
    AlertmanagerController(config: config, bodies: bodies, clock: clock).add(to: writes)
    LineageController(
        config: config,
        writer: writer,
        metrics: metrics,
        bodies: bodies,
        storesEvents: settings.storesEvents,
        window: settings.eventTimes,
        clock: clock
    )
    .add(to: writes)
    DbtController(
        config: config,
        store: store,
        bodies: bodies,
        window: settings.eventTimes,
        clock: clock,
        onCommit: afterIngest
    )
    .add(to: writes)
    let reads = api.group().add(middleware: TokenAuthenticator(config: config, scope: .read))
    ReadController(config: config, store: store, clock: clock).add(to: reads)
    ChangeController(config: config, store: store).add(to: reads)
    let incidents = IncidentController(config: config, clock: clock, bodies: bodies)
    incidents.addReads(to: reads)
    incidents.addWrites(to: writes)
    incidents.addRunbookWrites(to: writes)
    let checkController = CheckController(config: config, store: store, clock: clock)
    checkController.addReads(to: reads)
    checkController.addWrites(to: writes)
    ReviewController(config: config, clock: clock).addReads(to: reads)
    addDashboard(
        to: router,
        settings: settings,
        config: config,
        store: store,
        clock: clock,
        bodies: bodies,
        logger: logger
    )
    router.middlewares.add(MethodNotAllowedMiddleware(router))
    return (router, writer)
}

/// Runs the application until SIGTERM or SIGINT, then shuts down gracefully: the server stops
/// accepting, answers the requests in flight, and the ingest writer commits what it queued.
/// With `settings.reloadsOnHangup`, SIGHUP reloads the config instead of ending the process.
///
/// - Parameters: as ``buildApplication(settings:config:store:clock:logger:)``; the caller runs and
///   closes the store around this call.
/// - Throws: when the server cannot listen.
public func serve(
    settings: ServerSettings,
    config: LiveConfig,
    store: some RunStore & ScheduleStore & IncidentStore & RunbookReadStore & CheckStore & ChangeStore,
    clock: any WallClock,
    logger: Logger
) async throws {
    try await buildApplication(settings: settings, config: config, store: store, clock: clock, logger: logger)
        .runService()
}
