import Foundation
import PipewatchCore
import PipewatchTestSupport
import Testing

/// The review's numbers on a hand-made week, each computable by hand (see the comments).
@Suite("Review calculator")
struct ReviewCalculatorTests {
    private static let newYork = ScheduleFixtures.zone("America/New_York")
    private static let london = ScheduleFixtures.zone("Europe/London")

    private static let catalog = Catalog(
        team: Team(name: "Data", timeZone: newYork),
        engineers: [
            Engineer(id: "a", name: "A", region: Region(code: "US-NY")!, timeZone: newYork),
            Engineer(id: "b", name: "B", region: Region(code: "GB")!, timeZone: london),
        ],
        pipelines: [
            Pipeline(id: "orders", name: "Orders", owners: PipelineOwners(primary: "a", secondary: "b")),
            Pipeline(id: "profit", name: "Profit", owners: PipelineOwners(primary: "b", secondary: "a")),
        ]
    )

    /// Monday 2026-02-02 00:00 to Monday 2026-02-09 00:00 in New York (no DST change that week).
    private static let from = ScheduleFixtures.instant("2026-02-02T05:00:00Z")
    private static let to = ScheduleFixtures.instant("2026-02-09T05:00:00Z")

    private static func at(_ text: String) -> Date { ScheduleFixtures.instant(text) }

    private static func incident(
        _ id: Int64,
        _ key: String,
        _ pipeline: PipelineID,
        kind: String,
        opened: String,
        ackAfter minutes: Double?,
        resolveAfter resolveMinutes: Double?
    ) -> ReviewFacts.OpenedIncident {
        let openedAt = at(opened)
        return ReviewFacts.OpenedIncident(
            Incident(
                id: id,
                key: key,
                pipeline: pipeline,
                kind: kind,
                title: "incident \(id)",
                severity: .normal,
                state: resolveMinutes == nil ? (minutes == nil ? .triggered : .acknowledged) : .resolved,
                openedAt: openedAt,
                acknowledgedAt: minutes.map { openedAt.addingTimeInterval($0 * 60) },
                resolvedAt: resolveMinutes.map { openedAt.addingTimeInterval($0 * 60) }
            )
        )
    }

    private static let failed = "orders|processing_failure|orders"
    private static let late = "profit|late_input|sales.orders"
    private static let checkKey = "profit|check_failed|check:profit-range"

