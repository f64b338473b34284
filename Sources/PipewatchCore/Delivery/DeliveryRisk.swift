public import Foundation

/// Decides when the people who depend on a pipeline's daily delivery must hear about it. Pure:
/// the same runs, incidents and instant always give the same notices.
///
/// For a pipeline with `deliver_by`, each day is a period that ends at the deadline:
/// 1. **At risk**, from `noticeBefore` before the deadline, when nothing has been delivered for
///    the period and an incident is open on the pipeline or upstream of it, or its typical
///    duration (the median of its recent completed runs) no longer fits before the deadline.
/// 2. **Missed**, once the deadline passes with nothing delivered for the period.
/// 3. **Delivered late**, when a run completes after a missed deadline (within a day).
/// The engine sends each notice once per period and kind.
public struct DeliveryRisk: Sendable {
    public let pipeline: Pipeline
    public let deadline: DeliveryDeadline
    public let noticeBefore: Duration

    /// A notice to send.
    public struct Notice: Sendable, Hashable {
        public enum Kind: String, Sendable, Hashable, CaseIterable {
            case atRisk = "at_risk"
            case missed
            case deliveredLate = "delivered_late"
        }

        public var kind: Kind
        /// The local day whose delivery it is about, in the deadline's zone.
        public var period: LocalDate
        /// The deadline of that day.
        public var due: Date
        /// How late delivery is expected to be (or was, for a late delivery), when known.
        public var expectedDelay: TimeInterval?
        /// Why, in a few words for a business reader.
        public var reason: String

        /// Creates a notice.
        public init(kind: Kind, period: LocalDate, due: Date, expectedDelay: TimeInterval?, reason: String) {
            self.kind = kind
            self.period = period
            self.due = due
            self.expectedDelay = expectedDelay
            self.reason = reason
        }
    }

    /// Creates the planner for a pipeline; `nil` when it has no deadline.
    public init?(pipeline: Pipeline, noticeBefore: Duration) {
        guard let deadline = pipeline.deliverBy else { return nil }
        self.pipeline = pipeline
        self.deadline = deadline
        self.noticeBefore = noticeBefore
    }

    /// The notices due at `now`.
    ///
    /// - Parameters:
    ///   - runs: The pipeline's recent runs, any order.
    ///   - incident: One open incident on the pipeline or upstream of it, described for readers
    ///     (`the data pipeline failed: …`), or `nil`.
    ///   - watchedSince: Since when Pipewatch has watched the pipeline; a deadline that passed
    ///     earlier is not judged missed (Pipewatch could not see it delivered).
    ///   - now: The instant.
    /// - Returns: At most one notice per kind.
    public func notices(runs: [Run], incident: String?, watchedSince: Date, at now: Date) -> [Notice] {
        let zone = deadline.timeZone
        let today = LocalDate(now, in: zone)
        let todayDue = today.instant(at: deadline.time, in: zone)
        let upcoming =
            todayDue > now
            ? (today, todayDue) : (today.adding(days: 1), today.adding(days: 1).instant(at: deadline.time, in: zone))
        let passed =
            todayDue <= now
            ? (today, todayDue) : (today.adding(days: -1), today.adding(days: -1).instant(at: deadline.time, in: zone))
        let durations = runs.filter { $0.state == .completed }.compactMap { run in
            run.endedAt.map { $0.timeIntervalSince(run.startedAt) }
        }
        let typical = durations.isEmpty ? nil : RobustSpread.median(durations)
        var notices: [Notice] = []
        let upcomingStart = upcoming.0.adding(days: -1).instant(at: deadline.time, in: zone)
        if now >= upcoming.1.addingTimeInterval(-noticeBefore.timeInterval),
            delivery(in: upcomingStart..<now.addingTimeInterval(1), runs: runs) == nil
        {
            let running = runs.filter { $0.state == .running && $0.startedAt > upcomingStart }.map(\.startedAt).max()
            let expected = typical.map { (running ?? now).addingTimeInterval($0) }
            let delay = expected.map { $0.timeIntervalSince(upcoming.1) }.flatMap { $0 > 0 ? $0 : nil }
            if let incident {
                notices.append(
                    Notice(kind: .atRisk, period: upcoming.0, due: upcoming.1, expectedDelay: delay, reason: incident)
                )
            } else if let delay {
                let reason =
                    running == nil
                    ? "today's run has not started, and it usually takes \(Self.words(typical ?? 0))"
                    : "today's run is still going, and it usually takes \(Self.words(typical ?? 0))"
                notices.append(
                    Notice(kind: .atRisk, period: upcoming.0, due: upcoming.1, expectedDelay: delay, reason: reason)
                )
            }
        }
        let passedStart = passed.0.adding(days: -1).instant(at: deadline.time, in: zone)
        guard watchedSince < passed.1 else { return notices }
        let delivered = delivery(in: passedStart..<now.addingTimeInterval(1), runs: runs)
        if let delivered, delivered > passed.1, now.timeIntervalSince(passed.1) < 86_400 {
            notices.append(
                Notice(
                    kind: .deliveredLate,
                    period: passed.0,
                    due: passed.1,
                    expectedDelay: delivered.timeIntervalSince(passed.1),
                    reason: "it was delivered late"
                )
            )
        } else if delivered == nil {
            notices.append(
                Notice(
                    kind: .missed,
                    period: passed.0,
                    due: passed.1,
                    expectedDelay: nil,
                    reason: incident ?? "no run has delivered it yet"
                )
            )
        }
        return notices
    }

    /// When the first run that completed in `window` ended, if any.
    private func delivery(in window: Range<Date>, runs: [Run]) -> Date? {
        runs.filter { $0.state == .completed }.compactMap(\.endedAt).filter { window.contains($0) }.min()
    }

    /// A duration as people say it: `45 minutes`, `2 hours 10 minutes`.
    public static func words(_ seconds: TimeInterval) -> String {
        let minutes = Int((seconds / 60).rounded(.up))
        if minutes < 60 { return "\(max(minutes, 1)) minute\(minutes == 1 ? "" : "s")" }
        let hours = minutes / 60
        let rest = minutes % 60
        let head = "\(hours) hour\(hours == 1 ? "" : "s")"
        return rest == 0 ? head : "\(head) \(rest) minute\(rest == 1 ? "" : "s")"
    }
}
