import Foundation
import PipewatchCore
import Testing

@Suite("check verdicts")
struct CheckJudgeTests {
    let judge = CheckJudge()
    /// 2027-03-10T12:00:00Z, a Wednesday.
    let now = ISO8601Text.parse("2027-03-10T12:00:00Z")!

    private func verdict(
        _ kind: CheckKind,
        _ measurement: CheckMeasurement,
        history: CheckHistory = CheckHistory()
    ) -> CheckVerdict {
        judge.verdict(of: Check(id: "c", kind: kind), measurement, history: history, at: now)
    }

    private func hours(_ count: Double) -> TimeInterval { count * 3600 }

    // MARK: Freshness

    @Test("freshness passes within warn_after, warns past it and fails past max_age, saying how old the newest row is")
    func freshness() {
        // Given a 6h limit with a warning at 3h
        let kind = CheckKind.freshness(
            table: "sales.orders",
            column: "updated_at",
            maxAge: .seconds(6 * 3600),
            warnAfter: .seconds(3 * 3600)
        )

        // When the newest row is 2h, 4h and 7h30m old
        let fresh = verdict(kind, .newest(now.addingTimeInterval(-hours(2))))
        let late = verdict(kind, .newest(now.addingTimeInterval(-hours(4))))
        let stale = verdict(kind, .newest(now.addingTimeInterval(-hours(7.5))))

        // Then
        #expect(fresh.state == .pass)
        #expect(fresh.value == 7200)
        #expect(fresh.threshold == "<= 6h")
        #expect(fresh.message == "newest updated_at is 2h old (2027-03-10T10:00:00+00:00)")
        #expect(late.state == .warn)
        #expect(late.value == 14_400)
        #expect(late.message == "newest updated_at is 4h old (2027-03-10T08:00:00+00:00), over 3h")
        #expect(stale.state == .fail)
        #expect(stale.value == 27_000)
        #expect(stale.threshold == "<= 6h")
        #expect(stale.message == "newest updated_at is 7h30m old (2027-03-10T04:30:00+00:00), over 6h")
    }

    @Test("freshness of an empty table fails and says so")
    func freshnessOfEmptyTable() {
        let kind = CheckKind.freshness(table: "t", column: "updated_at", maxAge: .seconds(3600), warnAfter: nil)
        let found = verdict(kind, .newest(nil))
        #expect(found.state == .fail)
        #expect(found.value == nil)
        #expect(found.threshold == "<= 1h")
        #expect(found.message == "updated_at has no values: the table is empty")
    }

    // MARK: Volume

    @Test("volume passes within its bounds and fails below or above them, naming the bound crossed")
    func volume() {
        let kind = CheckKind.volume(
            table: "events",
            minRows: 1000,
            maxRows: 5000,
            column: "created_at",
            window: .seconds(86_400)
        )
        let normal = verdict(kind, .rows(2500))
        let low = verdict(kind, .rows(12))
        let high = verdict(kind, .rows(6000))
        #expect(normal.state == .pass)
        #expect(normal.value == 2500)
        #expect(normal.threshold == ">= 1000 and <= 5000 rows")
        #expect(normal.message == "2500 rows in the last 1d")
        #expect(low.state == .fail)
        #expect(low.value == 12)
        #expect(low.message == "12 rows in the last 1d, below the minimum of 1000")
        #expect(high.state == .fail)
        #expect(high.message == "6000 rows in the last 1d, above the maximum of 5000")
    }

    @Test("volume without a window counts the whole table")
    func volumeWholeTable() {
        let found = verdict(.volume(table: "t", minRows: 1, maxRows: nil, column: nil, window: nil), .rows(0))
        #expect(found.state == .fail)
        #expect(found.threshold == ">= 1 rows")
        #expect(found.message == "0 rows, below the minimum of 1")
    }

    // MARK: Completeness

