import Foundation
import PipewatchConfig
import PipewatchCore
import Testing

@Suite("escalation and pipeline incident settings")
struct EscalationConfigTests {
    @Test("escalation as '{ levels, repeat }', for the team and as a pipeline's own, with severity and deadline notice")
    func mappingForm() async throws {
        // Given
        let yaml =
            baseConfig + """
                    deliver_by: "09:00"
                    severity: critical
                    auto_resolve: false
                    notice_before: 2h
                    escalation:
                      levels:
                        - { notify: primary_owner, ack_within: 10m }
                        - { notify: b, ack_within: 10m }
                      repeat: 2
                escalation:
                  levels:
                    - { notify: oncall, ack_within: 15m }
                    - { notify: secondary_owner, ack_within: 30m }
                  repeat: 1
                """

        // When
        let found = try await report(yaml)

        // Then
        #expect(found.diagnostics == [])
        let plan = try #require(found.plan)
        let pipeline = try #require(plan.catalog.pipeline("p"))
        #expect(pipeline.severity == .critical)
        #expect(pipeline.autoResolve == false)
        #expect(pipeline.noticeBefore == .seconds(7200))
        let own = EscalationPolicy(
            levels: [
                EscalationLevel(target: .primaryOwner, acknowledgeWithin: .seconds(600)),
                EscalationLevel(target: .engineer("b"), acknowledgeWithin: .seconds(600)),
            ],
            repeatCount: 2
        )
        #expect(pipeline.escalation == own)
        #expect(plan.escalation(for: pipeline) == own)
        #expect(plan.escalation.repeatCount == 1)
        #expect(plan.escalation.levels.map(\.target) == [.oncall, .secondaryOwner])
    }

    @Test("without the new keys a pipeline follows its audience, resolves itself and uses the team's policy")
    func pipelineDefaults() async throws {
        let plan = try #require(try await report(baseConfig).plan)
        let pipeline = try #require(plan.catalog.pipeline("p"))
        #expect(pipeline.severityOverride == nil)
        #expect(pipeline.severity == .normal)
        #expect(pipeline.autoResolve)
        #expect(pipeline.escalation == nil)
        #expect(pipeline.noticeBefore == nil)
        #expect(plan.escalation(for: pipeline) == .standard)
        #expect(plan.escalation.repeatCount == 0)
    }

    @Test("'repeat' is a whole number of 0 or more")
    func badRepeat() async throws {
        let yaml =
            baseConfig + """
                    escalation: { levels: [{ notify: oncall }], repeat: twice }
                escalation:
                  levels:
                    - { notify: oncall, ack_within: 15m }
                    - { notify: primary_owner }
                  repeat: -1
                """
        try await expectFindings(
            yaml,
            [
                "pipewatch.yaml:13:57: error: pipelines.p.escalation.repeat: expected a whole number, found 'twice'",
                "pipewatch.yaml:18:11: error: escalation.repeat: must be 0 or more, found -1\n"
                    + "    hint: the number of times the levels run again after the last one; 0 runs them once",
            ]
        )
    }

    @Test("a repeating policy needs 'ack_within' on its last level too")
    func repeatNeedsLastAck() async throws {
        let yaml =
            baseConfig
            + "escalation: { levels: [{ notify: oncall, ack_within: 15m }, { notify: primary_owner }], repeat: 1 }\n"
        try await expectFindings(
            yaml,
            [
                "pipewatch.yaml:13:61: error: escalation.levels[1]: missing key 'ack_within'\n"
                    + "    hint: with 'repeat', the last level needs the time it has before the first level is paged again"
            ]
        )
    }

    @Test("severity is one of the three, auto_resolve a Boolean, and notice_before needs a deadline")
    func badPipelineSettings() async throws {
        let yaml =
            baseConfig + """
                    severity: critcal
                    auto_resolve: maybe
                    notice_before: 2h
                """
        try await expectFindings(
            yaml,
            [
                "pipewatch.yaml:13:15: error: pipelines.p.severity: unknown severity 'critcal'\n"
                    + "    hint: did you mean 'critical'? (one of critical, high, normal)",
                "pipewatch.yaml:14:19: error: pipelines.p.auto_resolve: expected true or false, found 'maybe'",
                "pipewatch.yaml:15:20: warning: pipelines.p.notice_before: 'notice_before' has no effect without "
                    + "'deliver_by'\n"
                    + "    hint: it is how long before the deadline stakeholders hear that delivery is at risk",
            ]
        )
    }
}
