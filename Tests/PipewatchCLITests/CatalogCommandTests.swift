import ArgumentParser
import Foundation
import PipewatchCLI
import PipewatchTestSupport
import Testing

@Suite("catalog commands")
struct CatalogCommandTests {
    let root = RepositoryFiles.root
    let seed = "examples/seed/pipewatch.yaml"

    private func json(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8))
    }

    @Test("validate exits 0 on the seed and says what it read")
    func validateSeed() async {
        let result = await pipewatch("validate", "--config", seed, in: root)
        #expect(result.status == 0)
        #expect(result.output == "\(seed): valid (8 pipelines, 4 engineers, 1 file; 0 errors, 2 warnings)\n")
        // All four engineers' regions keep Christmas Day: until India's day begins in New York, nobody can be on call.
        #expect(
            result.errorOutput.hasPrefix(
                "\(seed):238:1: warning: oncall: nobody can be on call from 2026-12-25T00:00:00-05:00 "
                    + "to 2026-12-25T09:00:00-05:00: nobody available to cover 'b' (public holiday 'Christmas Day')"
            )
        )
    }

    @Test("validate exits 1 on an invalid config, with findings on stderr and as JSON")
    func validateInvalid() async throws {
        try await TemporaryDirectory.with { directory in
            try directory.write(
                "pipewatch.yaml",
                "team: { name: T, timezone: UTC }\nengineers:\n  a: { name: A, region: USA }\n"
            )
            let text = await pipewatch("validate", in: directory.url)
            #expect(text.status == 1)
            #expect(text.output == "")
            #expect(
                text.errorOutput.hasPrefix("pipewatch.yaml:3:25: error: engineers.a.region: malformed region 'USA'\n")
            )
            #expect(text.errorOutput.hasSuffix("pipewatch.yaml: invalid (1 error, 0 warnings)\n"))

            let asJSON = await pipewatch("validate", "--format", "json", in: directory.url)
            #expect(asJSON.status == 1)
            let findings = try #require(try json(asJSON.output) as? [[String: Any]])
            #expect(findings.count == 1)
            #expect(findings[0]["file"] as? String == "pipewatch.yaml")
            #expect(findings[0]["line"] as? Int == 3)
            #expect(findings[0]["column"] as? Int == 25)
            #expect(findings[0]["severity"] as? String == "error")
            #expect(findings[0]["message"] as? String == "engineers.a.region: malformed region 'USA'")
        }
    }

    @Test("PIPEWATCH_CONFIG names the config when --config is absent")
    func environmentConfig() async {
        let result = await pipewatch("validate", in: root, environment: ["PIPEWATCH_CONFIG": seed])
        #expect(result.status == 0)
    }

    @Test(
        "usage errors exit 2",
        arguments: [
            ["validate", "--no-such-flag"],
            ["owners", "--format", "ics"],
            ["owners", "--engineer", "a", "--load"],
            ["frobnicate"],
        ]
    )
    func usageErrors(arguments: [String]) async {
        let result = await pipewatch(arguments: arguments + ["--config", seed], in: root)
        #expect(result.status == 2)
        #expect(!result.errorOutput.isEmpty)
    }

    @Test("--help teaches and exits 0")
    func help() async {
        let result = await pipewatch("owners", "--help", in: root)
        #expect(result.status == 0)
        #expect(result.output.contains("pipewatch owners --load"))
    }

    @Test("owners --format json gives every pipeline with ids from the config")
    func ownersJSON() async throws {
        let result = await pipewatch("owners", "--config", seed, "--format", "json", in: root)
        #expect(result.status == 0)
        let rows = try #require(try json(result.output) as? [[String: Any]])
        #expect(rows.count == 8)
        #expect(Set(rows[0].keys) == ["pipeline", "name", "primary", "secondary", "metric_owner", "audience"])
        let investorProfit = try #require(rows.first { $0["pipeline"] as? String == "investor-profit" })
        #expect(investorProfit["primary"] as? String == "c")
        #expect(investorProfit["secondary"] as? String == "a")
        #expect(investorProfit["metric_owner"] as? String == "finance-analytics")
        #expect(investorProfit["audience"] as? String == "investors")
    }

    @Test("owners prints the seed's table with engineer names")
    func ownersTable() async {
        let result = await pipewatch("owners", "--config", seed, in: root)
        let lines = result.output.split(separator: "\n")
        #expect(lines.first?.hasPrefix("PIPELINE ") == true)
        #expect(lines.count == 9)
        #expect(lines.contains { $0.hasPrefix("investor-growth") && $0.contains("Data Engineer A  Data Engineer D") })
    }

    @Test("owners --engineer lists what one engineer owns in each role")
    func ownersOfEngineer() async throws {
        let result = await pipewatch("owners", "--config", seed, "--engineer", "a", "--format", "json", in: root)
        let holdings = try #require(try json(result.output) as? [String: Any])
        #expect(holdings["primary"] as? [String] == ["profit", "investor-growth"])
        #expect(holdings["secondary"] as? [String] == ["investor-profit", "growth"])

        let unknown = await pipewatch("owners", "--config", seed, "--engineer", "e", in: root)
        #expect(unknown.status == 2)
        #expect(unknown.errorOutput.contains("unknown engineer 'e'; known: a, b, c, d"))
    }

    @Test("owners --load counts each engineer's ownerships and warns about sole backups")
    func ownersLoad() async throws {
        let result = await pipewatch("owners", "--config", seed, "--load", "--format", "json", in: root)
        let load = try #require(try json(result.output) as? [String: Any])
        let engineers = try #require(load["engineers"] as? [[String: Any]])
        #expect(engineers.map { $0["total"] as? Int } == [4, 4, 4, 4])
        #expect(engineers.first?["investor_facing"] as? [String] == ["investor-profit", "investor-growth"])
        #expect(
            load["warnings"] as? [String] == [
                "'c' is the only backup for all 2 pipelines 'b' leads (unit-profit, daily-growth)"
            ]
        )
    }

    @Test("owners --load warns when one engineer holds more than half of all ownerships")
    func concentratedLoad() async throws {
        try await TemporaryDirectory.with { directory in
            try directory.write(
                "pipewatch.yaml",
                """
                team: { name: T, timezone: UTC }
                engineers:
                  a: { name: A, region: US }
                  b: { name: B, region: US }
                  c: { name: C, region: US }
                pipelines:
                  p: { name: P, owners: { primary: a, secondary: b } }
                  q: { name: Q, owners: { primary: a, secondary: c } }
                  s: { name: S, owners: { primary: a } }
                """
            )
            let result = await pipewatch("owners", "--load", in: directory.url)
            #expect(result.status == 0)
            #expect(result.errorOutput.hasSuffix("warning: 'a' holds 3 of 5 ownerships, more than half\n"))
            #expect(!result.errorOutput.contains("only backup"))
        }
    }

    @Test("runbook show resolves escalation and notification steps to people")
    func runbookShow() async throws {
        let result = await pipewatch(
            "runbook",
            "show",
            "investor-growth",
            "--config",
            seed,
            "--database",
            ":memory:",
            "--format",
            "json",
            in: root
        )
        #expect(result.status == 0)
        let document = try #require(try json(result.output) as? [String: Any])
        let steps = try #require(document["steps"] as? [[String: Any]])
        #expect(steps.map { $0["number"] as? Int } == [1, 2, 3, 4])
        #expect((steps[0]["checks"] as? [[String: Any]])?.first?["id"] as? String == "signups-anomaly")
        let escalate = try #require(steps[3]["escalate"] as? [String: Any])
        #expect(escalate["id"] as? String == "d")
        #expect(escalate["role"] as? String == "the secondary owner")

        let text = await pipewatch(
            "runbook",
            "show",
            "investor-profit",
            "--config",
            seed,
            "--database",
            ":memory:",
            in: root
        )
        #expect(
            text.output.contains(
                "4. Notify stakeholders if metrics cannot be delivered on time.\n   notifies the pipeline's stakeholders: Investor Relations <ir@example.com>, Finance Analytics <finance-analytics@example.com>"
            )
        )
    }

    @Test("runbook show of a pipeline without one is a finding; of an unknown pipeline a usage error")
    func runbookMissing() async {
        let none = await pipewatch("runbook", "show", "profit", "--config", seed, in: root)
        #expect(none.status == 1)
        #expect(none.errorOutput == "pipeline 'profit' has no run book; add 'runbook:' steps to it in the config\n")
        let unknown = await pipewatch("runbook", "show", "investor-proft", "--config", seed, in: root)
        #expect(unknown.status == 2)
        #expect(unknown.errorOutput.contains("unknown pipeline 'investor-proft'; did you mean 'investor-profit'?"))
    }

    @Test("init writes a starter config that validates, and will not overwrite it")
    func initStarter() async throws {
        await TemporaryDirectory.with { directory in
            let first = await pipewatch("init", "team", in: directory.url)
            #expect(first.status == 0)
            #expect(first.output.hasPrefix("wrote team/pipewatch.yaml\n"))
            let validation = await pipewatch("validate", "--config", "team/pipewatch.yaml", in: directory.url)
            #expect(validation.status == 0)
            // The starter declares no API token yet: validate says ingest is refused until one exists.
            #expect(
                validation.errorOutput
                    == "team/pipewatch.yaml:1:1: warning: ingest is disabled: no token with write scope\n"
                    + "    hint: run 'pipewatch token new --name airflow' and add its hash under 'api.tokens' with 'scope: write'\n"
            )
            let again = await pipewatch("init", "team", in: directory.url)
            #expect(again.status == 1)
            #expect(again.errorOutput == "'team/pipewatch.yaml' already exists; pass --force to overwrite it\n")
            #expect(await pipewatch("init", "team", "--force", in: directory.url).status == 0)
        }
    }

    @Test("commands parse as the root command routes them")
    func parsing() throws {
        let command = try PipewatchCommand.parseAsRoot(["owners", "--engineer", "a", "--format", "json"])
        #expect(String(describing: type(of: command)) == "OwnersCommand")
        #expect(throws: (any Error).self) { try PipewatchCommand.parseAsRoot(["owners", "--format", "yaml"]) }
    }
}
