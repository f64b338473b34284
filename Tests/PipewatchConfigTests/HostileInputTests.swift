import Foundation
import PipewatchConfig
import Testing

/// What the config fuzzer (``ConfigFuzzTests``) found: each of these was a hang or an error
/// without a usable position before.
@Suite("hostile input")
struct HostileInputTests {
    @Test("a control character is an error at its own line and column, naming the character")
    func controlCharacter() async throws {
        let yaml = "team: { name: T, timezone: UTC }\nengineers:\n  a: { name: \"A\u{0}B\" }\n"
        try await expectFindings(
            yaml,
            ["pipewatch.yaml:3:16: error: control characters are not allowed, found U+0000"]
        )
    }

    @Test("a syntax error at the end of a file without a final line break points after its last character")
    func errorAtEndOfFile() async throws {
        try await expectFindings(
            "team: { name: T, timezone: UTC }\nengineers: [a",
            ["pipewatch.yaml:2:14: error: did not find expected ',' or ']'"]
        )
    }

    @Test("nesting deeper than the YAML reader allows is reported in the user's words")
    func deepNesting() async throws {
        try await expectFindings(
            "team: " + String(repeating: "[", count: 1_001),
            ["pipewatch.yaml:1:8: error: lists and mappings are nested more than 1000 levels deep"]
        )
    }

    @Test("an alias as a mapping key is an error at the alias, in block and flow style")
    func aliasKey() async throws {
        let head = "team: &t { name: T, timezone: UTC }\n"
        try await expectFindings(
            head + "? *t\n: 1\n",
            [
                "pipewatch.yaml:2:3: error: an alias cannot be a mapping key\n"
                    + "    hint: write the key out; anchors and aliases are for values"
            ]
        )
        try await expectFindings(
            head + "x: { a: 1, *t : 2 }\n",
            [
                "pipewatch.yaml:2:12: error: an alias cannot be a mapping key\n"
                    + "    hint: write the key out; anchors and aliases are for values"
            ]
        )
        // An alias as a value, in quotes or in a comment is no key.
        let values = try await findings(head + "x: *t\ny: [*t, '*t: 1']\n# *t: 1\n")
        #expect(!values.contains { $0.contains("alias") })
    }

    @Test("aliases of aliases in an HTTP body are refused before they are written out")
    func aliasBombInBody() async throws {
        let laughs = (1...9).map { level in
            "        l\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ", ")
                + "]"
        }
        let yaml =
            baseConfig + """
                actions:
                  x:
                    http:
                      method: POST
                      url_env: U
                      body:
                        l0: &l0 lol
                """ + "\n" + laughs.joined(separator: "\n") + "\n"
        try await expectFindings(
            yaml,
            [
                "pipewatch.yaml:19:9: error: actions.x.http.body: holds more than 100000 values once its aliases "
                    + "are written out\n    hint: an alias (*name) repeats its anchor's whole value; write the JSON "
                    + "out, or make it smaller"
            ]
        )
    }

    @Test("a time zone 20,000 characters long is an error at once, not a search for the closest name")
    func longTimeZone() async throws {
        let start = ContinuousClock.now
        let found = try await findings("team: { name: T, timezone: \(String(repeating: "z", count: 20_000)) }\n")
        #expect(ContinuousClock.now - start < .seconds(5))
        #expect(found.contains { $0.hasPrefix("pipewatch.yaml:1:28: error: team.timezone: unknown time zone 'zzz") })
    }
}
