import Foundation
import Logging
import PipewatchCore
import PipewatchProbes
import PipewatchTestSupport
import PostgresNIO
import SQLiteNIO

/// A small warehouse with known faults, written into a fresh SQLite file (the schema attached
/// as its own file, as a team's would be) or a fresh schema on the test PostgreSQL server.
///
/// `orders` has 6 rows as of ``now``: the newest updated 2 hours ago, one null amount, one
/// negative amount, order 3 twice, and one status outside `new, paid, shipped`. `events` has
/// a row every hour of the last day except the three hours from 05:00 to 08:00. `customers` has a
/// unique customer_id and one email twice. `visits` has 25,000 rows, enough distinct ids for
/// PostgreSQL to group them sorted: ids 4999, 9999, … 24999 (and their `visitor` texts, `v4999` …)
/// occur twice, each time in another of the seven sessions. `ledger` has 25,000 rows with unique
/// entry ids and serials when it is analysed, then two more rows of entry 7 (serials 25001 and
/// 25002) that the planner's statistics do not know of.
struct ProbeWarehouse {
    let backend: StoreBackend
    /// The schema checks write before table names.
    let schema: String
    let source: DataSource
    let environment: [String: String]

    static let now = ISO8601Text.parse("2026-12-03T12:00:00Z")!

    static let statements = [
        "CREATE TABLE {s}.orders (order_id BIGINT, amount NUMERIC, status TEXT, updated_at TIMESTAMP)",
        """
        INSERT INTO {s}.orders VALUES
            (1, 10.5, 'new', '2026-12-02 09:00:00'), (2, NULL, 'paid', '2026-12-02 11:00:00'),
            (3, 20, 'paid', '2026-12-03 08:00:00'), (3, 20, 'paid', '2026-12-03 09:00:00'),
            (4, -5, 'shipped', '2026-12-03 10:00:00'), (5, 7, 'lost', '2026-12-03 10:00:00')
        """,
        "CREATE TABLE {s}.events (event_id TEXT, event_time TIMESTAMP)",
        "CREATE TABLE {s}.customers (customer_id BIGINT UNIQUE, email TEXT)",
        "INSERT INTO {s}.customers VALUES (1, 'a@example.com'), (2, 'b@example.com'), (3, 'a@example.com')",
        "CREATE TABLE {s}.visits (visit_id BIGINT, session_id BIGINT, visitor TEXT)",
        """
        INSERT INTO {s}.visits SELECT id, n % 7, 'v' || CAST(id AS TEXT) FROM \
        (SELECT n, CASE WHEN n % 5000 = 0 THEN n - 1 ELSE n END AS id FROM \
        (WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 25000) SELECT n FROM r) AS numbers) AS ids
        """,
        "ANALYZE {s}.visits",
        "CREATE TABLE {s}.ledger (entry_id BIGINT, serial BIGINT, account TEXT)",
        """
        INSERT INTO {s}.ledger SELECT n, n, 'x' || CAST(n AS TEXT) FROM \
        (WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 25000) SELECT n FROM r) AS numbers
        """,
        "ANALYZE {s}.ledger",
        "INSERT INTO {s}.ledger VALUES (7, 25001, 'late'), (7, 25002, 'later')",
    ]

    /// The hourly events, leaving out 05:00, 06:00 and 07:00 of 2026-12-03.
    static var eventRows: String {
        let hours = (0..<24).map { now.addingTimeInterval(-Double(24 - $0) * 3600) }.filter { hour in
            let text = ISO8601Text.format(hour, in: .gmt)
            return !["T05:", "T06:", "T07:"].contains { text.contains("2026-12-03\($0)") }
        }
        let values = hours.enumerated().map { index, hour in
            let text = ISO8601Text.format(hour.addingTimeInterval(600), in: .gmt).prefix(19).replacingOccurrences(
                of: "T",
                with: " "
            )
            return "('e\(index)', '\(text)')"
        }
        return "INSERT INTO {s}.events VALUES " + values.joined(separator: ", ")
    }

    /// Writes the warehouse and runs `body` with it; the PostgreSQL schema is dropped afterwards.
    static func with(_ backend: StoreBackend, _ body: (ProbeWarehouse) async throws -> Void) async throws {
        let script = statements + [eventRows]
        switch backend {
        case .sqlite:
            try await TemporaryDirectory.with { directory in
                let main = directory.url.appendingPathComponent("warehouse.sqlite").path
                let shop = directory.url.appendingPathComponent("shop.sqlite").path
                let connection = try await SQLiteConnection.open(storage: .file(path: main))
                _ = try await connection.query("ATTACH DATABASE '\(shop)' AS shop", [])
                for statement in script {
                    _ = try await connection.query(statement.replacingOccurrences(of: "{s}", with: "shop"), [])
                }
                try await connection.close()
                let source = DataSource(
                    id: "warehouse",
                    location: .sqlite(path: main),
                    attachments: [DataSource.Attachment(schema: "shop", path: shop)]
                )
                try await body(ProbeWarehouse(backend: backend, schema: "shop", source: source, environment: [:]))
            }
        case .postgres:
            guard let url = StoreBackend.postgresURL, var parts = URLComponents(string: url) else { return }
            let schema = "probe_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(12)
            let password = parts.password ?? ""
            try await withPostgres(url) { client in
                _ = try await client.query(PostgresQuery(unsafeSQL: "CREATE SCHEMA \(schema)"))
                for statement in script {
                    _ = try await client.query(
                        PostgresQuery(unsafeSQL: statement.replacingOccurrences(of: "{s}", with: schema))
                    )
                }
            }
            parts.password = nil
            let source = DataSource(
                id: "warehouse",
                location: .postgres(url: parts.string!),
                passwordEnvironment: "WAREHOUSE_PASSWORD"
            )
            do {
                try await body(
                    ProbeWarehouse(
                        backend: backend,
                        schema: String(schema),
                        source: source,
                        environment: ["WAREHOUSE_PASSWORD": password]
                    )
                )
            } catch {
                try? await withPostgres(url) {
                    _ = try await $0.query(PostgresQuery(unsafeSQL: "DROP SCHEMA \(schema) CASCADE"))
                }
                throw error
            }
            try await withPostgres(url) {
                _ = try await $0.query(PostgresQuery(unsafeSQL: "DROP SCHEMA \(schema) CASCADE"))
            }
        }
    }

    /// Runs SQL on the test server as its owner, outside any probe.
    static func withPostgres(_ url: String, _ body: (PostgresClient) async throws -> Void) async throws {
        let parts = URLComponents(string: url)!
        let client = PostgresClient(
            configuration: PostgresClient.Configuration(
                host: parts.host!,
                port: parts.port ?? 5432,
                username: parts.user!,
                password: parts.password,
                database: String(parts.path.dropFirst()),
                tls: .disable
            ),
            backgroundLogger: .discarding
        )
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            defer { group.cancelAll() }
            try await body(client)
        }
    }

    /// Runs `checks` (all on the pipeline `shop`) against the warehouse.
    func run(
        _ checks: [Check],
        history: [CheckID: CheckHistory] = [:],
        at now: Date = ProbeWarehouse.now,
        connectingFirst: Bool = false
    ) async
        -> [CheckResult]
    {
        let probes = DataProbes(sources: [source], environment: environment, logger: .discarding)
        if connectingFirst { probes.connect([source.id]) }
        let results = await probes.run(checks.map { ($0, "shop", source.id) }, history: history, at: now)
        await probes.shutdown()
        return results
    }

    /// `orders` or `events` as a check names it.
    func table(_ name: String) -> String { "\(schema).\(name)" }
}
