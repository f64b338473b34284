public import Foundation
public import Logging
public import PipewatchCore
public import PipewatchStore
public import ServiceLifecycle
import Synchronization

/// Sends what is due by the calendar rather than by an event: stakeholder notices before and
/// after delivery deadlines (``DeliveryRisk``), and run book reminders to engineers whose shift
/// starts within a day. Each message's idempotency key names its period, so it goes out once
/// however often the planner looks, and after a restart too.
public final class NoticePlanner: Service, Sendable {
    let plan: TeamPlan
    let store: any RunStore & IncidentStore & RunbookReadStore
    let schedule: ScheduleService
    private let wake: @Sendable () -> Void
    private let clock: any Clock<Duration>
    private let wallClock: any WallClock
    private let interval: Duration
    private let logger: Logger
    private let watched = Mutex<[PipelineID: Date]>([:])
    /// The schedule version and the coming shifts when the planner last looked, to tell whose
    /// shifts a change moved.
    let lastSchedule = Mutex<ScheduleSnapshot?>(nil)

    /// Creates the planner; it looks every `interval`.
    public init(
        plan: TeamPlan,
        store: any RunStore & IncidentStore & RunbookReadStore,
        schedule: ScheduleService,
        wake: @escaping @Sendable () -> Void,
        clock: any Clock<Duration>,
        wallClock: any WallClock,
        interval: Duration,
        logger: Logger
    ) {
        self.plan = plan
        self.store = store
        self.schedule = schedule
        self.wake = wake
        self.clock = clock
        self.wallClock = wallClock
        self.interval = interval
        self.logger = logger
    }

    public func run() async throws {
        try await ServiceLoop(
            clock: clock,
            wallClock: wallClock,
            interval: interval,
            logger: logger,
            failure: "cannot plan notices"
        ).run { now in try await self.tick(at: now) }
    }

    /// Queues every notice and reminder due at `now`.
    ///
    /// - Returns: How many messages were queued.
    @discardableResult
    public func tick(at now: Date) async throws -> Int {
        let queued =
            try await deliveryNotices(at: now) + (try await runbookReminders(at: now))
            + (try await shiftNotices(at: now)) + (try await scheduleChangeNotices(at: now))
        if queued > 0 { wake() }
        return queued
    }

    /// Queues the stakeholder notices due at `now` for every pipeline with a deadline.
    ///
    /// - Returns: How many messages were queued.
    public func deliveryNotices(at now: Date) async throws -> Int {
        let watched = plan.catalog.pipelines.filter { $0.deliverBy != nil }
        guard !watched.isEmpty else { return 0 }
        let open = try await store.newestOpenIncidents()
        let since = try await watchStart(of: watched.map(\.id), at: now)
        var queued = 0
        for pipeline in watched {
            guard
                let risk = DeliveryRisk(
                    pipeline: pipeline,
                    noticeBefore: pipeline.noticeBefore ?? plan.incidents.noticeBefore
                )
            else { continue }
            let related = relatedIncident(of: pipeline, in: open)
            let runs = try await store.runs(of: pipeline.id, limit: 40)
            let notices = risk.notices(
                runs: runs,
                incident: related.map { reason(for: $0, on: pipeline) },
                watchedSince: since[pipeline.id] ?? now,
                at: now
            )
            for notice in notices {
                queued += try await send(notice, for: pipeline, incident: related, at: now)
            }
        }
        return queued
    }

