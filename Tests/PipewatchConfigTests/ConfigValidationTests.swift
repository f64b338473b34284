import Foundation
import PipewatchConfig
import Testing

@Suite("config validation")
struct ConfigValidationTests {
    @Test("the base fixture is valid")
    func baseIsValid() async throws {
        #expect(try await findings(baseConfig) == [])
    }

    @Test("a YAML syntax error is reported with libyaml's words and position")
    func syntaxError() async throws {
        let yaml = """
            team: { name: T, timezone: UTC }
            engineers: [a, b
            pipelines: {}
            """
        try await expectFindings(yaml, ["pipewatch.yaml:3:10: error: did not find expected ',' or ']'"])
    }

    @Test("an unknown key is reported at the key with a suggestion, alongside the key it replaced")
    func unknownKey() async throws {
        let yaml =
            baseConfig + """
                  q:
                    name: Q
                    onwers: { primary: a, secondary: b }
                """
        try await expectFindings(
            yaml,
            [
                "pipewatch.yaml:14:5: error: pipelines.q: missing key 'owners'\n"
                    + "    hint: give 'owners: { primary: ENGINEER, secondary: ENGINEER }'",
                "pipewatch.yaml:15:5: error: pipelines.q: unknown key 'onwers'\n    hint: did you mean 'owners'?",
            ]
        )
    }

    @Test("an unknown top-level key suggests the section meant")
    func unknownTopLevelKey() async throws {
        let yaml = baseConfig + "stakeholder:\n  x: { name: X }\n"
        try await expectFindings(
            yaml,
            [
                "pipewatch.yaml:13:1: error: unknown key 'stakeholder'\n    hint: did you mean 'stakeholders'?"
            ]
        )
    }

    @Test("a repeated engineer id is reported at the repeat, and the rest of the file is still checked")
    func duplicateID() async throws {
        let yaml = """
            team: { name: T, timezone: UTC }
            engineers:
              a: { name: A, region: US }
              a: { name: A2, region: US }
              b: { name: B, region: usa }
            """
        try await expectFindings(
            yaml,
            [
                "pipewatch.yaml:4:3: error: engineers: duplicate engineer id 'a'\n    hint: first given at pipewatch.yaml:3:3",
                "pipewatch.yaml:5:25: error: engineers.b.region: malformed region 'usa'\n"
                    + "    hint: use an ISO 3166-1 alpha-2 country code, optionally with a subdivision, in upper case: "
                    + "'US', 'US-CA', 'GB-SCT', 'DE-BY'",
            ]
        )
    }

    @Test("an unknown engineer is reported where it is referenced, with the closest id")
    func unknownEngineer() async throws {
        let yaml = baseConfig.replacingOccurrences(of: "primary: a,", with: "primary: aa,")
        try await expectFindings(
            yaml,
            [
                "pipewatch.yaml:12:24: error: pipelines.p.owners.primary: unknown engineer 'aa'\n    hint: did you mean 'a'?"
            ]
        )
    }

    @Test("unknown stakeholders and pipelines are reported where they are referenced")
    func unknownStakeholderAndPipeline() async throws {
        let yaml =
            baseConfig + """
                    metric_owner: finance
                    upstream: [q]
                """
        try await expectFindings(
            yaml,
            [
                "pipewatch.yaml:13:19: error: pipelines.p.metric_owner: unknown stakeholder 'finance'\n"
                    + "    hint: declare it under 'stakeholders:'",
                "pipewatch.yaml:14:16: error: pipelines.p.upstream[0]: unknown pipeline 'q'\n"
                    + "    hint: declare it under 'pipelines:'",
            ]
        )
    }

    @Test("a pipeline whose primary and secondary owner are the same person is an error")
    func sameOwners() async throws {
        let yaml = baseConfig.replacingOccurrences(of: "secondary: b", with: "secondary: a")
        try await expectFindings(
            yaml,
            [
                "pipewatch.yaml:12:38: error: pipelines.p.owners.secondary: primary and secondary owner are both 'a'\n"
                    + "    hint: choose another engineer as secondary owner, so the pipeline has a backup"
            ]
        )
    }

