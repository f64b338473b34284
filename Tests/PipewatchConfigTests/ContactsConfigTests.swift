import Foundation
import PipewatchConfig
import PipewatchCore
import Testing

@Suite("contacts")
struct ContactsConfigTests {
    @Test("webhook and Slack contacts of the team, engineers and stakeholders are read, secrets by name only")
    func validContacts() async throws {
        // Given
        let yaml = """
            team:
              name: Data
              timezone: Europe/Berlin
              contacts: [{ slack: { url_env: SLACK_DATA_URL } }]
            engineers:
              a: { name: A, region: DE-BE, contacts: [{ webhook: { url_env: HOOK_A, secret_env: SECRET_A } }] }
              b:
                name: B
                region: GB-ENG
                contacts:
                  - slack: { url: https://hooks.slack.com/services/T0/B0/x }
                  - webhook: { url: http://pager.internal:8080/hook, secret_env: SECRET_B }
            stakeholders:
              ir:
                name: Investor Relations
                timezone: America/New_York
                contacts: [{ webhook: { url_env: HOOK_IR, secret_env: SECRET_IR } }]
            pipelines:
              p: { name: P, owners: { primary: a, secondary: b }, deliver_by: "09:00", stakeholders: [ir] }
            """

        // When
        let found = try await report(yaml)

        // Then
        #expect(found.diagnostics == [])
        let catalog = try #require(found.plan?.catalog)
        #expect(catalog.team.contacts == [.slack(url: .environment("SLACK_DATA_URL"))])
        #expect(catalog.engineer("a")?.contacts == [.webhook(url: .environment("HOOK_A"), secretEnv: "SECRET_A")])
        #expect(
            catalog.engineer("b")?.contacts == [
                .slack(url: .literal("https://hooks.slack.com/services/T0/B0/x")),
                .webhook(url: .literal("http://pager.internal:8080/hook"), secretEnv: "SECRET_B"),
            ]
        )
        let stakeholder = try #require(catalog.stakeholder("ir"))
        #expect(stakeholder.contacts == [.webhook(url: .environment("HOOK_IR"), secretEnv: "SECRET_IR")])
        #expect(stakeholder.timeZone?.identifier == "America/New_York")
    }

    @Test("a PagerDuty contact reads its routing key by name, and PagerDuty's own Events API by default")
    func pagerDutyContact() async throws {
        let found = try await report(
            baseConfig.replacingOccurrences(
                of: "contacts: [{ slack: { url_env: SLACK_A } }]",
                with: "contacts: [{ pagerduty: { routing_key_env: PD_A } }, "
                    + "{ pagerduty: { routing_key_env: PD_LAB, url: http://pipewatch-lab:8080 } }]"
            )
        )
        #expect(found.diagnostics == [])
        #expect(
            found.plan?.catalog.engineer("a")?.contacts == [
                .pagerDuty(url: .literal("https://events.pagerduty.com"), routingKeyEnv: "PD_A"),
                .pagerDuty(url: .literal("http://pipewatch-lab:8080"), routingKeyEnv: "PD_LAB"),
            ]
        )
        let written = try await findings(
            baseConfig.replacingOccurrences(
                of: "contacts: [{ slack: { url_env: SLACK_A } }]",
                with: "contacts: [{ pagerduty: { routing_key: R0UTING } }]"
            )
        )
        #expect(written.contains { $0.contains("'routing_key' would write a secret in the config") })
        #expect(written.contains { $0.contains("missing key 'routing_key_env'") })
    }

    @Test("a secret written in the config is an error at its key")
    func secretInConfig() async throws {
        let yaml = """
            team: { name: T, timezone: UTC }
            engineers:
              a:
                name: A
                region: US
                contacts:
                  - webhook: { url_env: HOOK_A, secret: hunter2 }
                  - slack: { url_env: SLACK_A, token: xoxb-1 }
            """
        try await expectFindings(
            yaml,
            [
                "pipewatch.yaml:7:37: error: engineers.a.contacts[0].webhook: 'secret' would write a secret in the config\n"
                    + "    hint: secrets come only from environment variables: use secret_env",
                "pipewatch.yaml:8:36: error: engineers.a.contacts[1].slack: 'token' would write a secret in the config\n"
                    + "    hint: a Slack webhook is not signed: its address is the credential, so give it as 'url_env: NAME'",
            ]
        )
    }

    @Test("a contact gives exactly one of url and url_env, an http(s) URL, a variable name, and one channel")
    func malformedContacts() async throws {
        let yaml = """
            team: { name: T, timezone: UTC }
            engineers:
              a:
                name: A
                region: US
                contacts:
                  - webhook: { url: https://example.com/hook, url_env: HOOK_A, secret_env: SECRET_A }
                  - webhook: { secret_env: SECRET_A }
                  - slack: { url: ftp://example.com/hook }
                  - slack: { url_env: $SLACK_URL }
                  - { webhook: { url_env: HOOK_A }, slack: { url_env: SLACK_A } }
                  - sms: '+15551234567'
                  - {}
            """
        try await expectFindings(
            yaml,
            [
                "pipewatch.yaml:7:18: error: engineers.a.contacts[0].webhook: give 'url' or 'url_env', not both\n"
                    + "    hint: 'url_env' names the environment variable that holds the address; 'url' writes it here",
                "pipewatch.yaml:8:18: error: engineers.a.contacts[1].webhook: missing key 'url_env' or 'url'\n"
                    + "    hint: give 'url_env: NAME', the environment variable that holds the address, or 'url: https://…'",
                "pipewatch.yaml:9:23: error: engineers.a.contacts[2].slack.url: expected an http(s) URL such as "
                    + "'https://hooks.example.com/pipewatch', found 'ftp://example.com/hook'",
                "pipewatch.yaml:10:27: error: engineers.a.contacts[3].slack.url_env: expected an environment variable "
                    + "name such as 'PIPEWATCH_WEBHOOK_SECRET', found '$SLACK_URL'\n"
                    + "    hint: write the variable's name without '$'",
                "pipewatch.yaml:11:9: error: engineers.a.contacts[4]: a contact is one channel: 'webhook', 'slack', 'pagerduty' or 'email'\n"
                    + "    hint: write each channel as its own list item",
                "pipewatch.yaml:12:9: error: engineers.a.contacts[5]: unknown key 'sms'\n"
                    + "    hint: expected one of webhook, slack, pagerduty, email",
                "pipewatch.yaml:13:9: error: engineers.a.contacts[6]: a contact names no channel\n"
                    + "    hint: write it as '{ webhook: { url_env: NAME, secret_env: NAME } }', "
                    + "'{ slack: { url_env: NAME } }', '{ pagerduty: { routing_key_env: NAME } }' or "
                    + "'{ email: { address: a@example.com } }'",
            ]
        )
    }

    @Test("a webhook without secret_env is read, with a warning that receivers cannot verify it")
    func webhookWithoutSecret() async throws {
        let yaml = """
            team: { name: T, timezone: UTC }
            engineers:
              a: { name: A, region: US, contacts: [{ webhook: { url_env: HOOK_A } }] }
            """
        let found = try await report(yaml)
        #expect(found.plan?.catalog.engineer("a")?.contacts == [.webhook(url: .environment("HOOK_A"), secretEnv: nil)])
        #expect(
            found.diagnostics.map(\.description) == [
                "pipewatch.yaml:3:51: warning: engineers.a.contacts[0].webhook: no 'secret_env': receivers cannot "
                    + "verify that requests come from Pipewatch\n"
                    + "    hint: add 'secret_env: NAME', the environment variable that holds the signing secret"
            ]
        )
    }

    @Test("everyone an escalation can page, and every stakeholder told of late deliveries, needs a contact")
    func unreachablePeople() async throws {
        // Given: a is reachable; b is p's secondary owner, c a run book escalation, d on call;
        // q's own policy pages only its primary owner, so e is never paged; only p has a deadline.
        let yaml = """
            team: { name: T, timezone: UTC }
            engineers:
              a: { name: A, region: US, contacts: [{ slack: { url_env: SLACK_A } }] }
              b: { name: B, region: US }
              c: { name: C, region: US }
              d: { name: D, region: US }
              e: { name: E, region: US }
            stakeholders:
              ir: { name: IR }
              fin: { name: Finance }
            pipelines:
              p:
                name: P
                owners: { primary: a, secondary: b }
                deliver_by: "09:00"
                stakeholders: [ir]
                runbook:
                  - { step: Ask C., escalate: c }
              q:
                name: Q
                owners: { primary: a, secondary: e }
                stakeholders: [fin]
                escalation: [{ notify: primary_owner }]
            oncall: { rotation: [a, d], starts: 2026-01-05 }
            """
        let hint = "\n    hint: add 'contacts: [{webhook: {url_env: …, secret_env: …}}]' or a slack webhook"

        // When
        let found = try await report(yaml)

        // Then: warnings only, one per person, at their entry
        #expect(found.plan != nil)
        #expect(
            found.diagnostics.map(\.description) == [
                "pipewatch.yaml:4:6: warning: engineers.b: engineer 'b' can be paged but has no contact method" + hint,
                "pipewatch.yaml:5:6: warning: engineers.c: engineer 'c' can be paged but has no contact method" + hint,
                "pipewatch.yaml:6:6: warning: engineers.d: engineer 'd' can be paged but has no contact method" + hint,
                "pipewatch.yaml:9:7: warning: stakeholders.ir: stakeholder 'ir' is told about late deliveries "
                    + "but has no contact method" + hint,
                "pipewatch.yaml:24:9: warning: oncall: not in the rotation: 'b', 'c', 'e'\n"
                    + "    hint: they are never on call, and never substitute; add them to 'rotation' if that is not meant",
            ]
        )
    }

    @Test("a config that declares no contact at all still hears who cannot be paged")
    func noContactsAnywhere() async throws {
        let silent = baseConfig.replacingOccurrences(of: ", contacts: [{ slack: { url_env: SLACK_A } }]", with: "")
        #expect(
            try await findings(silent) == [
                "pipewatch.yaml:5:6: warning: engineers.a: engineer 'a' can be paged but has no contact method\n"
                    + "    hint: add 'contacts: [{webhook: {url_env: …, secret_env: …}}]' or a slack webhook"
            ]
        )
    }
}

