import Foundation
import PipewatchConfig
import PipewatchCore
import Testing

@Suite("actions")
struct ActionsConfigTests {
    @Test("HTTP and command actions are read, with their default timeouts, and run book steps name them")
    func validActions() async throws {
        // Given
        let yaml = """
            team: { name: T, timezone: UTC }
            engineers:
              a: { name: A, region: US, contacts: [{ slack: { url_env: SLACK_A } }] }
              b: { name: B, region: US, contacts: [{ slack: { url_env: SLACK_B } }] }
            pipelines:
              p:
                name: P
                owners: { primary: a, secondary: b }
                runbook:
                  - { step: Backfill., action: backfill }
                  - { step: Rebuild., action: rebuild }
            actions:
              backfill:
                http:
                  method: POST
                  url_env: AIRFLOW_DAGRUNS_URL
                  headers_env: { Authorization: AIRFLOW_AUTH_HEADER }
                  body:
                    logical_date: null
                    conf: { reason: pipewatch backfill, attempt: 1, dry_run: false, ratio: 0.5, day: 2026-01-05 }
                    tags: [a, "null", ~]
              rebuild:
                command: [dbt, build, --select, engagement]
                cwd: dbt
                env: [DBT_PROFILES_DIR]
              ping:
                http: { method: GET, url: https://example.com/health }
                timeout: 5s
              hook: { http: { url_env: HOOK_URL } }
            """

        // When
        let found = try await report(yaml)

        // Then
        #expect(found.diagnostics == [])
        let plan = try #require(found.plan)
        #expect(plan.actions.map(\.id) == ["backfill", "rebuild", "ping", "hook"])
        #expect(
            plan.action("backfill")
                == ActionDefinition(
                    id: "backfill",
                    kind: .http(
                        method: "POST",
                        url: .environment("AIRFLOW_DAGRUNS_URL"),
                        headers: ["Authorization": "AIRFLOW_AUTH_HEADER"],
                        body: #"{"conf":{"attempt":1,"day":"2026-01-05","dry_run":false,"ratio":0.5,"#
                            + #""reason":"pipewatch backfill"},"logical_date":null,"tags":["a","null",null]}"#
                    ),
                    timeout: .seconds(30)
                )
        )
        #expect(
            plan.action("rebuild")
                == ActionDefinition(
                    id: "rebuild",
                    kind: .command(
                        arguments: ["dbt", "build", "--select", "engagement"],
                        workingDirectory: "dbt",
                        environment: ["DBT_PROFILES_DIR"]
                    ),
                    timeout: .seconds(300)
                )
        )
        #expect(
            plan.action("ping")?.kind
                == .http(method: "GET", url: .literal("https://example.com/health"), headers: [:], body: nil)
        )
        #expect(plan.action("ping")?.timeout == .seconds(5))
        #expect(
            plan.action("hook")?.kind == .http(method: "POST", url: .environment("HOOK_URL"), headers: [:], body: nil)
        )
        #expect(plan.catalog.pipeline("p")?.runbook.steps.map(\.action) == ["backfill", "rebuild"])
    }

    @Test("a run book step naming an undeclared action is an error, with the closest id")
    func unknownAction() async throws {
        let yaml =
            baseConfig + """
                    runbook:
                      - { step: Backfill., action: backfil }
                      - { step: Restart., action: restart }
                actions:
                  backfill: { command: [backfill.sh] }
                """
        try await expectFindings(
            yaml,
            [
                "pipewatch.yaml:14:36: error: pipelines.p.runbook[0].action: unknown action 'backfil'\n"
                    + "    hint: did you mean 'backfill'?",
                "pipewatch.yaml:15:35: error: pipelines.p.runbook[1].action: unknown action 'restart'\n"
                    + "    hint: declare it under 'actions:'",
            ]
        )
    }

    @Test("an action is one non-empty command or one request, with a timeout longer than zero")
    func malformedCommands() async throws {
        let yaml = """
            team: { name: T, timezone: UTC }
            engineers:
              a: { name: A, region: US, contacts: [{ slack: { url_env: SLACK_A } }] }
            actions:
              empty: { command: [] }
              shell: { command: "dbt run && dbt test" }
              both: { command: [x], http: { url_env: X } }
              neither: { timeout: 5m }
              web: { cwd: /tmp, timeout: 0s, http: { url_env: HOOK } }
              secrets: { command: [x], env: [$TOKEN] }
            """
        try await expectFindings(
            yaml,
            [
                "pipewatch.yaml:5:21: error: actions.empty.command: the command is empty\n"
                    + "    hint: give the program to run, then its arguments",
                "pipewatch.yaml:6:21: error: actions.shell.command: expected a list of arguments, found a value\n"
                    + "    hint: write the program and its arguments as a list, e.g. '[dbt, run, --select, orders]'; "
                    + "no shell is used",
                "pipewatch.yaml:7:9: error: actions.both: an action is either 'command' or 'http', not both\n"
                    + "    hint: declare a second action for the other",
                "pipewatch.yaml:8:12: error: actions.neither: action 'neither' has neither 'command' nor 'http'\n"
                    + "    hint: give 'command: [program, arguments…]' or 'http: { method: POST, url_env: NAME }'",
                "pipewatch.yaml:9:10: error: actions.web: 'cwd' applies to command actions only\n"
                    + "    hint: an HTTP action takes 'http:' and 'timeout:'",
                "pipewatch.yaml:9:30: error: actions.web.timeout: must be longer than zero",
                "pipewatch.yaml:10:34: error: actions.secrets.env[0]: expected an environment variable name such as "
                    + "'PIPEWATCH_WEBHOOK_SECRET', found '$TOKEN'\n    hint: write the variable's name without '$'",
            ]
        )
    }

    @Test("a request has a known method, header values from the environment only, and a JSON body")
    func malformedRequests() async throws {
        let yaml = """
            team: { name: T, timezone: UTC }
            engineers:
              a: { name: A, region: US, contacts: [{ slack: { url_env: SLACK_A } }] }
            actions:
              web:
                http:
                  method: post
                  url_env: HOOK
                  headers: { Authorization: Bearer abc }
                  headers_env: { Authorization: AUTH, authorization: AUTH2, "Bad Header": X }
                  body: [1, .inf]
              fetch: { http: { method: GET, url: https://example.com, body: { a: 1 } } }
              text: { http: { url_env: X, body: hello } }
            """
        try await expectFindings(
            yaml,
            [
                "pipewatch.yaml:7:15: error: actions.web.http.method: unknown method 'post'\n"
                    + "    hint: did you mean 'POST'? (one of DELETE, GET, PATCH, POST, PUT)",
                "pipewatch.yaml:9:7: error: actions.web.http: header values may not be written in the config\n"
                    + "    hint: they often hold credentials, so they come only from environment variables: "
                    + "use 'headers_env: { Authorization: NAME }'",
                "pipewatch.yaml:10:43: error: actions.web.http.headers_env: header 'authorization' is given twice\n"
                    + "    hint: header names ignore case: 'Authorization' is the same header",
                "pipewatch.yaml:10:65: error: actions.web.http.headers_env: malformed header name 'Bad Header'\n"
                    + "    hint: use a name such as 'Authorization'",
                "pipewatch.yaml:11:17: error: actions.web.http.body[1]: JSON has no infinity or NaN, found '.inf'\n"
                    + "    hint: quote it to send text",
                "pipewatch.yaml:12:65: error: actions.fetch.http.body: a GET request has no body\n"
                    + "    hint: use POST, PUT or PATCH to send one",
                "pipewatch.yaml:13:37: error: actions.text.http.body: expected a mapping or a list (the JSON document), "
                    + "found a value\n    hint: write the JSON in YAML, e.g. 'body: { conf: { reason: backfill } }'",
            ]
        )
    }

    @Test("included files add actions, with ids unique across files")
    func actionsAcrossIncludes() async throws {
        let root = """
            team: { name: T, timezone: UTC }
            include: [actions.yaml]
            engineers:
              a: { name: A, region: US, contacts: [{ slack: { url_env: SLACK_A } }] }
            pipelines:
              p: { name: P, owners: { primary: a }, runbook: [{ step: Rebuild., action: rebuild }] }
            actions:
              backfill: { command: [backfill.sh] }
            """
        let found = try await findings(
            root,
            others: [
                "actions.yaml": "actions:\n  backfill: { command: [other.sh] }\n  rebuild: { command: [dbt, build] }\n"
            ]
        )
        #expect(
            found == [
                "pipewatch.yaml:6:6: warning: pipelines.p: no secondary owner\n"
                    + "    hint: add 'secondary:' under 'owners:' so someone can stand in for the primary owner",
                "actions.yaml:2:3: error: actions: duplicate action id 'backfill'\n"
                    + "    hint: first given at pipewatch.yaml:8:3",
            ]
        )
    }
}
