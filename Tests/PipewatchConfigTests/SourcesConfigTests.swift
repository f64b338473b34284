import Foundation
import PipewatchConfig
import PipewatchCore
import PipewatchTestSupport
import Testing

/// Lines 1–4 of each config below: a team without a source and two engineers.
private let header = """
    team: { name: Data, timezone: UTC }
    engineers:
      a: { name: A, region: US, contacts: [{ slack: { url_env: SLACK_A } }] }
      b: { name: B, region: US, contacts: [{ slack: { url_env: SLACK_B } }] }

    """

@Suite("data sources and checks")
struct SourcesConfigTests {
    // MARK: Valid sources

    @Test("a PostgreSQL and an SQLite source are read, SQLite paths relative to the config file's folder")
    func validSources() async throws {
        // Given a config in team/ read from the folder above it
        let yaml = """
            team: { name: Data, timezone: America/New_York, source: warehouse }
            engineers:
              a: { name: A, region: US-NY, contacts: [{ slack: { url_env: SLACK_A } }] }
              b: { name: B, region: US-CA, contacts: [{ slack: { url_env: SLACK_B } }] }
            sources:
              warehouse:
                url: postgres://checker@db.internal:5432/warehouse
                password_env: WAREHOUSE_PASSWORD
                timezone: America/New_York
                max_connections: 8
              demo:
                url: sqlite:data/warehouse.sqlite
                attach:
                  sales: data/sales.sqlite
                  finance: ../shared/finance.sqlite
                demo: true
            pipelines:
              profit:
                name: Profit
                owners: { primary: a, secondary: b }
                checks:
                  orders-fresh: { freshness: { table: sales.orders, column: updated_at, max_age: 6h } }
                  costs-fresh:
                    source: demo
                    cron: "0 6 * * mon-fri"
                    timeout: 2m
                    freshness: { table: finance.costs, column: updated_at, max_age: 1d }
                  orders-after-run:
                    after: run
                    volume: { table: sales.orders, min_rows: 1 }
              growth:
                name: Growth
                owners: { primary: b, secondary: a }
                source: demo
                checks:
                  signups: { every: 1h, anomaly: { query: "SELECT count(*) FROM raw.signups" } }
            """

        // When
        let (found, folder) = try await TemporaryDirectory.with { directory in
            let root = try directory.write("team/pipewatch.yaml", yaml)
            return (ConfigLoader.check(root, currentDirectory: directory.url), directory.url)
        }

        // Then
        #expect(found.diagnostics == [])
        let plan = try #require(found.plan)
        func path(_ relative: String) -> String { folder.appendingPathComponent(relative).standardizedFileURL.path }
        #expect(
            plan.sources == [
                DataSource(
                    id: "warehouse",
                    location: .postgres(url: "postgres://checker@db.internal:5432/warehouse"),
                    passwordEnvironment: "WAREHOUSE_PASSWORD",
                    timeZone: TimeZone(identifier: "America/New_York")!,
                    maxConnections: 8
                ),
                DataSource(
                    id: "demo",
                    location: .sqlite(path: path("team/data/warehouse.sqlite")),
                    attachments: [
                        .init(schema: "sales", path: path("team/data/sales.sqlite")),
                        .init(schema: "finance", path: path("shared/finance.sqlite")),
                    ],
                    isDemo: true
                ),
            ]
        )
        // Each check queries its own source, else its pipeline's, else the team's
        let sources = plan.checks.map {
            "\($0.check.id)=\(plan.source(of: $0.check, in: $0.pipeline)?.id.rawValue ?? "-")"
        }
        #expect(
            sources == ["orders-fresh=warehouse", "costs-fresh=demo", "orders-after-run=warehouse", "signups=demo"]
        )
        #expect(
            plan.checks.map(\.check.schedule.description) == [
                "every 15m", #"cron "0 6 * * mon-fri""#, "after each run", "every 1h",
            ]
        )
        #expect(plan.checks.map(\.check.timeout) == [.seconds(30), .seconds(120), .seconds(30), .seconds(30)])
    }

    // MARK: Sources

    @Test("a password written in a PostgreSQL URL is refused")
    func passwordInURL() async throws {
        let yaml =
            header + """
                sources:
                  warehouse: { url: "postgres://u:secret@db/x" }
                """
        try await expectFindings(
            yaml,
            [
                "pipewatch.yaml:6:21: error: sources.warehouse.url: the URL holds a password, which would write a "
                    + "secret in the config\n"
                    + "    hint: name the environment variable that holds it with 'password_env: NAME'"
            ]
        )
    }

    @Test("a 'password:' key is refused")
    func passwordKey() async throws {
        let yaml =
            header + """
                sources:
                  warehouse:
                    url: postgres://u@db/x
                    password: hunter2
                """
        try await expectFindings(
            yaml,
            [
                "pipewatch.yaml:8:5: error: sources.warehouse: 'password' would write a secret in the config\n"
                    + "    hint: name the environment variable that holds it with 'password_env: NAME'"
            ]
        )
    }

    @Test("a URL of another database is refused, with the two forms accepted")
    func unknownScheme() async throws {
        let yaml =
            header + """
                sources:
                  warehouse: { url: "mysql://u@db/x" }
                """
        try await expectFindings(
            yaml,
            [
                "pipewatch.yaml:6:21: error: sources.warehouse.url: expected a 'postgres://' or 'sqlite:' URL, "
                    + "found 'mysql://u@db/x'\n"
                    + "    hint: for example 'postgres://checker@db:5432/warehouse' or 'sqlite:warehouse.sqlite'"
            ]
        )
    }

    @Test("'attach' on a PostgreSQL source is refused")
    func attachOnPostgres() async throws {
        let yaml =
            header + """
                sources:
                  warehouse:
                    url: postgres://checker@db/x
                    attach: { sales: sales.sqlite }
                """
        try await expectFindings(
            yaml,
            ["pipewatch.yaml:8:5: error: sources.warehouse: 'attach' applies to SQLite sources only"]
        )
    }

    @Test("max_connections must be at least 1")
    func zeroConnections() async throws {
        let yaml =
            header + """
                sources:
                  warehouse: { url: "postgres://checker@db/x", max_connections: 0 }
                """
        try await expectFindings(
            yaml,
            [
                "pipewatch.yaml:6:65: error: sources.warehouse.max_connections: must be between 1 and 64\n"
                    + "    hint: how many checks may query the source at once"
            ]
        )
    }

    // MARK: Which source a check queries

    @Test("a check naming an unknown source is reported there, with the closest source")
    func unknownSource() async throws {
        let yaml =
            header + """
                sources:
                  warehouse: { url: "postgres://checker@db/x" }
                pipelines:
                  p:
                    name: P
                    owners: { primary: a, secondary: b }
                    checks:
                      c: { source: warehose, sql: { query: SELECT 1 } }
                """
        let found = try await findings(yaml)
        #expect(
            found.contains(
                "pipewatch.yaml:12:20: error: pipelines.p.checks.c.source: unknown source 'warehose'\n"
                    + "    hint: did you mean 'warehouse'?"
            )
        )
        // The check does name a source, so "has no data source to query" only repeats the typo misleadingly
        #expect(found.count == 1, "\(found)")
    }

    @Test("a check with no source on it, its pipeline or the team says where to give one")
    func noSource() async throws {
        let declared =
            header + """
                sources:
                  warehouse: { url: "postgres://checker@db/x" }
                pipelines:
                  p:
                    name: P
                    owners: { primary: a, secondary: b }
                    checks:
                      c: { sql: { query: SELECT 1 } }
                """
        try await expectFindings(
            declared,
            [
                "pipewatch.yaml:12:7: error: pipelines.p.checks: check 'c' has no data source to query\n"
                    + "    hint: give 'source: warehouse' on the check, the pipeline or the team"
            ]
        )
        let undeclared =
            header + """
                pipelines:
                  p:
                    name: P
                    owners: { primary: a, secondary: b }
                    checks:
                      c: { sql: { query: SELECT 1 } }
                """
        try await expectFindings(
            undeclared,
            [
                "pipewatch.yaml:10:7: error: pipelines.p.checks: check 'c' has no data source to query\n"
                    + "    hint: declare the database under 'sources:' and name it with 'source:' on the team, "
                    + "the pipeline or the check"
            ]
        )
    }

    @Test("a storage check of a path alone needs no source")
    func pathStorageNeedsNoSource() async throws {
        let yaml =
            header + """
                pipelines:
                  p:
                    name: P
                    owners: { primary: a, secondary: b }
                    checks:
                      disk: { storage: { path: /var/lib/warehouse, min_free: 10 GB } }
                """
        try await expectFindings(yaml, [])
    }

    @Test("a check id used in two pipelines is reported at the second")
    func duplicateCheckID() async throws {
        let yaml =
            header + """
                sources:
                  warehouse: { url: "postgres://checker@db/x" }
                pipelines:
                  p:
                    name: P
                    owners: { primary: a, secondary: b }
                    source: warehouse
                    checks:
                      fresh: { freshness: { table: t, column: c, max_age: 1h } }
                  q:
                    name: Q
                    owners: { primary: b, secondary: a }
                    source: warehouse
                    checks:
                      fresh: { freshness: { table: u, column: c, max_age: 1h } }
                """
        try await expectFindings(
            yaml,
            [
                "pipewatch.yaml:19:7: error: pipelines.q.checks: check id 'fresh' is already used by pipeline 'p'\n"
                    + "    hint: check ids are unique across pipelines; name it after this pipeline"
            ]
        )
    }

    // MARK: Schedules

    /// The header, a source the team uses, and pipeline `p` with `checks` (starting on line 12).
    private func withChecks(_ checks: String) -> String {
        header.replacingOccurrences(of: "timezone: UTC }", with: "timezone: UTC, source: warehouse }") + """
            sources:
              warehouse: { url: "postgres://checker@db/x" }
            pipelines:
              p:
                name: P
                owners: { primary: a, secondary: b }
                checks:

            """ + checks
    }

    @Test("a cron schedule that does not parse says why, with the form expected")
    func badCron() async throws {
        try await expectFindings(
            withChecks(#"      c: { cron: "61 * * * *", sql: { query: SELECT 1 } }"#),
            [
                "pipewatch.yaml:12:18: error: pipelines.p.checks.c.cron: cron schedule '61 * * * *': "
                    + "minute '61' is not in 0–59\n"
                    + "    hint: five fields, minute hour day-of-month month weekday, read in the pipeline's time zone: "
                    + "'0 6 * * *'"
            ]
        )
    }

    @Test("'every' and 'cron' together are refused")
    func everyAndCron() async throws {
        try await expectFindings(
            withChecks(#"      c: { every: 1h, cron: "0 6 * * *", sql: { query: SELECT 1 } }"#),
            [
                "pipewatch.yaml:12:29: error: pipelines.p.checks.c.cron: give one of 'every', 'cron' and 'after', "
                    + "not several\n    hint: a check runs on one schedule"
            ]
        )
    }

    @Test("'after' accepts only 'run'")
    func afterTomorrow() async throws {
        try await expectFindings(
            withChecks("      c: { after: tomorrow, sql: { query: SELECT 1 } }"),
            [
                "pipewatch.yaml:12:19: error: pipelines.p.checks.c.after: expected 'run'\n"
                    + "    hint: 'after: run' runs the check when a run of the pipeline completes"
            ]
        )
    }

    // MARK: Check parameters

    @Test("missing takes max_count or max_percent, not both")
    func missingBothLimits() async throws {
        try await expectFindings(
            withChecks("      c: { missing: { table: t, column: c, max_count: 5, max_percent: 1% } }"),
            [
                "pipewatch.yaml:12:55: error: pipelines.p.checks.c.missing.max_count: give 'max_count' or "
                    + "'max_percent', not both"
            ]
        )
    }

    @Test("accepted_values with an empty list is refused")
    func acceptedValuesEmpty() async throws {
        try await expectFindings(
            withChecks("      c: { accepted_values: { table: t, column: status, values: [] } }"),
            ["pipewatch.yaml:12:65: error: pipelines.p.checks.c.accepted_values.values: lists no value"]
        )
    }

    @Test("duplicates without columns says which columns are meant")
    func duplicatesWithoutColumns() async throws {
        try await expectFindings(
            withChecks("      c: { duplicates: { table: t } }"),
            [
                "pipewatch.yaml:12:24: error: pipelines.p.checks.c.duplicates: missing key 'columns'\n"
                    + "    hint: the columns that together must be unique"
            ]
        )
    }

    // MARK: The seed example

    @Test("the seed's warehouse is a demo SQLite source with five attached files, and every seed check queries it")
    func seedWarehouse() throws {
        // Given
        let report = ConfigLoader.check(RepositoryFiles.seedConfig, currentDirectory: RepositoryFiles.root)
        let plan = try #require(report.plan)
        func path(_ name: String) -> String {
            RepositoryFiles.root.appendingPathComponent("examples/seed/demo-warehouse/\(name).sqlite")
                .standardizedFileURL.path
        }

        // Then
        let warehouse = try #require(plan.sources.first)
        #expect(plan.sources.count == 1)
        #expect(warehouse.id == "warehouse")
        #expect(warehouse.isDemo)
        #expect(warehouse.location == .sqlite(path: path("warehouse")))
        #expect(
            warehouse.attachments
                == ["sales", "finance", "analytics", "raw", "reporting"].map {
                    DataSource.Attachment(schema: $0, path: path($0))
                }
        )
        #expect(plan.catalog.team.source == "warehouse")
        #expect(!plan.checks.isEmpty)
        for (check, pipeline) in plan.checks {
            #expect(plan.source(of: check, in: pipeline)?.id == "warehouse", "\(check.id) of \(pipeline.id)")
        }
    }
}
