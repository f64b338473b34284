import Foundation
import PipewatchCore
import PipewatchProbes
import PipewatchTestSupport
import Testing

/// Every check kind against a real database: SQLite files, and the PostgreSQL server the test
/// command starts. What a user would check: the verdict, the number and the examples.
@Suite("Checks against real databases")
struct CheckProbeTests {
    static let backends = StoreBackend.available

    /// A check with a timeout long enough for a test process that runs every suite at once on two cores.
    private func check(_ id: String, _ kind: CheckKind, timeout: Duration = .seconds(120)) -> Check {
        Check(id: CheckID(id), kind: kind, timeout: timeout)
    }

    private func byID(_ results: [CheckResult]) -> [String: CheckResult] {
        Dictionary(uniqueKeysWithValues: results.map { ($0.check.rawValue, $0) })
    }

    @Test("every kind passes and fails on what the data holds", arguments: backends)
    func everyKind(_ backend: StoreBackend) async throws {
        try await ProbeWarehouse.with(backend) { warehouse in
            let orders = warehouse.table("orders")
            let events = warehouse.table("events")
            let results = byID(
                await warehouse.run([
                    check(
                        "fresh-ok",
                        .freshness(table: orders, column: "updated_at", maxAge: .seconds(3 * 3600), warnAfter: nil)
                    ),
                    check(
                        "fresh-late",
                        .freshness(table: orders, column: "updated_at", maxAge: .seconds(3600), warnAfter: nil)
                    ),
                    check("rows-ok", .volume(table: orders, minRows: 6, maxRows: nil, column: nil, window: nil)),
                    check(
                        "rows-few",
                        .volume(
                            table: orders,
                            minRows: 4,
                            maxRows: nil,
                            column: "updated_at",
                            window: .seconds(3 * 3600)
                        )
                    ),
                    check("amount-range", .range(table: orders, column: "amount", min: 0, max: nil)),
                    check("amount-wide", .range(table: orders, column: "amount", min: -10, max: 100)),
                    check("amount-missing", .missing(table: orders, column: "amount", limit: .count(0), warn: nil)),
                    check(
                        "amount-missing-ok",
                        .missing(table: orders, column: "amount", limit: .fraction(0.2), warn: .count(0))
                    ),
                    check("ids-unique", .duplicates(table: orders, columns: ["order_id"], maxCount: 0)),
                    check("pairs-unique", .duplicates(table: orders, columns: ["order_id", "amount"], maxCount: 0)),
                    check(
                        "status-known",
                        .acceptedValues(table: orders, column: "status", values: ["new", "paid", "shipped"])
                    ),
                    check(
                        "orders-schema",
                        .schema(
                            table: orders,
                            columns: [
                                SchemaColumn(name: "order_id", type: "bigint"),
                                SchemaColumn(name: "amount", type: "numeric"),
                                SchemaColumn(name: "status", type: "text"),
                                SchemaColumn(name: "updated_at", type: "timestamp"),
                            ]
                        )
                    ),
                    check(
                        "events-complete",
                        .completeness(
                            table: events,
                            column: "event_time",
                            bucket: .seconds(3600),
                            lookback: .seconds(86_400)
                        )
                    ),
                    check("big-orders", .sql(query: "SELECT order_id, amount FROM \(orders) WHERE amount > 15")),
                    check("no-rows", .sql(query: "SELECT order_id FROM \(orders) WHERE amount > 1000")),
                    check(
                        "totals-agree",
                        .reconcile(
                            left: "SELECT SUM(amount) FROM \(orders)",
                            right: "SELECT 52.5",
                            tolerance: .relative(0.001),
                            warn: nil
                        )
                    ),
                    check(
                        "totals-differ",
                        .reconcile(
                            left: "SELECT SUM(amount) FROM \(orders)",
                            right: "SELECT 60",
                            tolerance: .absolute(5),
                            warn: nil
                        )
                    ),
                    check(
                        "orders-size",
                        .storage(
                            table: orders,
                            path: nil,
                            minFreeBytes: nil,
                            maxBytes: 1_000_000_000,
                            minDaysUntilFull: nil
                        )
                    ),
                    check(
                        "database-size",
                        .storage(table: nil, path: nil, minFreeBytes: nil, maxBytes: 1, minDaysUntilFull: nil)
                    ),
                ])
            )
            #expect(results["fresh-ok"]?.state == .pass)
            #expect(results["fresh-ok"]?.value == 7200)
            #expect(results["fresh-late"]?.state == .fail)
            #expect(results["fresh-late"]?.message.contains("2h old") == true)
            #expect(results["rows-ok"]?.state == .pass)
            #expect(results["rows-ok"]?.value == 6)
            #expect(results["rows-few"]?.state == .fail)
            #expect(results["rows-few"]?.value == 3)
            #expect(results["amount-range"]?.state == .fail)
            #expect(results["amount-range"]?.value == 1)
            #expect(results["amount-range"]?.examples.first?.contains("amount=-5") == true)
            #expect(results["amount-wide"]?.state == .pass)
            #expect(results["amount-missing"]?.state == .fail)
            #expect(results["amount-missing"]?.examples.first?.contains("order_id=2") == true)
            #expect(results["amount-missing-ok"]?.state == .warn)
            #expect(results["ids-unique"]?.state == .fail)
            #expect(results["ids-unique"]?.value == 1)
            #expect(results["ids-unique"]?.examples.first?.contains("order_id=3") == true)
            #expect(results["pairs-unique"]?.state == .fail)
            #expect(results["pairs-unique"]?.value == 1)
            #expect(results["status-known"]?.state == .fail)
            #expect(results["status-known"]?.examples == ["status=lost, rows=1"])
            #expect(results["orders-schema"]?.state == .pass, "\(results["orders-schema"]?.message ?? "")")
            #expect(results["events-complete"]?.state == .fail)
            #expect(results["events-complete"]?.value == 3)
            #expect(results["events-complete"]?.examples == ["2026-12-03T05:00:00+00:00 to 2026-12-03T08:00:00+00:00"])
            #expect(results["big-orders"]?.state == .fail)
            #expect(results["big-orders"]?.value == 2)
            #expect(results["no-rows"]?.state == .pass)
            #expect(results["totals-agree"]?.state == .pass, "\(results["totals-agree"]?.message ?? "")")
            #expect(results["totals-differ"]?.state == .fail)
            #expect(results["totals-differ"]?.value == 7.5)
            #expect(results["orders-size"]?.state == .pass)
            #expect((results["orders-size"]?.observations["bytes"] ?? 0) > 0)
            #expect(results["database-size"]?.state == .fail)
            #expect(
                results["database-size"]?.message.hasPrefix("size ") == true,
                "\(results["database-size"]?.message ?? "")"
            )
        }
    }

    @Test("checks on one table are answered by one scan", arguments: backends)
    func foldsOneTable(_ backend: StoreBackend) async throws {
        try await ProbeWarehouse.with(backend) { warehouse in
            let orders = warehouse.table("orders")
            let checks = [
                check("a", .freshness(table: orders, column: "updated_at", maxAge: .seconds(86_400), warnAfter: nil)),
                check("b", .volume(table: orders, minRows: 1, maxRows: nil, column: nil, window: nil)),
                check("c", .missing(table: orders, column: "status", limit: .count(0), warn: nil)),
                check("d", .range(table: orders, column: "order_id", min: 0, max: 10)),
            ]
            let results = await warehouse.run(checks)
            #expect(results.map(\.state) == [.pass, .pass, .pass, .pass])
            #expect(Set(results.map { $0.sql.first ?? "" }).count == 1)
            #expect(results[0].sql.first?.hasPrefix("SELECT COUNT(*), ") == true)
            // Logged in ahead (as check run does while its store opens), the same answers.
            let ahead = await warehouse.run(checks, connectingFirst: true)
            #expect(ahead.map(\.state) == results.map(\.state) && ahead.map(\.sql) == results.map(\.sql))
        }
    }

    @Test("checks on one table that find a few failing rows read their examples together", arguments: backends)
    func fewExamplesTogether(_ backend: StoreBackend) async throws {
        try await ProbeWarehouse.with(backend) { warehouse in
            let orders = warehouse.table("orders")
            let results = await warehouse.run([
                check("nulls", .missing(table: orders, column: "amount", limit: .count(0), warn: nil)),
                check("negative", .range(table: orders, column: "amount", min: 0, max: nil)),
                check("big", .range(table: orders, column: "amount", min: nil, max: 10)),
                check("ids", .range(table: orders, column: "order_id", min: 0, max: 10)),
            ])
            #expect(results.map(\.state) == [.fail, .fail, .fail, .pass])
            #expect(results.map(\.value) == [1, 1, 3, 0])
            // The same rows the checks would read alone, from one query that all three ran.
            #expect(results[0].examples == ["order_id=2, amount=NULL, status=paid, updated_at=2026-12-02 11:00:00"])
            #expect(results[1].examples.count == 1)
            #expect(results[1].examples.first?.hasPrefix("order_id=4, amount=-5") == true)
            #expect(results[2].examples.map { $0.prefix(10) } == ["order_id=1", "order_id=3", "order_id=3"])
            let shared = results[0].sql.last
            #expect(shared?.contains("pipewatch_example_0") == true)
            #expect(results[1].sql.last == shared && results[2].sql.last == shared)
            #expect(results[0].sql.count == 2 && results[3].sql.count == 1)
        }
    }

    @Test("a missing table or column errors that check alone, with the database's message", arguments: backends)
    func missingColumn(_ backend: StoreBackend) async throws {
        try await ProbeWarehouse.with(backend) { warehouse in
            let orders = warehouse.table("orders")
            let results = byID(
                await warehouse.run([
                    check("rows", .volume(table: orders, minRows: 1, maxRows: nil, column: nil, window: nil)),
                    check("typo", .missing(table: orders, column: "amonut", limit: .count(0), warn: nil)),
                    check(
                        "no-table",
                        .volume(table: warehouse.table("nothing"), minRows: 1, maxRows: nil, column: nil, window: nil)
                    ),
                    check("bad-sql", .sql(query: "SELEC 1")),
                    check(
                        "gone",
                        .schema(table: warehouse.table("nothing"), columns: [SchemaColumn(name: "a", type: "text")])
                    ),
                ])
            )
            #expect(results["rows"]?.state == .pass)
            #expect(results["typo"]?.state == .error)
            #expect(results["typo"]?.message.contains("amonut") == true)
            #expect(results["no-table"]?.state == .error)
            #expect(results["no-table"]?.message.contains("nothing") == true)
            #expect(results["bad-sql"]?.state == .error)
            #expect(results["bad-sql"]?.message.lowercased().contains("syntax") == true)
            #expect(results["gone"]?.state == .error)
        }
    }

    @Test("SQL that tries to write is refused by the database, and nothing changes", arguments: backends)
    func writesRefused(_ backend: StoreBackend) async throws {
        try await ProbeWarehouse.with(backend) { warehouse in
            let orders = warehouse.table("orders")
            let results = await warehouse.run([
                check("vandal", .sql(query: "DELETE FROM \(orders)")),
                check(
                    "sneaky",
                    .anomaly(
                        query: "UPDATE \(orders) SET amount = 0 RETURNING amount",
                        sigma: 3,
                        lookback: 10,
                        warnSigma: nil
                    )
                ),
            ])
            #expect(results.map(\.state) == [.error, .error])
            #expect(results.allSatisfy { $0.message.lowercased().contains("read") }, "\(results.map(\.message))")
            let after = await warehouse.run([
                check("rows", .volume(table: orders, minRows: 6, maxRows: 6, column: nil, window: nil))
            ])
            #expect(after.first?.state == .pass)
        }
    }

    @Test("a query past its timeout errors at the timeout", arguments: backends)
    func timeout(_ backend: StoreBackend) async throws {
        try await ProbeWarehouse.with(backend) { warehouse in
            let slow =
                backend == .postgres
                ? "SELECT pg_sleep(5)"
                : "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000000) SELECT COUNT(*) FROM n"
            let started = ContinuousClock.now
            let results = await warehouse.run([check("slow", .sql(query: slow), timeout: .milliseconds(300))])
            #expect(ContinuousClock.now - started < .seconds(3))
            #expect(results.first?.state == .error)
            #expect(results.first?.message.contains("timeout") == true, "\(results.first?.message ?? "")")
        }
    }

    @Test("an unreachable source errors every check with the reason")
    func unreachable() async throws {
        let missing = DataSource(id: "gone", location: .sqlite(path: "/nonexistent/warehouse.sqlite"))
        let refused = DataSource(
            id: "down",
            location: .postgres(url: "postgres://nobody@127.0.0.1:1/none?sslmode=disable")
        )
        let unset = DataSource(
            id: "secret",
            location: .postgres(url: "postgres://nobody@127.0.0.1:1/none"),
            passwordEnvironment: "NOT_SET_ANYWHERE"
        )
        let probes = DataProbes(sources: [missing, refused, unset], environment: [:], logger: .discarding)
        probes.connect(["gone", "down", "secret"])  // logging in ahead changes none of the reasons
        let kind = CheckKind.volume(table: "t", minRows: 1, maxRows: nil, column: nil, window: nil)
        let results = await probes.run(
            [
                (Check(id: "a", kind: kind, timeout: .seconds(15)), "p", "gone"),
                (Check(id: "b", kind: kind, timeout: .seconds(15)), "p", "down"),
                (Check(id: "c", kind: kind, timeout: .seconds(15)), "p", "secret"),
            ],
            history: [:],
            at: ProbeWarehouse.now
        )
        await probes.shutdown()
        #expect(results.map(\.state) == [.error, .error, .error])
        #expect(results[0].message.contains("/nonexistent/warehouse.sqlite"))
        #expect(results[1].message.contains("'down' cannot be reached"), "\(results[1].message)")
        #expect(results[2].message.contains("NOT_SET_ANYWHERE is not set"))
    }

    @Test("an anomaly check learns, then judges against its own history", arguments: backends)
    func anomaly(_ backend: StoreBackend) async throws {
        try await ProbeWarehouse.with(backend) { warehouse in
            let query = "SELECT COUNT(*) FROM \(warehouse.table("orders"))"
            let anomaly = check("count-anomaly", .anomaly(query: query, sigma: 3, lookback: 10, warnSigma: nil))
            let learning = await warehouse.run([anomaly], history: ["count-anomaly": CheckHistory(values: [6, 6, 6])])
            #expect(learning.first?.state == .pass)
            #expect(learning.first?.message.hasPrefix("learning") == true)
            let steady = CheckHistory(values: [40, 41, 39, 40, 42, 38, 40, 41])
            let judged = await warehouse.run([anomaly], history: ["count-anomaly": steady])
            #expect(judged.first?.state == .fail)
            #expect(judged.first?.value == 6)
        }
    }

    @Test("a unique index answers a duplicates check without grouping the table", arguments: backends)
    func uniqueIndex(_ backend: StoreBackend) async throws {
        try await ProbeWarehouse.with(backend) { warehouse in
            let customers = warehouse.table("customers")
            let results = await warehouse.run([
                check("ids", .duplicates(table: customers, columns: ["customer_id", "email"], maxCount: 0)),
                check("emails", .duplicates(table: customers, columns: ["email"], maxCount: 0)),
            ])
            #expect(results.map(\.state) == [.pass, .fail])
            #expect(results[0].sql.count == 1)
            #expect(results[1].examples == ["email=a@example.com, copies=2"])
            if backend == .postgres {
                // The catalog was read once for the run, not once per key: the index query answered.
                #expect(results[0].sql.first?.hasPrefix("SELECT t.name, i.indexrelid") == true)
                #expect(!results[1].sql.contains { $0.contains("pg_stats") })
            }
        }
    }

    @Test("a key with many values is grouped sorted on PostgreSQL, with the same answer", arguments: backends)
    func manyKeys(_ backend: StoreBackend) async throws {
        try await ProbeWarehouse.with(backend) { warehouse in
            let visits = warehouse.table("visits")
            let results = await warehouse.run([
                check("visit-ids", .duplicates(table: visits, columns: ["visit_id"], maxCount: 0)),
                check("visit-sessions", .duplicates(table: visits, columns: ["session_id", "visit_id"], maxCount: 0)),
                check("visitors", .duplicates(table: visits, columns: ["visitor"], maxCount: 0)),
            ])
            #expect(results.map(\.state) == [.fail, .pass, .fail])
            #expect(results.map(\.value) == [5, 0, 5])
            #expect(results[0].examples.count == 5)
            #expect(results[0].examples.allSatisfy { $0.hasSuffix("copies=2") })
            #expect(results[2].examples.contains("visitor=v4999, copies=2"))
            if backend == .postgres {
                // The ids are nearly all distinct: sorted; text by its bytes.
                #expect(results[0].sql.last?.contains(#"ORDER BY "visit_id") k"#) == true)
                #expect(results[2].sql.last?.contains(#""visitor" COLLATE "C" AS "visitor""#) == true)
            }
        }
    }

    @Test("a key with many values is sorted most distinct column first", arguments: [StoreBackend.postgres])
    func mostDistinctFirst(_ backend: StoreBackend) async throws {
        try await ProbeWarehouse.with(backend) { warehouse in
            let visits = warehouse.table("visits")
            let results = await warehouse.run([
                check("visit-sessions", .duplicates(table: visits, columns: ["session_id", "visit_id"], maxCount: 0))
            ])
            #expect(results.map(\.value) == [0])
            #expect(results[0].sql.last?.contains(#"ORDER BY "visit_id", "session_id") k"#) == true)
        }
    }

    @Test("a key that contains another checked key is answered after it", arguments: backends)
    func containedKeys(_ backend: StoreBackend) async throws {
        try await ProbeWarehouse.with(backend) { warehouse in
            let visits = warehouse.table("visits")
            let ledger = warehouse.table("ledger")
            let results = await warehouse.run([
                check("ids", .duplicates(table: visits, columns: ["visit_id"], maxCount: 0)),
                check("sessions", .duplicates(table: visits, columns: ["session_id", "visit_id"], maxCount: 0)),
                check("visitors", .duplicates(table: visits, columns: ["visit_id", "visitor"], maxCount: 0)),
                check("serials", .duplicates(table: ledger, columns: ["serial"], maxCount: 0)),
                check("serial-accounts", .duplicates(table: ledger, columns: ["serial", "account"], maxCount: 0)),
                check("misspelt", .duplicates(table: ledger, columns: ["serial", "acount"], maxCount: 0)),
            ])
            #expect(results.map(\.state) == [.fail, .pass, .fail, .pass, .pass, .error])
            #expect(results.prefix(5).map(\.value) == [5, 0, 5, 0, 0])
            // A column that does not exist errors, even where the key it contains has no duplicates.
            #expect(results[5].message.contains("acount"), "\(results[5].message)")
            #expect(results[2].examples.count == 5)
            #expect(results[2].examples.allSatisfy { $0.hasSuffix("copies=2") })
            #expect(results[2].examples.contains("visit_id=24999, visitor=v24999, copies=2"))
            if backend == .postgres {
                // No serial occurs twice, so no serial and account do: the answer needs no query of its own.
                #expect(results[4].sql == results[3].sql)
                // Grouped among the five duplicated ids instead of over the 25,000 rows.
                for result in results[1...2] {
                    #expect(result.sql.last?.contains(#"WHERE ("visit_id") IN (SELECT * FROM (VALUES (CAST('"#) == true)
                    #expect(result.sql.last?.contains("CAST('24999' AS bigint)") == true)
                }
            }
        }
    }

    @Test(
        "a column the statistics call unique is counted distinct first, and duplicates still found",
        arguments: backends
    )
    func distinctFirst(_ backend: StoreBackend) async throws {
        try await ProbeWarehouse.with(backend) { warehouse in
            let ledger = warehouse.table("ledger")
            let results = await warehouse.run([
                check("entries", .duplicates(table: ledger, columns: ["entry_id"], maxCount: 0)),
                check("serials", .duplicates(table: ledger, columns: ["serial", "account"], maxCount: 0)),
            ])
            // Entry 7 came twice more after ANALYZE: the statistics still call entry_id unique.
            #expect(results.map(\.state) == [.fail, .pass])
            #expect(results.map(\.value) == [1, 0])
            #expect(results[0].examples == ["entry_id=7, copies=3"])
            if backend == .postgres {
                // Both count entry_id's or serial's distinct values first; only the first then groups.
                #expect(results[0].sql.contains { $0.contains(#"COUNT(DISTINCT "entry_id")"#) })
                #expect(results[0].sql.last?.contains("GROUP BY") == true)
                #expect(results[1].sql.last?.contains(#"COUNT(DISTINCT "serial")"#) == true)
                #expect(!results[1].sql.contains { $0.contains("GROUP BY") })
            }
        }
    }

    @Test("fractional bounds on an integer column leave out the same rows, compared as integers", arguments: backends)
    func fractionalBoundsOnIntegers(_ backend: StoreBackend) async throws {
        try await ProbeWarehouse.with(backend) { warehouse in
            let orders = warehouse.table("orders")
            let visits = warehouse.table("visits")
            // order_id: 1, 2, 3, 3, 4, 5; amount: 10.5, null, 20, 20, -5, 7.
            let folded = await warehouse.run([
                check("ids", .range(table: orders, column: "order_id", min: 1.5, max: 4.5)),
                check("ids-below", .range(table: orders, column: "order_id", min: -0.5, max: 2.999)),
                check("amounts", .range(table: orders, column: "amount", min: 7.5, max: 10.5)),
            ])
            #expect(folded.map(\.value) == [2, 4, 4])
            // Twelve on one integer column, answered by one grouping on PostgreSQL: session_id is n % 7
            // for n from 1 to 25,000.
            let sessions = (1...25_000).map { $0 % 7 }
            let bounds: [(Double?, Double?)] = (0..<12).map { (index: Int) -> (Double?, Double?) in
                let value = Double(index % 7)
                return index.isMultiple(of: 2) ? (value + 0.5, nil) : (nil, value - 0.25)
            }
            let grouped = await warehouse.run(
                bounds.enumerated().map { index, bound in
                    check("s\(index)", .range(table: visits, column: "session_id", min: bound.0, max: bound.1))
                }
            )
            func outside(_ value: Int, _ bound: (Double?, Double?)) -> Bool {
                if let low = bound.0, Double(value) < low { return true }
                if let high = bound.1, Double(value) > high { return true }
                return false
            }
            let expected: [Double] = bounds.map { bound in Double(sessions.filter { outside($0, bound) }.count) }
            #expect(grouped.map(\.value) == expected)
            if backend == .postgres {
                let sql = folded[0].sql.first ?? ""
                #expect(sql.contains(#"("order_id" < 2 OR "order_id" > 4)"#), "\(sql)")
                #expect(sql.contains(#"("order_id" < 0 OR "order_id" > 2)"#), "\(sql)")
                #expect(sql.contains(#"("amount" < 7.5 OR "amount" > 10.5)"#), "\(sql)")
                #expect(grouped[0].sql.first?.contains("width_bucket(\"session_id\", ARRAY[1, 2, 3, 4, 5, 7])") == true)
            }
        }
    }

    @Test("many range checks on one column count as each would alone, bounds inclusive", arguments: backends)
    func manyRanges(_ backend: StoreBackend) async throws {
        try await ProbeWarehouse.with(backend) { warehouse in
            let orders = warehouse.table("orders")
            // Twelve, so that PostgreSQL answers them with one grouping (RangeHistogram.minimumChecks).
            let bounds: [(Double?, Double?)] = [
                (0, nil), (nil, 20), (7, 10.5), (-5, nil), (nil, 10), (-5, 20),
                (0, 20), (nil, 7), (10.5, nil), (-6, 21), (8, nil), (nil, -5),
            ]
            let checks = bounds.enumerated().map { index, bound in
                check("r\(index)", .range(table: orders, column: "amount", min: bound.0, max: bound.1))
            }
            let results = await warehouse.run(checks)
            // amount: 10.5, null, 20, 20, -5, 7
            #expect(results.map(\.value) == [1, 0, 3, 0, 3, 0, 1, 3, 2, 0, 2, 4])
            #expect(
                results.map(\.state) == [
                    .fail, .pass, .fail, .pass, .fail, .pass, .fail, .fail, .fail, .pass, .fail, .fail,
                ]
            )
            if backend == .postgres { #expect(results[0].sql.first?.contains("width_bucket") == true) }
            #expect(results[2].examples.count == 3)
        }
    }
}