    private static var facts: ReviewFacts {
        ReviewFacts(
            incidents: [
                // Acknowledged after 5, 10, 15, 20 minutes; resolved after 60, 30, 90 and 40 minutes.
                incident(
                    1,
                    failed,
                    "orders",
                    kind: "processing_failure",
                    opened: "2026-02-02T10:00:00Z",
                    ackAfter: 5,
                    resolveAfter: 60
                ),
                incident(
                    2,
                    failed,
                    "orders",
                    kind: "processing_failure",
                    opened: "2026-02-03T10:00:00Z",
                    ackAfter: 10,
                    resolveAfter: 30
                ),
                incident(
                    3,
                    failed,
                    "orders",
                    kind: "processing_failure",
                    opened: "2026-02-04T10:00:00Z",
                    ackAfter: 15,
                    resolveAfter: 90
                ),
                incident(
                    4,
                    late,
                    "profit",
                    kind: "late_input",
                    opened: "2026-02-05T10:00:00Z",
                    ackAfter: 20,
                    resolveAfter: nil
                ),
                incident(
                    5,
                    checkKey,
                    "profit",
                    kind: "check_failed",
                    opened: "2026-02-06T10:00:00Z",
                    ackAfter: nil,
                    resolveAfter: 40
                ),
                // Opened the week before: not in this review.
                incident(
                    6,
                    failed,
                    "orders",
                    kind: "processing_failure",
                    opened: "2026-02-01T10:00:00Z",
                    ackAfter: 1,
                    resolveAfter: 2
                ),
            ],
            reopenings: [
                // Incident 4's key reopened twice in the week: opened once + reopened twice = 3 times.
                .init(key: late, pipeline: "profit", at: at("2026-02-05T12:00:00Z")),
                .init(key: late, pipeline: "profit", at: at("2026-02-06T12:00:00Z")),
                .init(key: checkKey, pipeline: "profit", at: at("2026-02-10T12:00:00Z")),
            ],
            reviews: [
                1: IncidentReview(
                    cause: .schemaChange,
                    summary: "An upstream column was renamed.",
                    lessons: "Watch schema facets.",
                    actionItems: [
                        .init(text: "Add a schema check", owner: "a", due: ScheduleFixtures.date("2026-02-05")),
                        .init(text: "Ask upstream for notice", owner: "a", due: ScheduleFixtures.date("2026-03-01")),
                        .init(text: "Document the rename", owner: "b", due: ScheduleFixtures.date("2026-02-01")),
                        .init(
                            text: "Rotate the feed's key",
                            owner: "a",
                            due: ScheduleFixtures.date("2026-02-03"),
                            done: .init(by: "a", at: at("2026-02-04T09:00:00Z"))
                        ),
                        // Done after the period: still open (and overdue) in it.
                        .init(
                            text: "Pin the upstream version",
                            owner: "b",
                            due: ScheduleFixtures.date("2026-02-06"),
                            done: .init(by: "b", at: at("2026-02-20T09:00:00Z"))
                        ),
                    ],
                    author: "a",
                    at: at("2026-02-02T12:00:00Z")
                )
            ],
            transitions: [
                .init(
                    key: failed,
                    pipeline: "orders",
                    kind: "processing_failure",
                    change: "opened",
                    at: at("2026-02-02T10:00:00Z")
                ),
                .init(
                    key: failed,
                    pipeline: "orders",
                    kind: "processing_failure",
                    change: "cleared",
                    at: at("2026-02-02T11:00:00Z")
                ),
                .init(
                    key: failed,
                    pipeline: "orders",
                    kind: "processing_failure",
                    change: "repeated",
                    at: at("2026-02-02T10:30:00Z")
                ),
                .init(
                    key: failed,
                    pipeline: "orders",
                    kind: "processing_failure",
                    change: "opened",
                    at: at("2026-02-03T10:00:00Z")
                ),
                .init(
                    key: failed,
                    pipeline: "orders",
                    kind: "processing_failure",
                    change: "cleared",
                    at: at("2026-02-03T11:00:00Z")
                ),
                .init(
                    key: failed,
                    pipeline: "orders",
                    kind: "processing_failure",
                    change: "opened",
                    at: at("2026-02-04T10:00:00Z")
                ),
                .init(
                    key: checkKey,
                    pipeline: "profit",
                    kind: "check_failed",
                    change: "opened",
                    at: at("2026-02-06T10:00:00Z")
                ),
                .init(
                    key: checkKey,
                    pipeline: "profit",
                    kind: "check_failed",
                    change: "cleared",
                    at: at("2026-02-06T10:40:00Z")
                ),
                .init(
                    key: checkKey,
                    pipeline: "profit",
                    kind: "check_failed",
                    change: "opened",
                    at: at("2026-02-07T10:00:00Z")
                ),
                .init(
                    key: "profit|missed_deadline|2026-02-05",
                    pipeline: "profit",
                    kind: "missed_deadline",
                    change: "opened",
                    at: at("2026-02-05T14:01:00Z")
                ),
                // Outside the week.
                .init(
                    key: checkKey,
                    pipeline: "profit",
                    kind: "check_failed",
                    change: "opened",
                    at: at("2026-02-09T06:00:00Z")
                ),
            ],
            pages: [
                // 22:30 in New York: night for a.
                .init(engineer: "a", incidentID: 1, at: at("2026-02-03T03:30:00Z")),
                // 10:00 in New York.
                .init(engineer: "a", incidentID: 2, at: at("2026-02-04T15:00:00Z")),
                // 03:30, 08:00, 06:59 and 07:00 in London: the first and the third are at night.
                .init(engineer: "b", incidentID: 1, at: at("2026-02-03T03:30:00Z")),
                .init(engineer: "b", incidentID: 3, at: at("2026-02-05T08:00:00Z")),
                .init(engineer: "b", incidentID: 4, at: at("2026-02-06T06:59:00Z")),
                .init(engineer: "b", incidentID: 5, at: at("2026-02-07T07:00:00Z")),
            ],
            notices: [
                .init(recipient: "stakeholder:investor-relations", title: "late", at: at("2026-02-05T13:00:00Z")),
                .init(recipient: "stakeholder:investor-relations", title: "delivered", at: at("2026-02-05T16:00:00Z")),
                .init(recipient: "stakeholder:finance", title: "late", at: at("2026-02-05T13:00:00Z")),
            ]
        )
    }

