import Foundation
import PipewatchConfig
import PipewatchCore
import Testing

@Suite("includes")
struct IncludeTests {
    let root = """
        team: { name: Data, timezone: America/New_York }
        include: [people.yaml, pipelines/*.yaml]

        """

    @Test("included files add engineers, stakeholders and pipelines, in include order")
    func mergesSections() async throws {
        let found = try await report(
            root,
            others: [
                "people.yaml":
                    "engineers:\n  a: { name: A, region: US-NY, contacts: [{ slack: { url_env: S_A } }] }\n"
                    + "  b: { name: B, region: US-CA, contacts: [{ slack: { url_env: S_B } }] }\n",
                "pipelines/2-growth.yaml":
                    "pipelines:\n  growth: { name: Growth, owners: { primary: b, secondary: a } }\n",
                "pipelines/1-profit.yaml":
                    "pipelines:\n  profit: { name: Profit, owners: { primary: a, secondary: b } }\n",
                "pipelines/notes.txt": "not yaml: [",
            ]
        )
        let plan = try #require(found.plan)
        #expect(found.diagnostics == [])
        #expect(found.files == ["pipewatch.yaml", "people.yaml", "pipelines/1-profit.yaml", "pipelines/2-growth.yaml"])
        #expect(plan.catalog.engineers.map(\.id) == ["a", "b"])
        #expect(plan.catalog.pipelines.map(\.id) == ["profit", "growth"])
    }

    @Test("an id declared in two files is reported in the second, pointing at the first")
    func duplicateAcrossFiles() async throws {
        let found = try await findings(
            root + "engineers:\n  a: { name: A, region: US-NY }\n",
            others: ["people.yaml": "engineers:\n  a: { name: A again, region: US-NY }\n", "pipelines/x.yaml": "{}\n"]
        )
        #expect(
            found == [
                "people.yaml:2:3: error: engineers: duplicate engineer id 'a'\n    hint: first given at pipewatch.yaml:4:3"
            ]
        )
    }

    @Test("errors in an included file carry that file's name and position")
    func positionsInIncludedFile() async throws {
        let found = try await findings(
            root,
            others: [
                "people.yaml": "engineers:\n  a: { name: A, region: US-NY, timezone: Mars/Base }\n",
                "pipelines/p.yaml": "pipelines:\n  p: { name: P, owners: { primary: a, secondary: a } }\n",
            ]
        )
        #expect(
            found == [
                "people.yaml:2:42: error: engineers.a.timezone: unknown time zone 'Mars/Base'\n"
                    + "    hint: use an IANA time zone name such as 'America/New_York' or 'Europe/Berlin'",
                "pipelines/p.yaml:2:50: error: pipelines.p.owners.secondary: primary and secondary owner are both 'a'\n"
                    + "    hint: choose another engineer as secondary owner, so the pipeline has a backup",
            ]
        )
    }

    @Test("a missing include is an error, a pattern that matches nothing a warning, and include cycles end")
    func missingAndCyclic() async throws {
        let found = try await findings(
            """
            team: { name: Data, timezone: UTC }
            include: [people.yaml, missing.yaml, none/*.yaml]
            """,
            others: ["people.yaml": "include: [pipewatch.yaml]\nengineers:\n  a: { name: A, region: US }\n"]
        )
        #expect(
            found == [
                "pipewatch.yaml:2:24: error: include[1]: included file 'missing.yaml' does not exist\n"
                    + "    hint: paths are relative to the including file",
                "pipewatch.yaml:2:38: warning: include[2]: 'none/*.yaml' matches no file",
            ]
        )
    }

    @Test("team, oncall and escalation may be given in one file only")
    func singleSections() async throws {
        let found = try await findings(
            root + "engineers:\n  a: { name: A, region: US }\n",
            others: ["people.yaml": "team: { name: Other, timezone: UTC }\n", "pipelines/x.yaml": "{}\n"]
        )
        #expect(
            found == [
                "people.yaml:1:1: error: 'team' is already given in another file\n    hint: first given at pipewatch.yaml:1:1; give it once"
            ]
        )
    }
}
