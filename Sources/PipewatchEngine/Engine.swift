public import Foundation
public import Logging
public import PipewatchCore
import PipewatchProbes
public import PipewatchStore
public import ServiceLifecycle

/// What Pipewatch does, on demand and in the background: the use cases that the server and the
/// CLI call, and the services `pipewatch serve` runs (the signal evaluator, the escalator, the
/// notification dispatcher, the notice planner and the check runner). One alert goes: ingest → ``SignalEvaluator`` → ``IncidentService``
/// → outbox → ``NotificationDispatcher`` → the receiver.
public struct Engine: Sendable {
    public let plan: TeamPlan
    public let schedule: ScheduleService
    public let signals: SignalEvaluation
    public let incidents: IncidentService
    public let evaluator: SignalEvaluator
    public let escalator: Escalator
    public let dispatcher: NotificationDispatcher
    public let notices: NoticePlanner
    public let familiarity: RunbookFamiliarity
    public let checklist: RunbookChecklist
    public let checks: CheckRunner
    public let alerts: AlertIntake
    /// The periodic review, and the service that sends it (`review:`).
    public let review: ReviewService
    public let reviews: ReviewScheduler
    public let store: any IncidentStore

    /// Creates the engine over one store.
    ///
    /// - Parameters:
    ///   - plan: The team's plan.
    ///   - store: The state store (runs, schedule changes, incidents).
    ///   - clock: What services sleep on: `ContinuousClock` in production, a test clock in tests.
    ///   - wallClock: "Now" for every decision.
    ///   - environment: Where contact URLs, secrets and actions' variables are read.
    ///   - baseDirectory: Where actions' relative paths start (the config's folder).
    ///   - logger: The engine's logger.
    public init(
        plan: TeamPlan,
        store: some RunStore & ScheduleStore & IncidentStore & RunbookReadStore & CheckStore & ChangeStore,
        clock: any Clock<Duration>,
        wallClock: any WallClock,
        environment: [String: String],
        baseDirectory: URL = URL(fileURLWithPath: "."),
        logger: Logger
    ) {
        self.plan = plan
        self.store = store
        schedule = ScheduleService(plan: plan, store: store)
        signals = SignalEvaluation(catalog: plan.catalog, runs: store, checks: store)
        let dispatcher = NotificationDispatcher(
            store: store,
            mail: plan.smtp.map { SMTPDelivery(settings: $0) },
            environment: environment,
            maxAttempts: plan.incidents.deliveryAttempts,
            clock: clock,
            wallClock: wallClock,
            logger: logger
        )
        self.dispatcher = dispatcher
        incidents = IncidentService(plan: plan, store: store, schedule: schedule, wake: { dispatcher.wake() })
        evaluator = SignalEvaluator(
            evaluation: signals,
            incidents: incidents,
            store: store,
            clock: clock,
            wallClock: wallClock,
            interval: plan.incidents.evaluateEvery,
            logger: logger
        )
        let evaluator = self.evaluator
        checks = CheckRunner(
            plan: plan,
            store: store,
            probes: DataProbes(sources: plan.sources, environment: environment, logger: logger),
            evaluate: { await evaluator.evaluateAfterIngest($0) },
            clock: clock,
            wallClock: wallClock,
            interval: plan.incidents.evaluateEvery,
            logger: logger,
            environment: environment
        )
        alerts = AlertIntake(
            incidents: incidents,
            store: store,
            changes: store,
            schedule: schedule,
            settings: plan.alerts,
            environment: environment
        )
        for name in alerts.unsetRoutingKeys {
            logger.warning(
                "a PagerDuty routing key is left out: its environment variable is unset",
                metadata: ["variable": "\(name)"]
            )
        }
        escalator = Escalator(incidents: incidents, clock: clock, wallClock: wallClock, logger: logger)
        notices = NoticePlanner(
            plan: plan,
            store: store,
            schedule: schedule,
            wake: { dispatcher.wake() },
            clock: clock,
            wallClock: wallClock,
            interval: plan.incidents.evaluateEvery,
            logger: logger
        )
        familiarity = RunbookFamiliarity(plan: plan, store: store)
        review = ReviewService(plan: plan, store: store, schedule: schedule, familiarity: familiarity)
        reviews = ReviewScheduler(
            plan: plan,
            review: review,
            wake: { dispatcher.wake() },
            clock: clock,
            wallClock: wallClock,
            interval: .seconds(60),
            logger: logger
        )
        checklist = RunbookChecklist(
            incidents: incidents,
            runner: ActionRunner(baseDirectory: baseDirectory, environment: environment)
        )
    }

    /// The background services, for `pipewatch serve`'s service group.
    ///
    /// - Parameter runningChecks: Whether the check runner is among them.
    public func services(runningChecks: Bool = true) -> [any Service] {
        [evaluator, escalator, dispatcher, notices, reviews] + (runningChecks ? [checks] : [])
    }
}