    /// a Monday 09:00 New York to Saturday 09:00 New York; b as substitute for a from then past the
    /// end of the week, over a day off of a's from Saturday 09:00 to Sunday 00:00 New York.
    private static var schedule: Schedule {
        Schedule(
            from: from,
            to: to,
            timeZone: newYork,
            shifts: [
                Shift(
                    engineer: "a",
                    start: at("2026-02-02T14:00:00Z"),
                    end: at("2026-02-07T14:00:00Z"),
                    reason: .rotation
                ),
                Shift(
                    engineer: "b",
                    start: at("2026-02-07T14:00:00Z"),
                    end: at("2026-02-09T14:00:00Z"),
                    reason: .substitute,
                    covering: "a"
                ),
            ],
            gaps: [],
            absences: [
                Absence(
                    engineer: "a",
                    date: ScheduleFixtures.date("2026-02-07"),
                    reason: .publicHoliday(name: "Made-up Day"),
                    start: at("2026-02-07T14:00:00Z"),
                    end: at("2026-02-08T05:00:00Z")
                )
            ]
        )
    }

    private static func report() -> ReviewReport {
        ReviewCalculator(catalog: catalog).report(
            from: from,
            to: to,
            facts: facts,
            schedule: schedule,
            members: catalog.engineers,
            familiarity: [.init(pipeline: "profit", version: "abc123def456", unread: ["b"])]
        )
    }

    @Test("nearest-rank percentiles: of 1…10 the median is 5 and p90 is 9; of one value, that value")
    func nearestRank() {
        let values = (1...10).map(Double.init).reversed().map { $0 }
        #expect(Percentile.nearestRank(50, of: values) == 5)
        #expect(Percentile.nearestRank(90, of: values) == 9)
        #expect(Percentile.nearestRank(90, of: [7]) == 7)
        #expect(Percentile.nearestRank(50, of: []) == nil)
        // Four values: the median is rank 2, p90 rank ⌈3.6⌉ = 4.
        #expect(Percentile.nearestRank(50, of: [4, 1, 3, 2]) == 2)
        #expect(Percentile.nearestRank(90, of: [4, 1, 3, 2]) == 4)
    }

    @Test("time to acknowledge and resolve, overall and per pipeline, over the incidents opened in the period")
    func responseTimes() {
        let report = Self.report()
        #expect(report.incidentCount == 5)
        // Acknowledged after 5, 10, 15, 20 min: median rank 2 = 10 min, p90 rank 4 = 20 min.
        #expect(report.timeToAcknowledge.count == 4)
        #expect(report.timeToAcknowledge.median == 600)
        #expect(report.timeToAcknowledge.p90 == 1200)
        // Resolved after 30, 40, 60, 90 min: median 40 min, p90 90 min.
        #expect(report.timeToResolve.count == 4)
        #expect(report.timeToResolve.median == 2400)
        #expect(report.timeToResolve.p90 == 5400)
        #expect(report.pipelines.map(\.pipeline) == ["orders", "profit"])
        #expect(report.pipelines.map(\.incidents) == [3, 2])
        // orders: acknowledged after 5, 10, 15 (median rank 2, p90 rank 3); resolved after 30, 60, 90.
        let orders = report.pipelines[0]
        #expect(orders.timeToAcknowledge.median == 600)
        #expect(orders.timeToAcknowledge.p90 == 900)
        #expect(orders.timeToResolve.median == 3600)
        #expect(orders.timeToResolve.p90 == 5400)
        // profit: one acknowledged (20 min), one resolved (40 min).
        #expect(report.pipelines[1].timeToAcknowledge.median == 1200)
        #expect(report.pipelines[1].timeToResolve.p90 == 2400)
    }

