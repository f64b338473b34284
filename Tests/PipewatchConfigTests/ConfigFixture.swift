import Foundation
import PipewatchConfig
import PipewatchTestSupport
import Testing

/// Reads `yaml` as `pipewatch.yaml` (with `others` beside it) and returns the findings as printed.
func findings(_ yaml: String, others: [String: String] = [:]) async throws -> [String] {
    try await report(yaml, others: others).diagnostics.map(\.description)
}

/// Reads `yaml` as `pipewatch.yaml` (with `others` beside it) in a fresh directory.
func report(_ yaml: String, others: [String: String] = [:]) async throws -> ConfigReport {
    try await TemporaryDirectory.with { directory in
        let root = try directory.write("pipewatch.yaml", yaml)
        for (name, text) in others { try directory.write(name, text) }
        return ConfigLoader.check(root, currentDirectory: directory.url)
    }
}

/// A valid config of two engineers and one pipeline, to which tests append.
let baseConfig = """
    team:
      name: Data
      timezone: Europe/Berlin
    engineers:
      a: { name: A, region: DE-BE, contacts: [{ slack: { url_env: SLACK_A } }] }
      b: { name: B, region: GB-ENG, timezone: Europe/London, contacts: [{ slack: { url_env: SLACK_B } }] }
    stakeholders:
      ir: { name: Investor Relations }
    pipelines:
      p:
        name: P
        owners: { primary: a, secondary: b }

    """

/// Expects exactly `expected` findings, printing both lists when they differ.
func expectFindings(
    _ yaml: String,
    _ expected: [String],
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) async throws {
    let found = try await findings(yaml)
    #expect(found == expected, sourceLocation: sourceLocation)
}
