import PipewatchConfig
import Testing

/// Durations, sizes and numbers too large for Pipewatch's arithmetic are located errors; each of
/// these crashed `validate` with SIGILL before.
@Suite("huge numbers in the config")
struct HugeNumberConfigTests {
    @Test("a century-long duration, a size over 1 EB and an infinite bound are errors at their place")
    func located() async throws {
        let yaml =
            baseConfig + """
                    checks:
                      fresh: { freshness: { table: t, column: c, max_age: 9223372036854775807h }, source: w }
                      disk: { storage: { path: /, min_free: 99999999999999999999 GB } }
                      big: { range: { table: t, column: c, min: 1e400 }, source: w }
                sources:
                  w: { url: "sqlite:w.sqlite" }
                oncall:
                  rotation: [a, b]
                  starts: 2026-01-05
                  shift: 99999999999999 weeks
                """
        try await expectFindings(
            yaml,
            [
                "pipewatch.yaml:14:59: error: pipelines.p.checks.fresh.freshness.max_age: '9223372036854775807h' is longer than 100 years\n"
                    + "    hint: durations are at most 100 years",
                "pipewatch.yaml:15:45: error: pipelines.p.checks.disk.storage.min_free: expected a size such as '10 GB', "
                    + "at most 1 EB, found '99999999999999999999 GB'",
                "pipewatch.yaml:16:49: error: pipelines.p.checks.big.range.min: expected a number, found '1e400'",
                "pipewatch.yaml:22:10: error: oncall.shift: '99999999999999 weeks' is longer than 100 years\n"
                    + "    hint: durations are at most 100 years",
            ]
        )
    }
}