    @Test("causes come from reviews, else are suggested by the kind; recurring keys count reopenings")
    func causesAndRecurring() {
        let report = Self.report()
        #expect(
            report.causes.map { "\($0.cause.rawValue) \($0.incidents) \($0.suggested)" } == [
                "processing_failure 2 2", "data_source_unavailable 1 1", "schema_change 1 0", "other 1 1",
            ]
        )
        #expect(report.recurring.map { "\($0.key) \($0.occurrences)" } == ["\(Self.failed) 3", "\(Self.late) 3"])
        #expect(report.recurring.map(\.pipeline) == ["orders", "profit"])
    }

    @Test("the noisiest signals and checks count openings and clearings in the period, not repeats")
    func noise() {
        let report = Self.report()
        #expect(
            report.noisySignals.map { "\($0.name) \($0.opened)/\($0.cleared)" } == [
                "\(Self.failed) 3/2", "profit|missed_deadline|2026-02-05 1/0",
            ]
        )
        #expect(
            report.noisyChecks.map { "\($0.name) \($0.pipeline) \($0.opened)/\($0.cleared)" } == [
                "profit-range profit 2/1"
            ]
        )
        #expect(report.missedDeadlines.map { "\($0.name) \($0.count)" } == ["profit 1"])
        #expect(report.stakeholderNotices.map { "\($0.name) \($0.count)" } == ["investor-relations 2", "finance 1"])
    }

    @Test("on-call load: pages at night in the engineer's own zone, weekend and covered holiday hours")
    func oncallLoad() {
        let report = Self.report()
        #expect(report.oncall.map(\.engineer) == ["a", "b"])
        let a = report.oncall[0]
        let b = report.oncall[1]
        #expect(a.pages == 2)
        #expect(a.nightPages == 1)
        #expect(b.pages == 4)
        #expect(b.nightPages == 2)
        // a: Monday 09:00 to Saturday 09:00 New York = 120 h, of which Saturday 00:00-09:00 = 9 h weekend.
        #expect(a.onCallHours == 120)
        #expect(a.weekendHours == 9)
        #expect(a.holidayHoursCovered == 0)
        // b: Saturday 14:00Z to the end of the period, Monday 05:00Z = 39 h; in London the weekend
        // ends Monday 00:00 = 34 h; a's day off from 14:00Z to Sunday 05:00Z = 15 h covered.
        #expect(b.onCallHours == 39)
        #expect(b.weekendHours == 34)
        #expect(b.holidayHoursCovered == 15)
    }

    @Test("missing reviews, and action items open, overdue and done by owner, as of the period's last day")
    func reviewsAndActionItems() {
        let report = Self.report()
        // Resolved in the period: 1 (reviewed), 2, 3, 5; 4 is still open.
        #expect(report.missingReviews.map(\.incidentID) == [2, 3, 5])
        // Overdue when due before Sunday 2026-02-08, the last day in New York; an item done in the
        // period is neither open nor overdue, one done after it is both.
        #expect(
            report.actionItems.map { "\($0.owner) \($0.open) \($0.overdue) \($0.done)" } == ["b 2 2 0", "a 2 1 1"]
        )
        #expect(report.actionItems[0].items.map(\.text) == ["Document the rename", "Pin the upstream version"])
        #expect(report.actionItems[1].items.map(\.text) == ["Add a schema check", "Ask upstream for notice"])
        #expect(report.familiarity.first?.unread == ["b"])
    }

    @Test("JSON has ISO 8601 instants with the team's offset, seconds and ids; Markdown has every section")
    func renderings() throws {
        let report = Self.report()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(ReviewDocument(report)), as: UTF8.self)
        #expect(json.contains(#""from":"2026-02-02T00:00:00-05:00""#))
        #expect(json.contains(#""to":"2026-02-09T00:00:00-05:00""#))
        #expect(json.contains(#""time_to_acknowledge":{"count":4,"median_seconds":600,"p90_seconds":1200}"#))
        #expect(json.contains(#""percentiles":"nearest-rank""#))
        #expect(json.contains(#""resolved_at":"2026-02-03T05:30:00-05:00""#))
        let markdown = report.markdown
        #expect(markdown.hasPrefix("# Review 2026-02-02T00:00:00-05:00 to 2026-02-09T00:00:00-05:00"))
        #expect(markdown.contains("| time to acknowledge | 4 | 10m | 20m |"))
        #expect(markdown.contains("| b | 4 | 2 | 39.0 | 34.0 | 15.0 |"))
        #expect(markdown.contains("| INC-2 | orders |"))
        #expect(report.table.contains("  time to acknowledge  4          10m     20m"))
        #expect(report.table.contains("ON-CALL LOAD"))
    }

    @Test("the review schedule's periods are whole days from 'starts', across a DST change")
    func schedulePeriods() throws {
        let schedule = ReviewSchedule(everyDays: 28, starts: ScheduleFixtures.date("2026-02-02"))
        // Before the first period ends: nothing to send.
        #expect(schedule.lastEndedPeriod(at: Self.at("2026-03-01T12:00:00Z"), in: Self.newYork) == nil)
        // Monday 2026-03-02 00:00 New York (05:00Z) ends the first period.
        let first = try #require(schedule.lastEndedPeriod(at: Self.at("2026-03-02T05:00:00Z"), in: Self.newYork))
        #expect(first.from == Self.at("2026-02-02T05:00:00Z"))
        #expect(first.to == Self.at("2026-03-02T05:00:00Z"))
        // The second ends Monday 2026-03-30 00:00 EDT (04:00Z), after the switch on 8 March.
        let second = try #require(schedule.lastEndedPeriod(at: Self.at("2026-03-30T04:00:00Z"), in: Self.newYork))
        #expect(second.from == first.to)
        #expect(second.to == Self.at("2026-03-30T04:00:00Z"))
        // A minute before that, still the first.
        #expect(schedule.lastEndedPeriod(at: Self.at("2026-03-30T03:59:00Z"), in: Self.newYork)?.to == first.to)
    }

    @Test("the period: --since, --from/--to with an inclusive last day, and errors naming the parameter")
    func periods() throws {
        let now = Self.at("2026-02-09T12:00:00Z")
        let since = try ReviewPeriod.resolve(since: "7d", from: nil, to: nil, now: now, in: Self.newYork)
        #expect(since.from == Self.at("2026-02-02T12:00:00Z"))
        let range = try ReviewPeriod.resolve(
            since: nil,
            from: "2026-02-02",
            to: "2026-02-08",
            now: now,
            in: Self.newYork
        )
        #expect(range.from == Self.from)
        #expect(range.to == Self.to)
        let error = #expect(throws: ReviewPeriod.Problem.self) {
            try ReviewPeriod.resolve(since: "soon", from: nil, to: nil, now: now, in: Self.newYork)
        }
        #expect(error?.parameter == "since")
        #expect(error?.description == "'soon' is not a duration; use 90d or 4 weeks")
        let empty = #expect(throws: ReviewPeriod.Problem.self) {
            try ReviewPeriod.resolve(since: nil, from: "2026-02-08", to: "2026-02-01", now: now, in: Self.newYork)
        }
        #expect(empty?.parameter == "to")
    }
}
