import Foundation
import PipewatchConfig
import PipewatchCore
import Testing

@Suite("smtp and email contacts")
struct SMTPConfigTests {
    static let smtp = """
        smtp:
          host: smtp.example.com
          username_env: SMTP_USER
          password_env: SMTP_PASSWORD
          from: pipewatch@example.com

        """

    @Test("smtp: is read with its defaults, and email contacts take an address or the person's own email")
    func validSMTP() async throws {
        // Given
        let yaml =
            baseConfig
            .replacingOccurrences(
                of: "a: { name: A, region: DE-BE, contacts: [{ slack: { url_env: SLACK_A } }] }",
                with: "a: { name: A, email: a@example.com, region: DE-BE, contacts: [{ email: {} }] }"
            )
            .replacingOccurrences(
                of: "contacts: [{ slack: { url_env: SLACK_B } }]",
                with: "contacts: [{ email: { address: b.pager@example.org } }, { email: b@example.org }]"
            )
            .replacingOccurrences(
                of: "ir: { name: Investor Relations }",
                with: "ir: { name: Investor Relations, email: ir@example.com, contacts: [{ email: }] }"
            ) + Self.smtp

        // When
        let found = try await report(yaml)

        // Then
        #expect(found.diagnostics.map(\.description) == [])
        let plan = try #require(found.plan)
        #expect(
            plan.smtp
                == SMTPSettings(
                    host: "smtp.example.com",
                    port: 587,
                    startTLS: .required,
                    usernameEnv: "SMTP_USER",
                    passwordEnv: "SMTP_PASSWORD",
                    from: "pipewatch@example.com",
                    timeout: .seconds(30)
                )
        )
        #expect(plan.catalog.engineer("a")?.contacts == [.email(address: "a@example.com")])
        #expect(plan.catalog.stakeholder("ir")?.contacts == [.email(address: "ir@example.com")])
        #expect(
            plan.catalog.engineer("b")?.contacts == [
                .email(address: "b.pager@example.org"), .email(address: "b@example.org"),
            ]
        )
    }

    @Test("a local relay: starttls none, another port and timeout, no login")
    func localRelay() async throws {
        let found = try await report(
            baseConfig + "smtp: { host: localhost, port: 2525, starttls: none, from: pw@example.com, timeout: 5s }\n"
        )
        #expect(found.diagnostics.map(\.description) == [])
        #expect(
            found.plan?.smtp
                == SMTPSettings(
                    host: "localhost",
                    port: 2525,
                    startTLS: .none,
                    from: "pw@example.com",
                    timeout: .seconds(5)
                )
        )
    }

    @Test("an email contact without smtp:, a malformed address and a missing address are errors at the contact")
    func emailContactErrors() async throws {
        let yaml = baseConfig.replacingOccurrences(
            of: "contacts: [{ slack: { url_env: SLACK_B } }]",
            with: "contacts: [{ email: { address: b@example.org } }, { email: not-an-address }, { email: {} }]"
        )
        try await expectFindings(
            yaml,
            [
                "pipewatch.yaml:6:6: warning: engineers.b: engineer 'b' can be paged but has no contact method\n"
                    + "    hint: add 'contacts: [{webhook: {url_env: …, secret_env: …}}]' or a slack webhook",
                "pipewatch.yaml:6:89: error: engineers.b.contacts[0].email.address: an email contact needs the "
                    + "'smtp:' section\n    hint: add 'smtp: { host: smtp.example.com, from: pipewatch@example.com }' "
                    + "at the top level",
                "pipewatch.yaml:6:117: error: engineers.b.contacts[1].email: expected an email address such as "
                    + "'a@example.com', found 'not-an-address'",
                "pipewatch.yaml:6:144: error: engineers.b.contacts[2].email: an email contact names no address\n"
                    + "    hint: give '{ email: { address: a@example.com } }', or the person's own 'email:'",
            ]
        )
    }

    @Test(
        "malformed addresses are rejected",
        arguments: [
            "a", "a@b", "A <a@example.com>", "a@@example.com", "a b@example.com", "a@example..com", ".a@example.com",
        ]
    )
    func malformedAddress(_ address: String) {
        #expect(!EmailAddress.isValid(address))
    }

    @Test("well-formed addresses are accepted", arguments: ["a@example.com", "first.last+tag@mail.example.co.uk"])
    func wellFormedAddress(_ address: String) {
        #expect(EmailAddress.isValid(address))
    }

    @Test("a password in smtp: is an error with a hint, and email contacts need smtp.from")
    func smtpErrors() async throws {
        let yaml =
            baseConfig.replacingOccurrences(
                of: "contacts: [{ slack: { url_env: SLACK_B } }]",
                with: "contacts: [{ email: b@example.org }]"
            ) + "smtp: { host: smtp.example.com, username_env: SMTP_USER, password: hunter2, starttls: maybe }\n"
        let found = try await findings(yaml)
        #expect(
            found.contains(
                "pipewatch.yaml:13:58: error: smtp: 'password' would write a secret in the config\n"
                    + "    hint: the password is a secret: name the environment variable that holds it with 'password_env'"
            ),
            "\(found)"
        )
        #expect(found.contains { $0.contains("'username_env' is given without 'password_env'") }, "\(found)")
        #expect(found.contains { $0.contains("starttls") && $0.contains("'maybe'") }, "\(found)")
        let noFrom = try await findings(
            baseConfig.replacingOccurrences(
                of: "contacts: [{ slack: { url_env: SLACK_B } }]",
                with: "contacts: [{ email: b@example.org }]"
            ) + "smtp: { host: smtp.example.com }\n"
        )
        #expect(
            noFrom == [
                "pipewatch.yaml:13:7: error: smtp: missing key 'from'\n"
                    + "    hint: email contacts need a sender: add 'from: pipewatch@example.com'"
            ]
        )
    }
}
