public import Foundation

/// The JSON form of a ``ReviewReport`` (`pipewatch review --format json`, `GET /api/v1/review`):
/// instants as ISO 8601 with the team's offset, durations in seconds, ids from the config.
public struct ReviewDocument: Encodable, Sendable {
    public var from: String
    public var to: String
    public var timeZone: String
    public var percentiles: String = "nearest-rank"
    public var incidents: Int
    public var timeToAcknowledge: Summary
    public var timeToResolve: Summary
    public var pipelines: [PipelineLine]
    public var causes: [CauseLine]
    public var recurring: [Recurring]
    public var noisySignals: [Noisy]
    public var noisyChecks: [Noisy]
    public var oncall: [Oncall]
    public var missedDeadlines: [Count]
    public var stakeholderNotices: [Count]
    public var missingReviews: [MissingReview]
    public var actionItems: [OwnerItems]
    public var runbookFamiliarity: [Familiarity]

    enum CodingKeys: String, CodingKey {
        case from, to, percentiles, incidents, pipelines, causes, recurring, oncall
        case timeZone = "time_zone"
        case timeToAcknowledge = "time_to_acknowledge"
        case timeToResolve = "time_to_resolve"
        case noisySignals = "noisy_signals"
        case noisyChecks = "noisy_checks"
        case missedDeadlines = "missed_deadlines"
        case stakeholderNotices = "stakeholder_notices"
        case missingReviews = "missing_reviews"
        case actionItems = "action_items"
        case runbookFamiliarity = "runbook_familiarity"
    }

    /// Count, median and 90th percentile in seconds (`null` when nothing was measured).
    public struct Summary: Encodable, Sendable {
        public var count: Int
        public var medianSeconds: Double?
        public var p90Seconds: Double?

        enum CodingKeys: String, CodingKey {
            case count
            case medianSeconds = "median_seconds"
            case p90Seconds = "p90_seconds"
        }

        init(_ summary: ReviewReport.DurationSummary) {
            count = summary.count
            medianSeconds = summary.median
            p90Seconds = summary.p90
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(count, forKey: .count)
            try container.encode(medianSeconds, forKey: .medianSeconds)
            try container.encode(p90Seconds, forKey: .p90Seconds)
        }
    }

    public struct PipelineLine: Encodable, Sendable {
        public var pipeline: String
        public var incidents: Int
        public var timeToAcknowledge: Summary
        public var timeToResolve: Summary

        enum CodingKeys: String, CodingKey {
            case pipeline, incidents
            case timeToAcknowledge = "time_to_acknowledge"
            case timeToResolve = "time_to_resolve"
        }
    }

    public struct CauseLine: Encodable, Sendable {
        public var cause: String
        public var incidents: Int
        public var suggested: Int
    }

    public struct Recurring: Encodable, Sendable {
        public var key: String
        public var pipeline: String
        public var occurrences: Int
    }

    public struct Noisy: Encodable, Sendable {
        public var name: String
        public var pipeline: String
        public var opened: Int
        public var cleared: Int
    }

    public struct Oncall: Encodable, Sendable {
        public var engineer: String
        public var pages: Int
        public var nightPages: Int
        public var onCallHours: Double
        public var weekendHours: Double
        public var holidayHoursCovered: Double

        enum CodingKeys: String, CodingKey {
            case engineer, pages
            case nightPages = "night_pages"
            case onCallHours = "on_call_hours"
            case weekendHours = "weekend_hours"
            case holidayHoursCovered = "holiday_hours_covered"
        }
    }

    public struct Count: Encodable, Sendable {
        public var name: String
        public var count: Int
    }

    public struct MissingReview: Encodable, Sendable {
        public var incident: Int64
        public var pipeline: String
        public var title: String
        public var resolvedAt: String

        enum CodingKeys: String, CodingKey {
            case incident, pipeline, title
            case resolvedAt = "resolved_at"
        }
    }

    public struct OwnerItems: Encodable, Sendable {
        public var owner: String
        public var open: Int
        public var overdue: Int
        public var done: Int
        public var items: [Item]
    }

    public struct Item: Encodable, Sendable {
        public var incident: Int64
        public var text: String
        public var due: String
        public var overdue: Bool
    }

    public struct Familiarity: Encodable, Sendable {
        public var pipeline: String
        public var version: String
        public var unread: [String]
    }

    /// The document of `report`.
    public init(_ report: ReviewReport) {
        let zone = report.timeZone
        let hours = { (value: Double) in (value * 100).rounded() / 100 }
        from = ISO8601Text.format(report.from, in: zone)
        to = ISO8601Text.format(report.to, in: zone)
        timeZone = zone.identifier
        incidents = report.incidentCount
        timeToAcknowledge = Summary(report.timeToAcknowledge)
        timeToResolve = Summary(report.timeToResolve)
        pipelines = report.pipelines.map {
            PipelineLine(
                pipeline: $0.pipeline.rawValue,
                incidents: $0.incidents,
                timeToAcknowledge: Summary($0.timeToAcknowledge),
                timeToResolve: Summary($0.timeToResolve)
            )
        }
        causes = report.causes.map {
            CauseLine(cause: $0.cause.rawValue, incidents: $0.incidents, suggested: $0.suggested)
        }
        recurring = report.recurring.map {
            Recurring(key: $0.key, pipeline: $0.pipeline.rawValue, occurrences: $0.occurrences)
        }
        let noisy = { (line: ReviewReport.Noisy) in
            Noisy(name: line.name, pipeline: line.pipeline.rawValue, opened: line.opened, cleared: line.cleared)
        }
        noisySignals = report.noisySignals.map(noisy)
        noisyChecks = report.noisyChecks.map(noisy)
        oncall = report.oncall.map {
            Oncall(
                engineer: $0.engineer.rawValue,
                pages: $0.pages,
                nightPages: $0.nightPages,
                onCallHours: hours($0.onCallHours),
                weekendHours: hours($0.weekendHours),
                holidayHoursCovered: hours($0.holidayHoursCovered)
            )
        }
        missedDeadlines = report.missedDeadlines.map { Count(name: $0.name, count: $0.count) }
        stakeholderNotices = report.stakeholderNotices.map { Count(name: $0.name, count: $0.count) }
        missingReviews = report.missingReviews.map {
            MissingReview(
                incident: $0.incidentID,
                pipeline: $0.pipeline.rawValue,
                title: $0.title,
                resolvedAt: ISO8601Text.format($0.resolvedAt, in: zone)
            )
        }
        actionItems = report.actionItems.map { owner in
            OwnerItems(
                owner: owner.owner.rawValue,
                open: owner.open,
                overdue: owner.overdue,
                done: owner.done,
                items: owner.items.map {
                    Item(incident: $0.incidentID, text: $0.text, due: $0.due.description, overdue: $0.overdue)
                }
            )
        }
        runbookFamiliarity = report.familiarity.map {
            Familiarity(pipeline: $0.pipeline.rawValue, version: $0.version, unread: $0.unread.map(\.rawValue))
        }
    }
}
