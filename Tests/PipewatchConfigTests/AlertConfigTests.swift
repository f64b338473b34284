import Foundation
import PipewatchConfig
import PipewatchCore
import Testing

@Suite("alert intake settings")
struct AlertConfigTests {
    @Test("routing keys map to pipelines by environment variable or hash; the Alertmanager label is set")
    func settings() async throws {
        let hash = String(repeating: "ab", count: 32)
        let found = try await report(
            baseConfig + """
                alerts:
                  pagerduty:
                    - { pipeline: p, routing_key_env: PD_P }
                    - { pipeline: p, routing_key_sha256: \(hash) }
                  alertmanager: { label: service }
                """
        )
        #expect(found.diagnostics == [])
        let alerts = try #require(found.plan?.alerts)
        #expect(
            alerts.pagerDuty == [
                .init(key: .environment("PD_P"), pipeline: "p"), .init(key: .sha256(hash), pipeline: "p"),
            ]
        )
        #expect(alerts.alertmanagerLabel == "service")
    }

    @Test("a key written in the config, both forms, an unknown pipeline and a key given twice are errors")
    func errors() async throws {
        try await expectFindings(
            baseConfig + """
                alerts:
                  pagerduty:
                    - { pipeline: p, routing_key: R0UTINGKEY }
                    - { pipeline: p, routing_key_env: PD_P, routing_key_sha256: abc }
                    - { pipeline: q, routing_key_env: PD_Q }
                    - { pipeline: p, routing_key_env: PD_P }
                    - { pipeline: p, routing_key_env: PD_P }
                """,
            [
                "pipewatch.yaml:15:22: error: alerts.pagerduty[0]: 'routing_key' would write a secret in the config\n"
                    + "    hint: name the environment variable that holds the key with 'routing_key_env: NAME', or give "
                    + "its hash with 'routing_key_sha256' ('pipewatch token new --name pagerduty' prints a key and its hash)",
                "pipewatch.yaml:16:7: error: alerts.pagerduty[1]: give 'routing_key_env' or 'routing_key_sha256', not both\n"
                    + "    hint: name the environment variable that holds the key with 'routing_key_env: NAME', or give "
                    + "its hash with 'routing_key_sha256' ('pipewatch token new --name pagerduty' prints a key and its hash)",
                "pipewatch.yaml:17:19: error: alerts.pagerduty[2].pipeline: unknown pipeline 'q'\n"
                    + "    hint: declare it under 'pipelines:'",
                "pipewatch.yaml:19:7: error: alerts.pagerduty[4]: this routing key is mapped twice\n"
                    + "    hint: a routing key names one pipeline; give each pipeline its own key",
            ]
        )
    }
}