    @Test("the completeness window is whole buckets aligned to the bucket size, ending at or before now")
    func completenessWindow() throws {
        let window = CheckJudge.completenessWindow(
            bucket: .seconds(3600),
            lookback: .seconds(6 * 3600),
            at: now.addingTimeInterval(20 * 60)
        )
        #expect(
            window.map { ISO8601Text.format($0, in: TimeZone(identifier: "UTC")!) } == [
                "2027-03-10T06:00:00+00:00", "2027-03-10T07:00:00+00:00", "2027-03-10T08:00:00+00:00",
                "2027-03-10T09:00:00+00:00", "2027-03-10T10:00:00+00:00", "2027-03-10T11:00:00+00:00",
            ]
        )
    }

    @Test("completeness passes when every bucket has rows and fails listing the empty ones merged into gaps")
    func completeness() {
        // Given hourly buckets over the last 6 hours
        let kind = CheckKind.completeness(
            table: "events",
            column: "created_at",
            bucket: .seconds(3600),
            lookback: .seconds(6 * 3600)
        )
        let window = CheckJudge.completenessWindow(bucket: .seconds(3600), lookback: .seconds(6 * 3600), at: now)

        // When all are filled, and when 07:00, 08:00 and 10:00 are empty
        let full = verdict(kind, .filledBuckets(Set(window)))
        let gappy = verdict(kind, .filledBuckets(Set([window[0], window[3], window[5]])))

        // Then
        #expect(full.state == .pass)
        #expect(full.value == 0)
        #expect(full.threshold == "0 empty buckets")
        #expect(full.message == "all 6 buckets of 1h have rows")
        #expect(gappy.state == .fail)
        #expect(gappy.value == 3)
        #expect(gappy.message == "3 of 6 buckets of 1h have no rows, in 2 gaps")
        #expect(
            gappy.examples == [
                "2027-03-10T07:00:00+00:00 to 2027-03-10T09:00:00+00:00",
                "2027-03-10T10:00:00+00:00 to 2027-03-10T11:00:00+00:00",
            ]
        )
    }

    // MARK: Row violations: range, missing, duplicates, accepted values, SQL

    @Test("range passes with no row out of bounds and fails with the count, share and example rows")
    func range() {
        let kind = CheckKind.range(table: "analytics.profit_daily", column: "revenue", min: 0, max: 100_000)
        let clean = verdict(kind, .violations(count: 0, of: 30, examples: []))
        let bad = verdict(
            kind,
            .violations(count: 2, of: 30, examples: ["day=2027-03-01, revenue=-5", "day=2027-03-02, revenue=250000"])
        )
        #expect(clean.state == .pass)
        #expect(clean.value == 0)
        #expect(clean.threshold == ">= 0 and <= 100000")
        #expect(clean.message == "0 rows with revenue out of range")
        #expect(bad.state == .fail)
        #expect(bad.value == 2)
        #expect(bad.message == "2 rows with revenue out of range (6.67% of 30 rows)")
        #expect(bad.examples == ["day=2027-03-01, revenue=-5", "day=2027-03-02, revenue=250000"])
    }

    @Test("missing passes under its warn limit, warns past it and fails past its limit")
    func missing() {
        // Given at most 5% nulls, with a warning past 10 rows
        let kind = CheckKind.missing(table: "events", column: "user_id", limit: .fraction(0.05), warn: .count(10))
        let few = verdict(kind, .violations(count: 5, of: 1000, examples: []))
        let some = verdict(kind, .violations(count: 20, of: 1000, examples: ["event_id=7, user_id=NULL"]))
        let many = verdict(kind, .violations(count: 60, of: 1000, examples: []))
        #expect(few.state == .pass)
        #expect(few.threshold == "<= 5% nulls")
        #expect(few.message == "5 rows with user_id null (0.50% of 1000 rows)")
        #expect(some.state == .warn)
        #expect(some.value == 20)
        #expect(some.message == "20 rows with user_id null (2.00% of 1000 rows)")
        #expect(some.examples == ["event_id=7, user_id=NULL"])
        #expect(many.state == .fail)
        #expect(many.message == "60 rows with user_id null (6.00% of 1000 rows)")
    }

    @Test("one failing row is written in the singular")
    func singularRow() {
        let kind = CheckKind.missing(table: "events", column: "user_id", limit: .count(0), warn: nil)
        let found = verdict(kind, .violations(count: 1, of: 1000, examples: []))
        #expect(found.state == .fail)
        #expect(found.threshold == "<= 0 nulls")
        #expect(found.message == "1 row with user_id null (0.10% of 1000 rows)")
    }

    @Test("duplicates counts the key values that occur more than once, and fails above max_count")
    func duplicates() {
        // Given at most one duplicated key
        let kind = CheckKind.duplicates(table: "sales.orders", columns: ["order_id", "line"], maxCount: 1)

        // When no key repeats, one key appears twice, and two keys take five rows between them
        let unique = verdict(kind, .violations(count: 0, of: 0, examples: []))
        let one = verdict(kind, .violations(count: 1, of: 2, examples: ["order_id=9, line=1"]))
        let two = verdict(kind, .violations(count: 2, of: 5, examples: ["order_id=9, line=1", "order_id=12, line=2"]))

        // Then
        #expect(unique.state == .pass)
        #expect(unique.value == 0)
        #expect(unique.threshold == "<= 1 duplicated")
        #expect(unique.message == "every order_id, line is unique")
        #expect(one.state == .pass)
        #expect(two.state == .fail)
        #expect(two.value == 2)
        #expect(two.message == "2 order_id, line values occur more than once, in 5 rows")
        #expect(two.examples == ["order_id=9, line=1", "order_id=12, line=2"])
        #expect(one.message == "1 order_id, line value occurs more than once, in 2 rows")
    }

    @Test("accepted values fails on any value outside the list")
    func acceptedValues() {
        let kind = CheckKind.acceptedValues(
            table: "sales.orders",
            column: "status",
            values: ["open", "paid", "refunded"]
        )
        let clean = verdict(kind, .violations(count: 0, of: 100, examples: []))
        let bad = verdict(kind, .violations(count: 3, of: 100, examples: ["status=lost"]))
        #expect(clean.state == .pass)
        #expect(clean.threshold == "in [open, paid, refunded]")
        #expect(clean.message == "0 rows with status not accepted")
        #expect(bad.state == .fail)
        #expect(bad.value == 3)
        #expect(bad.message == "3 rows with status not accepted (3.00% of 100 rows)")
        #expect(bad.examples == ["status=lost"])
    }

    @Test("an SQL check passes with no rows and fails with the rows returned, showing at most five")
    func sql() {
        let kind = CheckKind.sql(query: "SELECT * FROM orders WHERE amount < cost")
        let clean = verdict(kind, .violations(count: 0, of: 0, examples: []))
        let rows = (1...7).map { "order_id=\($0)" }
        let bad = verdict(kind, .violations(count: 7, of: 7, examples: rows))
        #expect(clean.state == .pass)
        #expect(clean.threshold == "no rows")
        #expect(clean.message == "0 rows returned")
        #expect(bad.state == .fail)
        #expect(bad.value == 7)
        #expect(bad.examples == Array(rows.prefix(5)))
        // The query's rows are all failures, so a share of them says nothing
        #expect(bad.message == "7 rows returned")
    }

    @Test("a percentage limit is shown as the user wrote it", arguments: [7.0, 14, 29, 57])
    func percentageThresholds(percent: Double) {
        // Given the fraction the config reads from 'max_percent: 7%' (7 / 100)
        let fraction = percent / 100
        let missing = verdict(
            .missing(table: "t", column: "c", limit: .fraction(fraction), warn: nil),
            .violations(count: 0, of: 10, examples: [])
        )
        let reconcile = verdict(
            .reconcile(left: "a", right: "b", tolerance: .relative(fraction), warn: nil),
            .pair(1, 1)
        )
        #expect(missing.threshold == "<= \(Int(percent))% nulls")
        #expect(reconcile.threshold == "differ by <= \(Int(percent))%")
    }

    @Test("exactly the max_percent share of nulls is within the limit", arguments: [5.0, 7, 14, 29, 57])
    func percentageAtLimit(percent: Double) {
        // Given 'max_percent: N%' and N nulls in 100 rows
        let kind = CheckKind.missing(table: "t", column: "c", limit: .fraction(percent / 100), warn: nil)
        let found = verdict(kind, .violations(count: Int(percent), of: 100, examples: []))
        #expect(found.state == .pass, "\(found.message)")
    }

    // MARK: Anomaly

    /// Ten values around 100: median 100, scaled MAD 1.4826.
    let steady: [Double] = [100, 102, 98, 101, 99, 100, 103, 97, 100, 101]

    @Test("an anomaly check passes as learning until it has 7 earlier values")
    func anomalyLearning() {
        let kind = CheckKind.anomaly(query: "SELECT count(*) FROM signups", sigma: 3, lookback: 30, warnSigma: 2)
        let found = verdict(kind, .value(5000), history: CheckHistory(values: Array(steady.prefix(6))))
        #expect(found.state == .pass)
        #expect(found.value == 5000)
        #expect(found.threshold == "within 3σ")
        #expect(found.message == "learning: 5000 kept; 6 of 7 values needed")
    }

    @Test("an anomaly check scores the value by robust z-score: pass, warn past warn_sigma, fail past sigma")
    func anomalyScores() {
        let kind = CheckKind.anomaly(query: "SELECT count(*) FROM signups", sigma: 3, lookback: 30, warnSigma: 2)
        let history = CheckHistory(values: steady)
        let usual = verdict(kind, .value(101), history: history)
        let odd = verdict(kind, .value(103.5), history: history)
        let high = verdict(kind, .value(110), history: history)
        let low = verdict(kind, .value(90), history: history)
        #expect(usual.state == .pass)
        #expect(usual.message == "101 is 0.7σ from the median 100 of the last 10 values")
        #expect(odd.state == .warn)
        #expect(odd.value == 103.5)
        #expect(odd.message == "103.5 is 2.4σ from the median 100 of the last 10 values")
        #expect(high.state == .fail)
        #expect(high.threshold == "within 3σ")
        #expect(high.message == "110 is 6.7σ from the median 100 of the last 10 values")
        #expect(low.state == .fail)
        #expect(low.message == "90 is -6.7σ from the median 100 of the last 10 values")
    }

    @Test("an anomaly check reads only its last lookback values, so old outliers do not widen the spread")
    func anomalyLookback() {
        let kind = CheckKind.anomaly(query: "q", sigma: 3, lookback: 10, warnSigma: nil)
        let history = CheckHistory(values: [5000, 1, 5000, 1, 5000] + steady)
        let found = verdict(kind, .value(110), history: history)
        #expect(found.state == .fail)
        #expect(found.message == "110 is 6.7σ from the median 100 of the last 10 values")
    }

    @Test("an anomaly check with a short lookback still judges once it has that many values")
    func anomalyShortLookback() {
        // Given a lookback of 5, which the config accepts, and a long steady history
        let kind = CheckKind.anomaly(query: "q", sigma: 3, lookback: 5, warnSigma: nil)
        let history = CheckHistory(values: steady + steady)

        // When the value jumps far away
        let found = verdict(kind, .value(500), history: history)

        // Then it fails rather than learning forever
        #expect(found.state == .fail)
    }

    @Test("an anomaly check over a flat history fails on any change, and a query with no value fails")
    func anomalyEdges() {
        let kind = CheckKind.anomaly(query: "q", sigma: 3, lookback: 30, warnSigma: nil)
        let flat = CheckHistory(values: Array(repeating: 100, count: 7))
        let same = verdict(kind, .value(100), history: flat)
        let moved = verdict(kind, .value(101), history: flat)
        let empty = verdict(kind, .value(nil), history: flat)
        #expect(same.state == .pass)
        #expect(same.message == "100 is 0.0σ from the median 100 of the last 7 values")
        #expect(moved.state == .fail)
        #expect(moved.message == "101 is ∞σ from the median 100 of the last 7 values")
        #expect(empty.state == .fail)
        #expect(empty.message == "the query returned no value")
    }

    // MARK: Reconcile

    @Test("reconcile with a relative tolerance passes, warns past the warn tolerance and fails past the tolerance")
    func reconcileRelative() {
        // Given 1% to fail and 0.5% to warn
        let kind = CheckKind.reconcile(
            left: "daily",
            right: "aggregate",
            tolerance: .relative(0.01),
            warn: .relative(0.005)
        )
        let equal = verdict(kind, .pair(1000, 1000))
        let close = verdict(kind, .pair(1000, 993))
        let apart = verdict(kind, .pair(1000, 980))
        #expect(equal.state == .pass)
        #expect(equal.value == 0)
        #expect(equal.threshold == "differ by <= 1%")
        #expect(equal.message == "left 1000, right 1000: they differ by 0.000%")
        #expect(close.state == .warn)
        #expect(close.message == "left 1000, right 993: they differ by 0.700%")
        #expect(apart.state == .fail)
        #expect(apart.value == 0.02)
        #expect(apart.message == "left 1000, right 980: they differ by 2.000%")
        #expect(apart.observations == ["left": 1000, "right": 980])
    }

    @Test("the same numbers agree within 0.1% yet differ by more than 100 in absolute terms")
    func reconcileRelativeVersusAbsolute() {
        let relative = verdict(
            .reconcile(left: "a", right: "b", tolerance: .relative(0.001), warn: nil),
            .pair(1_000_000, 1_000_500)
        )
        let absolute = verdict(
            .reconcile(left: "a", right: "b", tolerance: .absolute(100), warn: nil),
            .pair(1_000_000, 1_000_500)
        )
        let within = verdict(.reconcile(left: "a", right: "b", tolerance: .absolute(100), warn: nil), .pair(1000, 1060))
        #expect(relative.state == .pass)
        #expect(relative.message == "left 1000000, right 1000500: they differ by 0.050%")
        #expect(absolute.state == .fail)
        #expect(absolute.value == 500)
        #expect(absolute.threshold == "differ by <= 100")
        #expect(absolute.message == "left 1000000, right 1000500: they differ by 500")
        #expect(within.state == .pass)
        #expect(within.value == 60)
    }

    @Test("reconcile fails when a side returned no value, naming which")
    func reconcileMissingSide() {
        let kind = CheckKind.reconcile(left: "a", right: "b", tolerance: .relative(0.01), warn: nil)
        let noLeft = verdict(kind, .pair(nil, 10))
        let neither = verdict(kind, .pair(nil, nil))
        #expect(noLeft.state == .fail)
        #expect(noLeft.value == nil)
        #expect(noLeft.threshold == "differ by <= 1%")
        #expect(noLeft.message == "the left query returned no value")
        #expect(neither.state == .fail)
        #expect(neither.message == "the left and right query returned no value")
    }

    // MARK: Schema

    private let orders = CheckKind.schema(
        table: "sales.orders",
        columns: [
            SchemaColumn(name: "order_id", type: "bigint"),
            SchemaColumn(name: "amount", type: "numeric"),
            SchemaColumn(name: "status", type: "varchar"),
            SchemaColumn(name: "updated_at", type: "timestamp"),
        ]
    )

    @Test("a schema matches when the catalog writes the declared types in its own words")
    func schemaMatches() {
        // Given the types as PostgreSQL's catalog writes them
        let found = [
            SchemaColumn(name: "order_id", type: "BIGINT"),
            SchemaColumn(name: "amount", type: "numeric(12,2)"),
            SchemaColumn(name: "status", type: "character varying"),
            SchemaColumn(name: "updated_at", type: "timestamp without time zone"),
        ]

        // When
        let result = verdict(orders, .columns(found))

        // Then
        #expect(result.state == .pass)
        #expect(result.value == 0)
        #expect(result.threshold == "4 columns as declared")
        #expect(result.message == "sales.orders has the 4 declared columns")
        #expect(result.columns == found)
    }

    @Test(
        "a declared type matches the catalog's spelling",
        arguments: [
            ("timestamp", "timestamp without time zone"),
            ("timestamptz", "timestamp with time zone"),
            ("bigint", "BIGINT"),
            ("bigint", "int8"),
            ("integer", "int4"),
            ("numeric", "numeric(12,2)"),
            ("decimal(12, 2)", "numeric(12,2)"),
            ("varchar", "character varying"),
            ("varchar(20)", "character varying(20)"),
            ("double precision", "float8"),
            ("bool", "boolean"),
        ]
    )
    func typeSpellings(declared: String, found: String) {
        let kind = CheckKind.schema(table: "t", columns: [SchemaColumn(name: "c", type: declared)])
        let result = verdict(kind, .columns([SchemaColumn(name: "c", type: found)]))
        #expect(result.state == .pass, "\(declared) vs \(found): \(result.message)")
    }

    @Test("a declared precision must match, and different types do not")
    func typeMismatches() {
        let kind = CheckKind.schema(table: "t", columns: [SchemaColumn(name: "amount", type: "numeric(12,2)")])
        let narrower = verdict(kind, .columns([SchemaColumn(name: "amount", type: "numeric(10,2)")]))
        #expect(narrower.state == .fail)
        #expect(
            narrower.message == "t differs from the declared schema: amount is numeric(10,2), expected numeric(12,2)"
        )
        let text = verdict(
            .schema(table: "t", columns: [SchemaColumn(name: "id", type: "bigint")]),
            .columns([SchemaColumn(name: "id", type: "text")])
        )
        #expect(text.state == .fail)
    }

    @Test("missing, unexpected and retyped columns fail, each named, with the drift since the last run")
    func schemaFails() {
        // Given the last run saw the declared schema
        let declared = [
            SchemaColumn(name: "order_id", type: "bigint"),
            SchemaColumn(name: "amount", type: "numeric"),
            SchemaColumn(name: "status", type: "text"),
        ]
        let kind = CheckKind.schema(table: "sales.orders", columns: declared)
        let found = [
            SchemaColumn(name: "order_id", type: "bigint"),
            SchemaColumn(name: "amount", type: "text"),
            SchemaColumn(name: "channel", type: "text"),
        ]

        // When status is dropped, amount retyped and channel added
        let result = verdict(kind, .columns(found), history: CheckHistory(lastColumns: declared))

        // Then
        #expect(result.state == .fail)
        #expect(result.value == 3)
        #expect(result.threshold == "3 columns as declared")
        #expect(
            result.message
                == "sales.orders differs from the declared schema: amount is text, expected numeric; missing status text; "
                + "unexpected channel text"
        )
        #expect(
            result.examples == [
                "since last run: amount retyped numeric → text", "since last run: channel text added",
                "since last run: status text removed",
            ]
        )
        #expect(result.columns == found)
    }

    @Test("a schema that still matches but changed since the last run warns")
    func schemaDrift() {
        // Given the last run saw one extra column that has since gone
        let found = [
            SchemaColumn(name: "order_id", type: "bigint"),
            SchemaColumn(name: "amount", type: "numeric"),
            SchemaColumn(name: "status", type: "varchar"),
            SchemaColumn(name: "updated_at", type: "timestamp"),
        ]
        let last = found + [SchemaColumn(name: "legacy_flag", type: "boolean")]

        // When
        let result = verdict(orders, .columns(found), history: CheckHistory(lastColumns: last))

        // Then
        #expect(result.state == .warn)
        #expect(result.value == 1)
        #expect(
            result.message
                == "sales.orders matches the declared schema but changed since the last run: legacy_flag boolean removed"
        )
    }

    @Test("a table with no columns is an error: the check could not look")
    func schemaNoTable() {
        let result = verdict(orders, .columns([]))
        #expect(result.state == .error)
        #expect(result.value == nil)
        #expect(result.message == "table sales.orders does not exist or has no columns")
        #expect(result.columns == nil)
    }

    // MARK: Storage

    @Test("storage fails when a table is over max_size and passes under it")
    func storageMaxSize() {
        let kind = CheckKind.storage(
            table: "analytics.profit_daily",
            path: nil,
            minFreeBytes: nil,
            maxBytes: 1_000_000_000,
            minDaysUntilFull: nil
        )
        let big = verdict(kind, .storage(bytes: 1_500_000_000, freeBytes: nil))
        let small = verdict(kind, .storage(bytes: 250_000_000, freeBytes: nil))
        #expect(big.state == .fail)
        #expect(big.value == 1_500_000_000)
        #expect(big.threshold == "size <= 1 GB")
        #expect(big.message == "size 1.5 GB is over 1 GB")
        #expect(big.observations == ["bytes": 1_500_000_000])
        #expect(small.state == .pass)
        #expect(small.message == "size 250 MB")
    }

    @Test("storage fails when free space is below min_free")
    func storageMinFree() {
        let kind = CheckKind.storage(
            table: nil,
            path: "/",
            minFreeBytes: 1_000_000_000,
            maxBytes: nil,
            minDaysUntilFull: nil
        )
        let low = verdict(kind, .storage(bytes: nil, freeBytes: 600_000_000))
        let plenty = verdict(kind, .storage(bytes: nil, freeBytes: 40_000_000_000))
        #expect(low.state == .fail)
        #expect(low.value == 600_000_000)
        #expect(low.threshold == "free >= 1 GB")
        #expect(low.message == "only 600 MB free, below 1 GB")
        #expect(plenty.state == .pass)
        #expect(plenty.message == "40 GB free")
    }

    private let disk = CheckKind.storage(
        table: nil,
        path: "/",
        minFreeBytes: 1_000_000_000,
        maxBytes: nil,
        minDaysUntilFull: 14
    )

    /// Free space observed `daysAgo` before now.
    private func free(_ daysAgo: Double, _ bytes: Double) -> (at: Date, values: [String: Double]) {
        (at: now.addingTimeInterval(-daysAgo * 86_400), values: ["free_bytes": bytes])
    }

    @Test("storage forecasts days until full from shrinking free space and fails when sooner than min_days_until_full")
    func storageFillsSoon() {
        // Given free space fell 5 GB a day: 100 GB ten days ago, 75 GB five days ago, 50 GB now
        let history = CheckHistory(observations: [free(10, 100e9), free(5, 75e9)])

        // When
        let result = verdict(disk, .storage(bytes: nil, freeBytes: 50_000_000_000), history: history)

        // Then
        #expect(result.state == .fail)
        #expect(result.value == 10)
        #expect(result.threshold == "free >= 1 GB, full in >= 14 days")
        #expect(result.message == "full in 10.0 days, sooner than 14")
    }

    @Test("storage passes when free space shrinks slowly enough")
    func storageFillsLater() {
        let history = CheckHistory(observations: [free(10, 60e9), free(5, 55e9)])
        let result = verdict(disk, .storage(bytes: nil, freeBytes: 50_000_000_000), history: history)
        #expect(result.state == .pass)
        #expect(result.value == 50)
        #expect(result.message == "50 GB free, full in 50.0 days at the current growth")
    }

    @Test("storage passes without a forecast when free space is not shrinking, and ignores readings over two weeks old")
    func storageNotGrowing() {
        // Given steady free space lately, and far more free space three weeks ago
        let history = CheckHistory(observations: [free(21, 900e9), free(10, 40e9), free(5, 45e9)])
        let result = verdict(disk, .storage(bytes: nil, freeBytes: 50_000_000_000), history: history)
        #expect(result.state == .pass)
        #expect(result.value == 50_000_000_000)
        #expect(result.message == "50 GB free, not growing, or too little history to forecast")
    }

    // MARK: Mismatch

    @Test("a measurement of the wrong shape is an error, not a verdict on the data")
    func wrongMeasurement() {
        let kind = CheckKind.freshness(table: "t", column: "c", maxAge: .seconds(3600), warnAfter: nil)
        let result = verdict(kind, .rows(5))
        #expect(result.state == .error)
        #expect(result.message.hasPrefix("the probe measured "))
        #expect(result.message.hasSuffix(" for a freshness check"))
    }
}
