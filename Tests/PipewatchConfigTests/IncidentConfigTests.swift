import Foundation
import PipewatchConfig
import PipewatchCore
import Testing

@Suite("incident settings")
struct IncidentConfigTests {
    @Test("without 'incidents:' every setting has its documented default")
    func defaults() async throws {
        let plan = try #require(try await report(baseConfig).plan)
        #expect(plan.incidents == IncidentSettings())
        #expect(plan.incidents.reopenWithin == .seconds(3600))
        #expect(plan.incidents.deliveryAttempts == 10)
        #expect(plan.incidents.publicURL == nil)
    }

    @Test("'incidents:' sets the engine's settings and 'api.public_url' the address links use")
    func settings() async throws {
        // Given
        let yaml =
            baseConfig + """
                incidents:
                  reopen_within: 2h
                  auto_resolve_after: 15m
                  evaluate_every: 10s
                  delivery_attempts: 5
                  notice_before: 1h30m
                api:
                  public_url: https://pipewatch.example.com/
                """

        // When
        let found = try await report(yaml)

        // Then
        #expect(found.diagnostics == [])
        #expect(
            found.plan?.incidents
                == IncidentSettings(
                    reopenWithin: .seconds(7200),
                    autoResolveAfter: .seconds(900),
                    evaluateEvery: .seconds(10),
                    deliveryAttempts: 5,
                    noticeBefore: .seconds(5400),
                    publicURL: "https://pipewatch.example.com"
                )
        )
    }

    @Test("unknown keys, durations of zero, attempts out of range and a public URL without scheme are errors")
    func malformedSettings() async throws {
        let yaml =
            baseConfig + """
                incidents:
                  reopen_within: 0m
                  auto_resolv_after: 10m
                  delivery_attempts: 0
                  evaluate_every: soon
                api:
                  public_url: pipewatch.example.com
                """
        try await expectFindings(
            yaml,
            [
                "pipewatch.yaml:14:18: error: incidents.reopen_within: must be longer than zero",
                "pipewatch.yaml:15:3: error: incidents: unknown key 'auto_resolv_after'\n"
                    + "    hint: did you mean 'auto_resolve_after'?",
                "pipewatch.yaml:16:22: error: incidents.delivery_attempts: must be between 1 and 100, found 0\n"
                    + "    hint: how often a notification is tried before it moves to the dead letters",
                "pipewatch.yaml:17:19: error: incidents.evaluate_every: expected a duration such as '15m', '6h' or "
                    + "'1 week', found 'soon'",
                "pipewatch.yaml:19:15: error: api.public_url: expected an http(s) URL such as "
                    + "'https://pipewatch.example.com', found 'pipewatch.example.com'",
            ]
        )
    }
}
