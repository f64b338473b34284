public import Foundation
public import Logging
public import PipewatchCore
public import PipewatchStore
public import ServiceLifecycle
import Synchronization

/// Sends the review of each period (`review: {every: 4 weeks, notify: team}`) as Markdown
/// through the outbox, once per period.
///
/// Once is kept by the store, not by memory: each message's idempotency key names the period
/// (`review/<first day>/<last day>`), so a second look, a restart or a second process queues
/// nothing more; the outbox row is the record of when the review was sent. After a long
/// downtime only the latest ended period is sent, not every one missed.
public final class ReviewScheduler: Service, Sendable {
    let plan: TeamPlan
    let review: ReviewService
    private let wake: @Sendable () -> Void
    private let clock: any Clock<Duration>
    private let wallClock: any WallClock
    private let interval: Duration
    private let logger: Logger
    private let lastQueued = Mutex<String?>(nil)

    /// Creates the scheduler; it looks every `interval`.
    public init(
        plan: TeamPlan,
        review: ReviewService,
        wake: @escaping @Sendable () -> Void,
        clock: any Clock<Duration>,
        wallClock: any WallClock,
        interval: Duration,
        logger: Logger
    ) {
        self.plan = plan
        self.review = review
        self.wake = wake
        self.clock = clock
        self.wallClock = wallClock
        self.interval = interval
        self.logger = logger
    }

    public func run() async throws {
        guard plan.review != nil else { return }
        try await ServiceLoop(
            clock: clock,
            wallClock: wallClock,
            interval: interval,
            logger: logger,
            failure: "cannot send the review"
        ).run { now in try await self.tick(at: now) }
    }

    /// Queues the review of the latest ended period unless it was queued before.
    ///
    /// - Returns: How many outbox rows were queued (0 when already sent, or before the first period ends).
    @discardableResult
    public func tick(at now: Date) async throws -> Int {
        let zone = plan.catalog.team.timeZone
        guard let schedule = plan.review, let period = schedule.lastEndedPeriod(at: now, in: zone) else { return 0 }
        let first = LocalDate(period.from, in: zone)
        let last = LocalDate(period.to.addingTimeInterval(-1), in: zone)
        let key = "review/\(first)/\(last)"
        let recipients = recipients(of: schedule)
        // Memory only spares recomputing the report every turn; the outbox keys decide what is sent.
        guard lastQueued.withLock({ $0 }) != key else { return 0 }
        let report = try await review.report(from: period.from, to: period.to)
        let title =
            "Review of \(first) to \(last): \(report.incidentCount) incident\(report.incidentCount == 1 ? "" : "s")"
        let message = NotificationMessage(
            kind: "review",
            title: title,
            text: report.markdown,
            fields: [
                "period_start": ISO8601Text.format(period.from, in: zone),
                "period_end": ISO8601Text.format(period.to, in: zone),
            ]
        )
        let outbox = OutboxWriter(mailFrom: plan.smtp?.from)
        let queued = try await store.transaction { transaction in
            var queued = 0
            for recipient in recipients {
                queued += try await outbox.enqueue(
                    message,
                    to: recipient.name,
                    contacts: recipient.contacts,
                    key: key,
                    in: transaction,
                    at: now
                )
            }
            return queued
        }
        lastQueued.withLock { $0 = key }
        if queued > 0 {
            logger.info("queued the review", metadata: ["review.period": "\(first)/\(last)", "messages": "\(queued)"])
            wake()
        }
        return queued
    }

    private var store: any IncidentStore { review.store }

    private func recipients(of schedule: ReviewSchedule) -> [(name: String, contacts: [ContactMethod])] {
        schedule.notify.compactMap { recipient in
            switch recipient {
            case .team: ("team", plan.catalog.team.contacts)
            case .engineer(let id): plan.catalog.engineer(id).map { ("engineer:\(id)", $0.contacts) }
            case .stakeholder(let id): plan.catalog.stakeholder(id).map { ("stakeholder:\(id)", $0.contacts) }
            }
        }
    }
}
