public import Hummingbird
public import Logging
public import PipewatchCore
public import PipewatchEngine
public import PipewatchStore
public import ServiceLifecycle

/// Builds the application on a fixed plan, which a reload cannot change (`POST /-/reload`
/// answers 409): tests that do not reload call it.
///
/// - Parameters: as ``buildApplication(settings:config:store:clock:logger:)``, with the plan and
///   the engine over it instead of a ``LiveConfig``.
/// - Returns: the application, with the ingest writer and the engine's services.
/// - Throws: ``TLSFilesError`` when `settings.tls` names unusable files.
public func buildApplication(
    settings: ServerSettings,
    plan: TeamPlan,
    store: some RunStore & ScheduleStore & IncidentStore & RunbookReadStore & CheckStore & ChangeStore,
    engine: Engine,
    clock: any WallClock,
    logger: Logger
) throws -> some ApplicationProtocol {
    try buildApplication(
        settings: settings,
        config: LiveConfig(engine: engine, clock: clock, logger: logger),
        store: store,
        clock: clock,
        logger: logger
    )
}

/// The routes on a fixed plan, as ``buildApplication(settings:plan:store:engine:clock:logger:)`` serves them.
///
/// - Parameters: as ``buildRouter(settings:config:store:clock:logger:)``, with the plan and the
///   engine over it instead of a ``LiveConfig``.
/// - Returns: the router and the ingest writer.
public func buildRouter(
    settings: ServerSettings,
    plan: TeamPlan,
    store: some RunStore & ScheduleStore & IncidentStore & RunbookReadStore & CheckStore & ChangeStore,
    engine: Engine,
    clock: any WallClock,
    logger: Logger
) -> (router: Router<BasicRequestContext>, writer: any Service) {
    buildRouter(
        settings: settings,
        config: LiveConfig(engine: engine, clock: clock, logger: logger),
        store: store,
        clock: clock,
        logger: logger
    )
}
