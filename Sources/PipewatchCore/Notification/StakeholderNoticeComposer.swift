public import Foundation

/// Writes delivery notices for business readers: the metric by name, the deadline in the
/// reader's own time zone, the expected delay when known, and who is working on it. No job
/// names, stack traces or run ids.
public struct StakeholderNoticeComposer: Sendable {
    public let plan: TeamPlan

    /// Creates a composer over the team's plan.
    public init(plan: TeamPlan) {
        self.plan = plan
    }

    /// The notice for one reader.
    ///
    /// - Parameters:
    ///   - notice: What to say.
    ///   - pipeline: The pipeline whose metric it is.
    ///   - readerName: The reader's name, to greet.
    ///   - readerZone: The zone the reader reads times in.
    ///   - workingOnIt: Who is on it (`Data Engineer B, on call`), when someone is.
    /// - Returns: The message.
    public func notice(
        _ notice: DeliveryRisk.Notice,
        pipeline: Pipeline,
        readerName: String,
        readerZone: TimeZone,
        workingOnIt: String?
    ) -> NotificationMessage {
        let metric = pipeline.name
        let due = Self.readable(notice.due, in: readerZone)
        let delay = notice.expectedDelay.map { DeliveryRisk.words($0) }
        let headline: String
        var lines: [String]
        switch notice.kind {
        case .atRisk:
            headline = "'\(metric)' may be late"
            lines = [
                "\(readerName): '\(metric)' may not be ready by its deadline, \(due).",
                "Expected delay: \(delay.map { "about \($0)" } ?? "not known yet").",
                "Why: \(notice.reason).",
            ]
        case .missed:
            headline = "'\(metric)' missed its deadline"
            lines = [
                "\(readerName): '\(metric)' was due \(due) and has not been delivered.",
                "Why: \(notice.reason).",
            ]
        case .deliveredLate:
            headline = "'\(metric)' has been delivered, late"
            lines = [
                "\(readerName): '\(metric)', due \(due), has now been delivered, \(delay.map { "\($0) late" } ?? "late").",
                "No action is needed from you.",
            ]
        }
        if notice.kind != .deliveredLate {
            lines.append("Who is working on it: \(workingOnIt ?? "the data engineering team").")
            lines.append("You will hear again when it is delivered.")
        }
        return NotificationMessage(
            kind: "stakeholder_notice",
            title: headline,
            text: ([headline] + lines).joined(separator: "\n"),
            pipeline: pipeline.id.rawValue,
            severity: pipeline.severity.rawValue,
            fields: [
                "notice": notice.kind.rawValue, "metric": metric, "due": ISO8601Text.format(notice.due, in: readerZone),
                "period": notice.period.description,
            ].merging(notice.expectedDelay.map { ["expected_delay_s": String(Int($0))] } ?? [:]) { first, _ in first }
        )
    }

    /// `09:00 on Thursday 26 March 2026 (America/New_York)`.
    static func readable(_ instant: Date, in zone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .weekday], from: instant)
        let weekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
        let months = [
            "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December",
        ]
        let weekday = weekdays[((parts.weekday ?? 1) - 1) % 7]
        let month = months[((parts.month ?? 1) - 1) % 12]
        let time = String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
        return "\(time) on \(weekday) \(parts.day ?? 1) \(month) \(parts.year ?? 0) (\(zone.identifier))"
    }
}
