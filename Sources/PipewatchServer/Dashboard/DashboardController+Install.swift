import Hummingbird
import Logging
import PipewatchCore
import PipewatchStore

/// Adds the web dashboard to `router` when the store keeps dashboard sessions (the SQL stores do).
func addDashboard(
    to router: Router<BasicRequestContext>,
    settings: ServerSettings,
    config: LiveConfig,
    store: some Sendable,
    clock: any WallClock,
    bodies: BodyLimits,
    logger: Logger
) {
    guard let store = store as? any RunStore & IncidentStore & CheckStore & DashboardStore else {
        logger.notice("the dashboard is off: this store keeps no dashboard sessions")
        return
    }
    let publicURL = config.current.plan.incidents.publicURL ?? ""
    let auth = DashboardAuth(
        config: config,
        store: store,
        clock: clock,
        secure: settings.tls != nil || publicURL.hasPrefix("https://")
    )
    DashboardController(config: config, store: store, clock: clock, bodies: bodies, auth: auth, logger: logger)
        .add(to: router)
}
