/// The OpenAPI 3.1 description of the HTTP API, served at `/openapi.yaml`.
public enum OpenAPIDocument {
    static let yaml =
        base + "\n" + incidentPaths + "\n" + checkPaths + "\n" + reloadPaths + "\n" + alertPaths
        + "\n" + feedPaths
        + "\n" + reviewPaths

    /// Every path the document describes, as written under `paths:`.
    public static var paths: [String] {
        yaml.split(separator: "\n").compactMap { line in
            line.hasPrefix("  /") && line.hasSuffix(":") && !line.hasPrefix("   ")
                ? String(line.dropFirst(2).dropLast()) : nil
        }
    }

    private static let base = """
        openapi: 3.1.0
        info:
          title: Pipewatch
          version: 1.0.0
          description: >
            Pipeline ownership, on-call, run signals, incidents and notifications. Write endpoints need a bearer token of write
            scope declared (as a SHA-256 hash) under 'api.tokens' in pipewatch.yaml; reads need a token
            when 'api.read_access' is 'token'; /-/reload needs one of admin scope. Errors are JSON objects {"error": "..."} naming the problem.
        servers:
          - url: http://127.0.0.1:8080
        components:
          securitySchemes:
            bearer: { type: http, scheme: bearer }
          schemas:
            Error:
              type: object
              required: [error]
              properties: { error: { type: string } }
            PagerDutyAnswer:
              type: object
              required: [status, message]
              properties:
                status: { type: string, enum: [success, invalid event] }
                message: { type: string }
                dedup_key: { type: string }
                errors: { type: array, items: { type: string } }
            Health:
              type: object
              required: [status, checks]
              properties:
                status: { type: string, enum: [ok, unavailable] }
                checks:
                  type: object
                  required: [database]
                  properties:
                    database:
                      type: object
                      required: [status, latency_ms]
                      properties:
                        status: { type: string, enum: [up, down] }
                        latency_ms: { type: number }
                        error: { type: string }
                        down_since: { type: string, format: date-time }
            Run:
              type: object
              required: [run_id, job, state, started_at, ended_at, duration_s, error_message]
              properties:
                run_id: { type: string }
                job:
                  type: object
                  required: [namespace, name]
                  properties: { namespace: { type: string }, name: { type: string } }
                state: { type: string, enum: [running, completed, failed, aborted, skipped, unknown] }
                started_at: { type: [string, "null"], format: date-time, examples: ["2026-11-27T12:42:56.148+00:00"] }
                ended_at: { type: [string, "null"], format: date-time }
                duration_s: { type: [number, "null"] }
                error_message: { type: [string, "null"] }
            Signal:
              type: object
              required: [kind, pipeline, subject, opened_at, summary, evidence]
              properties:
                kind: { type: string, enum: [processing_failure, slow_run, missed_deadline, late_input, schema_change, check_failed, check_error] }
                pipeline: { type: string }
                subject: { type: string }
                opened_at: { type: string, format: date-time, examples: ["2026-11-27T12:42:56.148+00:00"] }
                summary: { type: string }
                evidence: { type: object, additionalProperties: { type: string } }
            UnmatchedFailure:
              type: object
              required: [kind, job, subject, run_id, opened_at, summary, evidence]
              properties:
                kind: { type: string, enum: [processing_failure] }
                job:
                  type: object
                  required: [namespace, name]
                  properties: { namespace: { type: string }, name: { type: string } }
                subject: { type: string }
                run_id: { type: string }
                opened_at: { type: string, format: date-time, examples: ["2026-12-03T06:33:34.237+00:00"] }
                summary: { type: string }
                evidence: { type: object, additionalProperties: { type: string } }
            Pipeline:
              type: object
              required: [id, name, audience, owners, health, health_detail, open_signals]
              properties:
                id: { type: string }
                name: { type: string }
                audience: { type: string, enum: [internal, experiments, investors] }
                owners:
                  type: object
                  properties: { primary: { type: string }, secondary: { type: [string, "null"] } }
                deliver_by: { type: [string, "null"] }
                health: { type: string, enum: [healthy, degraded, failing, unknown] }
                health_detail: { type: string }
                open_signals: { type: integer }
            CheckResult:
              type: object
              required: [check, pipeline, state, message, sql, duration_ms, started_at, state_since, examples]
              properties:
                check: { type: string }
                pipeline: { type: string }
                state: { type: string, enum: [pass, warn, fail, error] }
                value: { type: [number, "null"] }
                threshold: { type: [string, "null"] }
                message: { type: string }
                examples: { type: array, items: { type: string } }
                sql: { type: string }
                duration_ms: { type: integer }
                started_at: { type: string, format: date-time }
                state_since: { type: string, format: date-time }
          responses:
            CheckResults:
              description: Check results.
              content:
                application/json:
                  schema:
                    type: object
                    required: [results]
                    properties: { results: { type: array, items: { $ref: "#/components/schemas/CheckResult" } } }
            BadRequest:
              description: The body is malformed or a field is missing or invalid; nothing was stored.
              content: { application/json: { schema: { $ref: "#/components/schemas/Error" } } }
            Unauthorized:
              description: Missing or unknown bearer token; nothing was stored.
              content: { application/json: { schema: { $ref: "#/components/schemas/Error" } } }
            NotFound:
              description: No such pipeline, check, incident or notification.
              content: { application/json: { schema: { $ref: "#/components/schemas/Error" } } }
        paths:
          /api/v1/lineage:
            post:
              summary: Receive one OpenLineage RunEvent (spec 2-0-2), optionally gzip-compressed.
              security: [{ bearer: [] }]
              requestBody:
                required: true
                content: { application/json: { schema: { type: object } } }
              responses:
                "201": { description: Stored durably. }
                "200": { description: Already stored; nothing changed. }
                "400": { $ref: "#/components/responses/BadRequest" }
                "401": { $ref: "#/components/responses/Unauthorized" }
                "413": { description: The body is over the size limit. }
          /api/v1/ingest/dbt:
            post:
              summary: Receive one dbt invocation's artifacts.
              security: [{ bearer: [] }]
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      properties:
                        run_results: { type: object }
                        sources: { type: object }
                        manifest: { type: object }
              responses:
                "201": { description: Stored. }
                "400": { $ref: "#/components/responses/BadRequest" }
                "401": { $ref: "#/components/responses/Unauthorized" }
          /api/v1/pipelines:
            get:
              summary: Every pipeline with its health from open signals.
              responses:
                "200":
                  description: The pipelines.
                  content:
                    application/json:
                      schema:
                        type: object
                        properties: { pipelines: { type: array, items: { $ref: "#/components/schemas/Pipeline" } } }
          /api/v1/pipelines/{id}:
            get:
              summary: One pipeline, its open signals and latest runs.
              parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
              responses:
                "200": { description: The pipeline. }
                "404": { $ref: "#/components/responses/NotFound" }
          /api/v1/pipelines/{id}/runs:
            get:
              summary: A pipeline's runs, newest first.
              parameters:
                - { name: id, in: path, required: true, schema: { type: string } }
                - { name: limit, in: query, schema: { type: integer, minimum: 1, maximum: 1000, default: 50 } }
              responses:
                "200":
                  description: The runs.
                  content:
                    application/json:
                      schema:
                        type: object
                        properties: { runs: { type: array, items: { $ref: "#/components/schemas/Run" } } }
                "400": { $ref: "#/components/responses/BadRequest" }
                "404": { $ref: "#/components/responses/NotFound" }
          /api/v1/signals:
            get:
              summary: Open signals, optionally of one pipeline.
              parameters: [{ name: pipeline, in: query, schema: { type: string } }]
              responses:
                "200":
                  description: The signals.
                  content:
                    application/json:
                      schema:
                        type: object
                        required: [signals, unmatched]
                        properties:
                          signals: { type: array, items: { $ref: "#/components/schemas/Signal" } }
                          unmatched:
                            description: Failures of jobs no pipeline claims (their latest run failed); empty for one pipeline.
                            type: array
                            items: { $ref: "#/components/schemas/UnmatchedFailure" }
                "404": { $ref: "#/components/responses/NotFound" }
          /api/v1/oncall/now:
            get:
              summary: Who is on call now, since when, until when, and why.
              responses:
                "200": { description: The current shift or gap. }
          /api/v1/jobs/unmatched:
            get:
              summary: Jobs that report runs no pipeline claims (add them to a pipeline's jobs).
              responses:
                "200":
                  description: The jobs, with how many runs and when last seen.
                  content:
                    application/json:
                      schema:
                        type: object
                        properties:
                          jobs:
                            type: array
                            items:
                              type: object
                              properties:
                                namespace: { type: string }
                                name: { type: string }
                                runs: { type: integer }
                                last_seen: { type: string, format: date-time }
          /healthz:
            get:
              summary: Health, with the database's state under `checks`.
              responses:
                "200": { description: The server and its database answer., content: { application/json: { schema: { $ref: "#/components/schemas/Health" } } } }
                "503": { description: The database cannot be reached., content: { application/json: { schema: { $ref: "#/components/schemas/Health" } } } }
          /readyz:
            get:
              summary: Readiness (Kubernetes); the same answer as /healthz.
              responses:
                "200": { description: Ready., content: { application/json: { schema: { $ref: "#/components/schemas/Health" } } } }
                "503": { description: The database cannot be reached., content: { application/json: { schema: { $ref: "#/components/schemas/Health" } } } }
          /livez:
            get:
              summary: Liveness (Kubernetes); 200 while the process answers, whatever the database does.
              responses: { "200": { description: The process answers. } }
          /metrics:
            get:
              summary: Prometheus metrics in the text format.
              responses: { "200": { description: The metrics. } }
        """
}
