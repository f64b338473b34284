import Foundation
import PipewatchTestSupport
import Testing

/// The messages a new user meets in the first week, each as they would read it.
@Suite("first-week messages")
struct FirstWeekMessagesTests {
    let root = RepositoryFiles.root
    let seed = "examples/seed/pipewatch.yaml"

    /// The seed config with `original` replaced, validated; what `validate` printed on stderr.
    private func validate(replacing original: String, with replacement: String) async throws -> String {
        let text = try String(contentsOf: root.appendingPathComponent(seed), encoding: .utf8)
        #expect(text.contains(original))
        var errors = ""
        try await TemporaryDirectory.with { directory in
            try directory.write("pipewatch.yaml", text.replacingOccurrences(of: original, with: replacement))
            let result = await pipewatch("validate", in: directory.url)
            #expect(result.status == 1)
            errors = result.errorOutput
        }
        return errors
    }

    @Test("an unknown subcommand gets 'did you mean', exit 2 and the lower-case 'error:' of every error")
    func unknownSubcommand() async {
        let typo = await pipewatch("oncal", "now", in: root)
        #expect(typo.status == 2)
        #expect(typo.errorOutput.hasPrefix("error: unknown command 'oncal' for 'pipewatch'; did you mean 'oncall'?"))
        let usage = await pipewatch("serve", "--port", "99999", in: root)
        #expect(usage.status == 2)
        #expect(usage.errorOutput.hasPrefix("error: --port must be between 0 and 65535"))
    }

    @Test("region UK-SCT suggests GB-SCT")
    func unitedKingdom() async throws {
        let errors = try await validate(replacing: "region: US-NY", with: "region: UK-SCT")
        #expect(errors.contains("unknown holiday region 'UK-SCT': did you mean 'GB-SCT'?"))
    }

    @Test("a date that does not exist says so")
    func impossibleDate() async throws {
        let errors = try await validate(replacing: "starts: 2026-01-05", with: "starts: 2026-02-30")
        #expect(errors.contains("error: oncall.starts: '2026-02-30' is not a day: February 2026 has 28 days"))
    }

    @Test("a zone abbreviation says why it is refused and which IANA zones to use")
    func zoneAbbreviation() async throws {
        let errors = try await validate(replacing: "timezone: Europe/Berlin", with: "timezone: CET")
        #expect(errors.contains("unknown time zone 'CET'"))
        #expect(errors.contains("'CET' is an abbreviation, not a place"))
        #expect(errors.contains("'Europe/Berlin' or 'Europe/Paris'"))
    }

    @Test("a YAML indentation error gets a hint about indentation")
    func indentation() async throws {
        let errors = try await validate(
            replacing: "\n  b: { name: Data Engineer B",
            with: "\n   b: { name: Data Engineer B"
        )
        #expect(errors.contains("error: did not find expected key"))
        #expect(errors.contains("hint: check the indentation here and on the line above"))
    }