extension ContactsConfigTests {
    @Test(
        "an engineer's notify: and quiet_hours: are read; an unknown channel is an error, one without a contact a warning"
    )
    func preferences() async throws {
        let yaml = baseConfig.replacingOccurrences(
            of: "contacts: [{ slack: { url_env: SLACK_A } }]",
            with: """
                contacts: [{ slack: { url_env: SLACK_A } }],
                     notify: { normal: [slack], high: [slack, pagerduty], critical: [pager] },
                     quiet_hours: { from: "22:00", to: "07:00" }
                """
        )
        let found = try await report(yaml)
        let messages = found.diagnostics.map(\.description)
        #expect(messages.contains { $0.contains("unknown channel 'pager'") })
        #expect(messages.contains { $0.contains("'pagerduty' is not among the contacts") })
        let a = try #require(
            try await report(yaml.replacingOccurrences(of: ", critical: [pager]", with: "")).plan?.catalog.engineer("a")
        )
        #expect(a.preferences.channels == [.normal: [.slack], .high: [.slack, .pagerduty]])
        #expect(a.preferences.quietHours?.start == TimeOfDay(hour: 22, minute: 0))
        #expect(a.preferences.quietHours?.end == TimeOfDay(hour: 7, minute: 0))
        // A stakeholder's are read the same way, in their own zone
        let ir = try #require(
            try await report(
                baseConfig.replacingOccurrences(
                    of: "ir: { name: Investor Relations }",
                    with: "ir: { name: Investor Relations, timezone: America/New_York, "
                        + "quiet_hours: { from: \"20:00\", to: \"08:00\" } }"
                )
            ).plan?.catalog.stakeholder("ir")
        )
        #expect(ir.preferences.quietHours?.start == TimeOfDay(hour: 20, minute: 0))
    }
}

extension ContactsConfigTests {
    @Test("oncall.reminders is read as durations, a day before and at the start by default")
    func reminders() async throws {
        let oncall = "oncall: { rotation: [a, b], starts: 2026-01-05 }\n"
        let plain = try #require(try await report(baseConfig + oncall).plan?.oncall)
        #expect(plain.reminders == [.seconds(86_400), .zero])
        let configured = try #require(
            try await report(baseConfig + "oncall: { rotation: [a, b], starts: 2026-01-05, reminders: [2h] }\n")
                .plan?.oncall
        )
        #expect(configured.reminders == [.seconds(7200)])
    }
}