    private func send(
        _ notice: DeliveryRisk.Notice,
        for pipeline: Pipeline,
        incident: Incident?,
        at now: Date
    ) async throws
        -> Int
    {
        let readers = (pipeline.stakeholders + [pipeline.metricOwner].compactMap { $0 })
            .reduce(into: [StakeholderID]()) { if !$0.contains($1) { $0.append($1) } }
            .compactMap { plan.catalog.stakeholder($0) }
        guard !readers.isEmpty else { return 0 }
        let composer = StakeholderNoticeComposer(plan: plan)
        let working = incident.map { workingOnIt($0) } ?? nil
        let key = "notice/\(pipeline.id)/\(notice.period)/\(notice.kind.rawValue)"
        let outbox = OutboxWriter(mailFrom: plan.smtp?.from)
        let zone = plan.catalog.team.timeZone
        return try await store.transaction { transaction in
            var queued = 0
            for reader in readers {
                var message = composer.notice(
                    notice,
                    pipeline: pipeline,
                    readerName: reader.name,
                    readerZone: reader.timeZone ?? zone,
                    workingOnIt: working
                )
                message.incidentID = incident?.id
                queued += try await outbox.enqueue(
                    message,
                    to: "stakeholder:\(reader.id)",
                    contacts: reader.contacts,
                    key: key,
                    in: transaction,
                    at: now,
                    preferences: reader.preferences,
                    timeZone: reader.timeZone ?? zone
                )
            }
            if queued > 0, let incident {
                let names = readers.map(\.name).joined(separator: ", ")
                try await transaction.appendTimeline(
                    incidentID: incident.id,
                    at: now,
                    actor: IncidentStateMachine.engineActor,
                    kind: .notified,
                    detail: "told \(names) that '\(pipeline.name)' \(Self.phrase(notice.kind)) (\(notice.period))"
                )
            }
            return queued
        }
    }

    /// Since when each pipeline is watched: stored once, so kept after the first read.
    private func watchStart(of pipelines: [PipelineID], at now: Date) async throws -> [PipelineID: Date] {
        let known = watched.withLock { $0 }
        let missing = pipelines.filter { known[$0] == nil }
        guard !missing.isEmpty else { return known }
        let found = try await store.watchStart(of: missing, at: now)
        return watched.withLock { cache in
            cache.merge(found) { old, _ in old }
            return cache
        }
    }

    /// An open incident on the pipeline, else on a pipeline upstream of it.
    private func relatedIncident(of pipeline: Pipeline, in open: [Incident]) -> Incident? {
        if let own = open.first(where: { $0.pipeline == pipeline.id }) { return own }
        var seen: Set<PipelineID> = []
        var frontier = pipeline.upstream
        while let next = frontier.popLast() {
            guard seen.insert(next).inserted else { continue }
            if let found = open.first(where: { $0.pipeline == next }) { return found }
            frontier += plan.catalog.pipeline(next)?.upstream ?? []
        }
        return nil
    }

    /// The incident in words for a business reader.
    private func reason(for incident: Incident, on pipeline: Pipeline) -> String {
        let what =
            switch SignalKind(rawValue: incident.kind) {
            case .processingFailure: "a data processing job failed"
            case .slowRun: "a data job is running much slower than usual"
            case .lateInput: "an input data source is late"
            case .schemaChange: "the format of upstream data changed"
            case .missedDeadline: "an earlier delivery was missed"
            case .checkFailed: "a check of the data found a problem"
            case .checkError: "a check of the data could not run"
            case .externalAlert: "the team's monitoring raised an alert"
            case nil: "a data problem was found"
            }
        guard incident.pipeline != pipeline.id else { return "\(what) (\(incident.reference))" }
        let name = plan.catalog.pipeline(incident.pipeline)?.name ?? incident.pipeline.rawValue
        return "\(what) in '\(name)', which it depends on (\(incident.reference))"
    }

    private func workingOnIt(_ incident: Incident) -> String? {
        let who = incident.acknowledgedBy.map { EngineerID($0) } ?? incident.assignee
        guard let who, let engineer = plan.catalog.engineer(who) else { return nil }
        return incident.acknowledgedBy == nil ? "\(engineer.name), on call" : engineer.name
    }

    private static func phrase(_ kind: DeliveryRisk.Notice.Kind) -> String {
        switch kind {
        case .atRisk: "may be late"
        case .missed: "missed its deadline"
        case .deliveredLate: "was delivered late"
        }
    }
}