    @Test("an engineer in China: 2027 plans with the statutory days and a warning until the declared days are added")
    func provisionalHolidays() async throws {
        let text = try String(contentsOf: root.appendingPathComponent(seed), encoding: .utf8)
        let chinese = text.replacingOccurrences(
            of: "region: DE-BE, timezone: Europe/Berlin",
            with: "region: CN, timezone: Asia/Shanghai"
        )
        #expect(chinese != text)
        try await TemporaryDirectory.with { directory in
            let database = directory.url.appendingPathComponent("state.sqlite").path
            let arguments = [
                "oncall", "schedule", "--from", "2027-01-01", "--to", "2027-01-31", "--database", database,
            ]
            let environment = ["PIPEWATCH_NOW": "2026-12-03T12:00:00Z", "USER": "lead"]
            // Given the seed with c in China
            try directory.write("pipewatch.yaml", chinese)
            // When planning January 2027
            let planned = await pipewatch(arguments: arguments, in: directory.url, environment: environment)
            // Then it plans, and warns what is missing and how to add it
            #expect(planned.status == 0, "\(planned.errorOutput)")
            #expect(planned.output.contains("2027-01-04"))
            #expect(
                planned.errorOutput.contains(
                    "warning: the holidays of 'CN' in 2027 are provisional (for 'c'): the days off its government "
                        + "declares each year ('Declared days off') are published through 2026 only"
                )
            )
            // And validate warns the same way about the coming year
            let validated = await pipewatch(arguments: ["validate"], in: directory.url, environment: environment)
            #expect(validated.errorOutput.contains("warning: oncall: the holidays of 'CN' in 2027 are provisional"))
            // When the declared days are added as a calendar that declares CN
            let declared =
                chinese + "\ncalendars:\n  cn-2027:\n    declares: CN\n    engineers: [c]\n"
                + "    dates: [{ from: 2027-02-11, to: 2027-02-12, name: Spring Festival days off }]\n"
            try directory.write("pipewatch.yaml", declared)
            let complete = await pipewatch(arguments: arguments, in: directory.url, environment: environment)
            // Then the warning is gone
            #expect(complete.status == 0, "\(complete.errorOutput)")
            #expect(!complete.errorOutput.contains("provisional"))
        }
    }

    @Test("a schedule to 2035-12-31 names why it needs 2036 for the engineer in Asia/Kolkata")
    func yearNeeded() async throws {
        await TemporaryDirectory.with { directory in
            let database = directory.url.appendingPathComponent("state.sqlite").path
            let result = await pipewatch(
                arguments: [
                    "oncall", "schedule", "--from", "2035-12-01", "--to", "2035-12-31", "--config", seed,
                    "--database", database,
                ],
                in: root,
                environment: ["PIPEWATCH_NOW": "2026-12-03T12:00:00Z"]
            )
            #expect(result.status != 0)
            #expect(
                result.errorOutput.contains(
                    "cannot tell the days off of engineer 'd' in 2036, needed because local days cross New Year: "
                        + "the range ends 2036-01-01T10:30:00+05:30 in Asia/Kolkata: no holiday table for "
                        + "'Diwali (Deepavali)' in 'IN-KA' for 2036: the table covers 2001–2035"
                )
            )
        }
    }

    @Test("no pipewatch.yaml here suggests 'pipewatch init' or --config")
    func noConfig() async throws {
        await TemporaryDirectory.with { directory in
            let result = await pipewatch("oncall", "now", in: directory.url)
            #expect(result.status != 0)
            #expect(result.errorOutput.contains("error: no config file 'pipewatch.yaml'"))
            #expect(
                result.errorOutput.contains(
                    "run 'pipewatch init' to write a starter config here, or pass another with --config"
                )
            )
        }
    }

    @Test("a store that cannot be reached exits 3, so scripts tell a breakage from a finding")
    func unreachableStore() async {
        let result = await pipewatch(
            "oncall",
            "now",
            "--config",
            seed,
            "--database",
            "postgres://nobody@127.0.0.1:1/none?sslmode=disable",
            in: root
        )
        #expect(result.status == 3)
        #expect(result.errorOutput.hasPrefix("error: "))
    }

    @Test("timeoff and override take --as; without it or $USER the change is refused, never audited as 'unknown'")
    func author() async throws {
        await TemporaryDirectory.with { directory in
            let database = directory.url.appendingPathComponent("state.sqlite").path
            let common = ["--config", seed, "--database", database]
            let anonymous = await pipewatch(
                arguments: ["timeoff", "add", "b", "2027-08-03", "2027-08-04"] + common,
                in: root,
                environment: ["PIPEWATCH_NOW": "2026-11-27T12:00:00Z"]
            )
            #expect(anonymous.status == 2)
            #expect(anonymous.errorOutput.hasPrefix("error: say who makes this change with --as NAME"))
            let named = await pipewatch(
                arguments: ["timeoff", "add", "b", "2027-08-03", "2027-08-04", "--as", "lead"] + common,
                in: root,
                environment: ["PIPEWATCH_NOW": "2026-11-27T12:00:00Z"]
            )
            #expect(named.status == 0)
            let override = await pipewatch(
                arguments: [
                    "override", "--engineer", "a", "--start", "2027-01-05T09:00", "--end", "2027-01-05T17:00",
                    "--reason", "cover", "--as", "lead",
                ] + common,
                in: root,
                environment: ["PIPEWATCH_NOW": "2026-11-27T12:00:00Z"]
            )
            #expect(override.status == 0, "\(override.errorOutput)")
            let audit = await pipewatch(
                arguments: ["audit", "--format", "json"] + common,
                in: root,
                environment: ["PIPEWATCH_NOW": "2026-11-27T12:00:00Z"]
            )
            #expect(audit.output.contains(#""actor" : "lead""#))
            #expect(!audit.output.contains("unknown"))
        }
    }
}