    @Test("a cycle in upstream is reported once, at the entry that closes it")
    func upstreamCycle() async throws {
        let yaml =
            baseConfig + """
                    upstream: [q]
                  q:
                    name: Q
                    owners: { primary: b, secondary: a }
                    upstream: [p]
                """
        try await expectFindings(
            yaml,
            [
                "pipewatch.yaml:17:16: error: pipelines.q.upstream[0]: upstream cycle: p → q → p\n"
                    + "    hint: a pipeline cannot depend on its own output; remove one of these upstream entries"
            ]
        )
    }

    @Test("an unknown time zone suggests the IANA name meant")
    func unknownTimeZone() async throws {
        let yaml = baseConfig.replacingOccurrences(of: "timezone: Europe/Berlin", with: "timezone: Europe/Berln")
        try await expectFindings(
            yaml,
            [
                "pipewatch.yaml:3:13: error: team.timezone: unknown time zone 'Europe/Berln'\n"
                    + "    hint: did you mean 'Europe/Berlin'?"
            ]
        )
    }

    @Test("abbreviations and offsets are not IANA zones", arguments: ["EST", "GMT+1", "CET1"])
    func zoneAbbreviation(zone: String) async throws {
        let yaml = baseConfig.replacingOccurrences(of: "timezone: Europe/Berlin", with: "timezone: \(zone)")
        let found = try await findings(yaml)
        #expect(found.count == 1)
        #expect(
            found.first?.hasPrefix("pipewatch.yaml:3:13: error: team.timezone: unknown time zone '\(zone)'") == true
        )
    }

    @Test(
        "region codes",
        arguments: [
            ("US", true), ("US-CA", true), ("GB-SCT", true), ("USA", false), ("us", false), ("U1", false),
            ("DE-BAYERN", false),
        ]
    )
    func regionCodes(code: String, isValid: Bool) async throws {
        let yaml = baseConfig.replacingOccurrences(of: "region: DE-BE", with: "region: \(code)")
        let found = try await findings(yaml)
        #expect(found.isEmpty == isValid)
        if !isValid {
            #expect(
                found.first?.hasPrefix("pipewatch.yaml:5:25: error: engineers.a.region: malformed region '\(code)'")
                    == true
            )
        }
    }

    @Test("a pipeline reporting to investors needs a run book, a deadline, stakeholders and a secondary owner")
    func investorDuties() async throws {
        let yaml = baseConfig.replacingOccurrences(of: ", secondary: b }", with: " }") + "    audience: investors\n"
        let prefix = "pipewatch.yaml:13:15: error: pipelines.p.audience: a pipeline reporting to investors needs "
        try await expectFindings(
            yaml,
            [
                prefix + "a run book\n    hint: add 'runbook:' with the steps that resolve its issues",
                prefix + "a 'deliver_by' deadline\n    hint: add 'deliver_by: \"09:00\"' (local time, optional zone)",
                prefix + "stakeholders\n    hint: add 'stakeholders:' naming who is told when it is late",
                prefix + "a secondary owner\n    hint: add 'secondary:' under 'owners:'",
            ]
        )
    }

    @Test("an internal pipeline without a secondary owner only warns")
    func missingSecondaryWarns() async throws {
        let yaml = baseConfig.replacingOccurrences(of: ", secondary: b }", with: " }")
        let found = try await report(yaml)
        #expect(found.plan != nil)
        #expect(
            found.diagnostics.map(\.description) == [
                "pipewatch.yaml:11:5: warning: pipelines.p: no secondary owner\n"
                    + "    hint: add 'secondary:' under 'owners:' so someone can stand in for the primary owner"
            ]
        )
    }

    @Test("the rotation may not name an unknown engineer or the same engineer twice")
    func rotationMembers() async throws {
        let yaml =
            baseConfig + """
                oncall:
                  rotation: [a, b, a, c]
                  starts: 2026-01-05
                """
        try await expectFindings(
            yaml,
            [
                "pipewatch.yaml:14:20: error: oncall.rotation[2]: 'a' appears twice in the rotation\n    hint: list each engineer once",
                "pipewatch.yaml:14:23: error: oncall.rotation[3]: unknown engineer 'c'\n    hint: declare it under 'engineers:'",
            ]
        )
    }

    @Test("durations, dates, times and days that do not parse are reported with what was expected")
    func unparsableValues() async throws {
        let yaml =
            baseConfig + """
                    deliver_by: 9am
                oncall:
                  rotation: [a, b]
                  shift: one week
                  handoff: monday 9
                  starts: 2026-13-01
                  swap_notice: 7 fortnights
                  seasons:
                    - { name: Winter, from: 12-32, to: 01-05 }
                """
        try await expectFindings(
            yaml,
            [
                "pipewatch.yaml:13:17: error: pipelines.p.deliver_by: expected a time 'HH:MM' with an optional time zone, "
                    + "found '9am'\n    hint: for example '09:00' or '09:00 America/New_York'",
                "pipewatch.yaml:16:10: error: oncall.shift: expected a duration such as '15m', '6h' or '1 week', found 'one week'",
                "pipewatch.yaml:17:12: error: oncall.handoff: expected 'WEEKDAY HH:MM' such as 'monday 09:00', found 'monday 9'",
                "pipewatch.yaml:18:11: error: oncall.starts: '2026-13-01' is not a day: there is no month 13\n"
                    + "    hint: dates are YYYY-MM-DD",
                "pipewatch.yaml:19:16: error: oncall.swap_notice: expected a duration such as '15m', '6h' or '1 week', "
                    + "found '7 fortnights'",
                "pipewatch.yaml:21:29: error: oncall.seasons[0].from: expected a day of the year MM-DD such as '12-20', "
                    + "found '12-32'",
            ]
        )
    }

    @Test("run book steps may only name the pipeline's own checks and known targets")
    func runbookReferences() async throws {
        let yaml =
            baseConfig + """
                    runbook:
                      - step: Look at the orders.
                        checks: [orders-frsh]
                      - step: Escalate.
                        escalate: secondry
                      - step: Tell them.
                        notify: [ir, investors]
                    checks:
                      orders-fresh: { storage: { path: /, min_free: 1 GB } }
                """
        try await expectFindings(
            yaml,
            [
                "pipewatch.yaml:15:18: error: pipelines.p.runbook[0].checks[0]: unknown check 'orders-frsh'\n"
                    + "    hint: did you mean 'orders-fresh'?",
                "pipewatch.yaml:17:19: error: pipelines.p.runbook[1].escalate: unknown escalation target 'secondry'\n"
                    + "    hint: did you mean 'secondary'?",
                "pipewatch.yaml:19:22: error: pipelines.p.runbook[2].notify[1]: unknown notification target 'investors'\n"
                    + "    hint: use stakeholders, owners, team, oncall or a stakeholder id",
            ]
        )
    }

    @Test("a check names exactly one kind, with its required parameters")
    func checkKinds() async throws {
        let yaml =
            baseConfig + """
                    checks:
                      none: { description: nothing }
                      fresh: { freshness: { table: t, max_age: soon } }
                """
        try await expectFindings(
            yaml,
            [
                "pipewatch.yaml:14:13: error: pipelines.p.checks.none: check 'none' names no kind\n"
                    + "    hint: give exactly one of freshness, volume, schema, completeness, range, missing, duplicates, "
                    + "accepted_values, anomaly, reconcile, sql, storage",
                "pipewatch.yaml:15:27: error: pipelines.p.checks.fresh.freshness: missing key 'column'",
                "pipewatch.yaml:15:48: error: pipelines.p.checks.fresh.freshness.max_age: expected a duration such as "
                    + "'15m', '6h' or '1 week', found 'soon'",
            ]
        )
    }

    @Test("validation reports every problem of a file, in file order")
    func everyProblemAtOnce() async throws {
        let yaml = """
            team: { name: T, timezone: Mars/Olympus }
            engineers:
              a: { name: A, region: XX-YYYY }
            pipelines:
              p: { name: P, owners: { primary: z } }
            """
        let found = try await findings(yaml)
        #expect(found.count == 3)
        #expect(
            found.map { $0.split(separator: ":").prefix(2).joined(separator: ":") } == [
                "pipewatch.yaml:1", "pipewatch.yaml:3", "pipewatch.yaml:5",
            ]
        )
    }

    @Test("repeated keys in flow mappings and list items are found where they stand, and reading goes on")
    func repeatedKeysEverywhere() async throws {
        let yaml = """
            team: { name: T, timezone: UTC, name: U }
            engineers: { a: { name: A, region: US }, a: { name: A2, region: GB } }
            pipelines:
              p:
                name: P
                owners: { primary: a, primary: b }
                runbook:
                  - step: one
                    step: two
                    escalat: oncall
            """
        try await expectFindings(
            yaml,
            [
                "pipewatch.yaml:1:33: error: team: key 'name' is repeated\n    hint: first given at pipewatch.yaml:1:9",
                "pipewatch.yaml:2:17: warning: engineers.a: engineer 'a' can be paged but has no contact method\n"
                    + "    hint: add 'contacts: [{webhook: {url_env: …, secret_env: …}}]' or a slack webhook",
                "pipewatch.yaml:2:42: error: engineers: duplicate engineer id 'a'\n    hint: first given at pipewatch.yaml:2:14",
                "pipewatch.yaml:5:5: warning: pipelines.p: no secondary owner\n"
                    + "    hint: add 'secondary:' under 'owners:' so someone can stand in for the primary owner",
                "pipewatch.yaml:6:27: error: pipelines.p.owners: key 'primary' is repeated\n    hint: first given at pipewatch.yaml:6:15",
                "pipewatch.yaml:9:9: error: pipelines.p.runbook: key 'step' is repeated\n    hint: first given at pipewatch.yaml:8:9",
                "pipewatch.yaml:10:9: error: pipelines.p.runbook[0]: unknown key 'escalat'\n    hint: did you mean 'escalate'?",
            ]
        )
    }

    @Test("a file with Windows line endings and a repeated key is read line by line")
    func windowsLineEndings() async throws {
        let yaml =
            "team: { name: T, timezone: UTC }\r\nengineers:\r\n  a: { name: A, region: US }\r\n  a: { name: B, region: GB }\r\n"
        try await expectFindings(
            yaml,
            [
                "pipewatch.yaml:4:3: error: engineers: duplicate engineer id 'a'\n    hint: first given at pipewatch.yaml:3:3"
            ]
        )
    }

    @Test("a tab in the indentation gets a hint")
    func tabs() async throws {
        try await expectFindings(
            "team:\n\tname: T\n",
            [
                "pipewatch.yaml:2:1: error: found character that cannot start any token\n"
                    + "    hint: YAML does not allow tabs for indentation; indent with spaces"
            ]
        )
    }

    @Test("check parameters that parse but make no sense are errors at the parameter")
    func checkBounds() async throws {
        let yaml =
            baseConfig + """
                    checks:
                      v: { volume: { table: t, min_rows: 10, max_rows: 5 } }
                      r: { range: { table: t, column: c, min: 10, max: 1 } }
                      t: { reconcile: { left: a, right: b, tolerance: 150% } }
                      f: { freshness: { table: t, column: c, max_age: 0m } }
                """
        try await expectFindings(
            yaml,
            [
                "pipewatch.yaml:14:56: error: pipelines.p.checks.v.volume.max_rows: 5 is below min_rows (10)",
                "pipewatch.yaml:15:56: error: pipelines.p.checks.r.range.max: is below min",
                "pipewatch.yaml:16:55: error: pipelines.p.checks.t.reconcile.tolerance: must be between 0% and 100%",
                "pipewatch.yaml:17:55: error: pipelines.p.checks.f.freshness.max_age: must be longer than zero",
            ]
        )
    }
}
