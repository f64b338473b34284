import Foundation
import PipewatchConfig
import PipewatchCore
import PipewatchTestSupport
import Testing

/// The seed example must be the seed's plan: these tests read both and compare.
@Suite("seed example")
struct SeedExampleTests {
    let plan: TeamPlan
    let report: ConfigReport

    init() throws {
        report = ConfigLoader.check(RepositoryFiles.seedConfig, currentDirectory: RepositoryFiles.root)
        plan = try #require(report.plan)
    }

    /// The rows of the seed's ownership table: pipeline, primary owner, secondary owner.
    private func seedOwnershipTable() throws -> [(String, String, String)] {
        let text = try String(contentsOf: RepositoryFiles.seedPlan, encoding: .utf8)
        return text.split(separator: "\n").compactMap { line in
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count == 3, cells[1].hasPrefix("Data Engineer") else { return nil }
            return (cells[0], cells[1], cells[2])
        }
    }

    @Test("validates with no errors and no warnings")
    func validates() {
        #expect(report.diagnostics == [])
    }

    @Test("has the seed's eight pipelines with exactly the seed's primary and secondary owners")
    func ownersMatchSeed() throws {
        let seed = try seedOwnershipTable()
        #expect(seed.count == 8)
        let catalog = plan.catalog
        let ours = catalog.pipelines.map { pipeline in
            (
                pipeline.name,
                catalog.engineer(pipeline.owners.primary)?.name ?? "",
                pipeline.owners.secondary.flatMap { catalog.engineer($0)?.name } ?? ""
            )
        }
        #expect(ours.map { "\($0.0)|\($0.1)|\($0.2)" } == seed.map { "\($0.0)|\($0.1)|\($0.2)" })
    }

    @Test("every pipeline has a metric owner who is a stakeholder, not an engineer")
    func metricOwners() {
        for pipeline in plan.catalog.pipelines {
            let owner = pipeline.metricOwner.flatMap { plan.catalog.stakeholder($0) }
            #expect(owner != nil, "\(pipeline.id) has no metric owner")
        }
    }

    @Test("rotation A→B→C→D weekly, a week's swap notice, daily shifts over the year-end season")
    func oncall() throws {
        let oncall = try #require(plan.oncall)
        #expect(oncall.rotation == ["a", "b", "c", "d"])
        #expect(oncall.shift == .seconds(7 * 86_400))
        #expect(oncall.swapNotice == .seconds(7 * 86_400))
        let season = try #require(oncall.seasons.first)
        #expect(season.shifts == .daily)
        #expect(season.crossesNewYear)
        #expect(season.contains(LocalDate(year: 2026, month: 12, day: 25)!))
        #expect(season.contains(LocalDate(year: 2027, month: 1, day: 2)!))
        #expect(!season.contains(LocalDate(year: 2026, month: 11, day: 30)!))
    }

    @Test("engineers work in at least three countries")
    func regions() {
        #expect(Set(plan.catalog.engineers.map(\.region.country)).count >= 3)
    }

    @Test(
        "the three investor run books have the seed's steps in order",
        arguments: [
            ("investor-profit", "Aggregate Profit Reported to Investors"),
            ("investor-growth", "Aggregate Growth Reported to Investors"),
            ("investor-engagement", "Aggregate Engagement Reported to Investors"),
        ]
    )
    func runbooks(id: String, heading: String) throws {
        let text = try String(contentsOf: RepositoryFiles.seedPlan, encoding: .utf8)
        let section = try #require(text.components(separatedBy: "### \(heading)").dropFirst().first)
        let steps = section.split(separator: "\n")
            .prefix { !$0.hasPrefix("###") && !$0.hasPrefix("## ") }
            .compactMap { line -> String? in
                guard let dot = line.firstIndex(of: "."), Int(line[..<dot]) != nil else { return nil }
                return line[line.index(after: dot)...].trimmingCharacters(in: .whitespaces)
            }
        let pipeline = try #require(plan.catalog.pipeline(PipelineID(id)))
        #expect(pipeline.audience == .investors)
        #expect(pipeline.runbook.steps.map(\.text) == steps)
    }

    @Test("escalation and notification steps are expressed as such")
    func actionableSteps() throws {
        let growth = try #require(plan.catalog.pipeline("investor-growth"))
        #expect(growth.runbook.steps.last?.escalation == .secondaryOwner)
        let profit = try #require(plan.catalog.pipeline("investor-profit"))
        #expect(profit.runbook.steps.last?.notifications == [.stakeholders])
        let engagement = try #require(plan.catalog.pipeline("investor-engagement"))
        #expect(engagement.runbook.steps.last?.notifications == [.team, .stakeholders])
        #expect(engagement.runbook.steps[2].action == "backfill")
    }

    @Test(
        "every engineer and stakeholder is reached at a signed webhook whose address and secret are in the environment"
    )
    func contacts() {
        let people =
            plan.catalog.engineers.map { ($0.id.rawValue, $0.contacts) }
            + plan.catalog.stakeholders.map { ($0.id.rawValue, $0.contacts) }
        #expect(people.count == 9)
        for (id, contacts) in people {
            guard case .webhook(.environment(let url), let secret?) = contacts.first else {
                Issue.record("\(id) has no webhook read from the environment: \(contacts)")
                continue
            }
            #expect(url.hasPrefix("PIPEWATCH_WEBHOOK_URL_"))
            #expect(secret.hasPrefix("PIPEWATCH_WEBHOOK_SECRET_"))
        }
        #expect(
            plan.catalog.engineer("a")?.contacts == [
                .webhook(url: .environment("PIPEWATCH_WEBHOOK_URL_A"), secretEnv: "PIPEWATCH_WEBHOOK_SECRET_A")
            ]
        )
    }

    @Test("the engagement run book's backfill triggers the Airflow DAG run through the REST API")
    func backfillAction() throws {
        let backfill = try #require(plan.action("backfill"))
        #expect(
            backfill.kind
                == .http(
                    method: "POST",
                    url: .environment("AIRFLOW_DAGRUNS_URL"),
                    headers: ["Authorization": "AIRFLOW_AUTH_HEADER"],
                    body: #"{"conf":{"reason":"pipewatch backfill"},"logical_date":null}"#
                )
        )
        #expect(backfill.timeout == .seconds(30))
    }

    @Test("the seed's specific risks are written as checks")
    func risksAsChecks() throws {
        let described = plan.catalog.pipelines.flatMap(\.checks).compactMap(\.description)
        for risk in [
            "Inaccurate revenue data due to upstream errors",
            "Delayed unit-level data impacting real-time experiments",
            "Incorrect growth rate calculations due to incomplete data",
            "Misalignment between daily and aggregate growth numbers",
            "Missing user engagement events from tracking systems",
            "Errors in aggregating engagement metrics over time",
        ] {
            #expect(described.contains(risk), "no check for '\(risk)'")
        }
        let kinds = Set(plan.catalog.pipelines.flatMap(\.checks).map(\.kind.name))
        #expect(kinds.isSuperset(of: ["freshness", "schema", "storage", "completeness", "reconcile", "range"]))
    }
}
