extension OpenAPIDocument {
    /// The incident and notification paths, appended to ``yaml``'s `paths:`.
    static let incidentPaths = """
          /api/v1/incidents:
            get:
              summary: Incidents, newest first (open ones unless 'state' says otherwise).
              parameters:
                - { name: state, in: query, schema: { type: string, enum: [open, triggered, acknowledged, resolved, all], default: open } }
                - { name: pipeline, in: query, schema: { type: string } }
                - { name: limit, in: query, schema: { type: integer, minimum: 1, maximum: 1000, default: 100 } }
              responses:
                "200":
                  description: The incidents.
                  content:
                    application/json:
                      schema:
                        type: object
                        required: [incidents]
                        properties:
                          incidents:
                            type: array
                            items:
                              type: object
                              required: [id, reference, pipeline, key, kind, title, state, severity, count, opened_at, assignee]
                              properties:
                                id: { type: integer }
                                reference: { type: string }
                                pipeline: { type: string }
                                key: { type: string }
                                kind: { type: string }
                                title: { type: string }
                                state: { type: string, enum: [triggered, acknowledged, resolved] }
                                severity: { type: string, enum: [critical, high, normal] }
                                count: { type: integer }
                                opened_at: { type: string, format: date-time }
                                last_seen_at: { type: string, format: date-time }
                                acknowledged_at: { type: [string, "null"], format: date-time }
                                acknowledged_by: { type: [string, "null"] }
                                resolved_at: { type: [string, "null"], format: date-time }
                                resolved_by: { type: [string, "null"] }
                                assignee: { type: [string, "null"] }
                "400": { $ref: "#/components/responses/BadRequest" }
                "404": { $ref: "#/components/responses/NotFound" }
          /api/v1/incidents/{id}:
            get:
              summary: One incident with its evidence, escalation, run book checklist, actions, timeline, notifications and review.
              parameters: [{ name: id, in: path, required: true, schema: { type: string, pattern: "^(INC-)?[1-9][0-9]{0,17}$" } }]
              responses:
                "200": { description: The incident. }
                "400": { $ref: "#/components/responses/BadRequest" }
                "404": { $ref: "#/components/responses/NotFound" }
          /api/v1/incidents/{id}/ack:
            post:
              summary: Acknowledge, as the engineer in "as"; escalation stops.
              security: [{ bearer: [] }]
              parameters: [{ name: id, in: path, required: true, schema: { type: string, pattern: "^(INC-)?[1-9][0-9]{0,17}$" } }]
              requestBody: { content: { application/json: { schema: { type: object, properties: { as: { type: string } } } } } }
              responses:
                "200": { description: The acknowledged incident. }
                "400": { $ref: "#/components/responses/BadRequest" }
                "401": { $ref: "#/components/responses/Unauthorized" }
                "404": { $ref: "#/components/responses/NotFound" }
                "409": { description: Already acknowledged or resolved. }
          /api/v1/incidents/{id}/resolve:
            post:
              summary: Resolve, as the engineer in "as", with an optional reason.
              security: [{ bearer: [] }]
              parameters: [{ name: id, in: path, required: true, schema: { type: string, pattern: "^(INC-)?[1-9][0-9]{0,17}$" } }]
              requestBody:
                content:
                  application/json:
                    schema: { type: object, properties: { as: { type: string }, reason: { type: string } } }
              responses:
                "200": { description: The resolved incident. }
                "400": { $ref: "#/components/responses/BadRequest" }
                "401": { $ref: "#/components/responses/Unauthorized" }
                "404": { $ref: "#/components/responses/NotFound" }
                "409": { description: Already resolved. }
          /api/v1/incidents/{id}/note:
            post:
              summary: Add a note to the timeline.
              security: [{ bearer: [] }]
              parameters: [{ name: id, in: path, required: true, schema: { type: string, pattern: "^(INC-)?[1-9][0-9]{0,17}$" } }]
              requestBody:
                required: true
                content:
                  application/json:
                    schema: { type: object, required: [text], properties: { as: { type: string }, text: { type: string } } }
              responses:
                "200": { description: "The incident, with the note." }
                "400": { $ref: "#/components/responses/BadRequest" }
                "401": { $ref: "#/components/responses/Unauthorized" }
                "404": { $ref: "#/components/responses/NotFound" }
          /api/v1/incidents/{id}/escalate:
            post:
              summary: Page someone now ("to" is oncall, primary, secondary or an engineer id).
              security: [{ bearer: [] }]
              parameters: [{ name: id, in: path, required: true, schema: { type: string, pattern: "^(INC-)?[1-9][0-9]{0,17}$" } }]
              requestBody:
                required: true
                content:
                  application/json:
                    schema: { type: object, required: [to], properties: { as: { type: string }, to: { type: string } } }
              responses:
                "200": { description: "The incident, with the page on its timeline." }
                "400": { $ref: "#/components/responses/BadRequest" }
                "401": { $ref: "#/components/responses/Unauthorized" }
                "404": { $ref: "#/components/responses/NotFound" }
                "409": { description: "Nobody can be paged (no contact method, nobody in that role)." }
          /api/v1/incidents/{id}/steps/{step}:
            post:
              summary: Mark a run book step done or skipped, or carry out its escalate and notify ("run").
              security: [{ bearer: [] }]
              parameters:
                - { name: id, in: path, required: true, schema: { type: string, pattern: "^(INC-)?[1-9][0-9]{0,17}$" } }
                - { name: step, in: path, required: true, schema: { type: integer, minimum: 1 } }
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      required: [state]
                      properties:
                        as: { type: string }
                        state: { type: string, enum: [done, skipped, run] }
                        note: { type: string }
              responses:
                "200": { description: "The incident, with its checklist." }
                "400": { $ref: "#/components/responses/BadRequest" }
                "401": { $ref: "#/components/responses/Unauthorized" }
                "404": { $ref: "#/components/responses/NotFound" }
          /api/v1/incidents/{id}/actions:
            post:
              summary: >
                Run the action of a run book step. A repeat with the same request_key (or Idempotency-Key
                header) returns the first run without running it again.
              security: [{ bearer: [] }]
              parameters:
                - { name: id, in: path, required: true, schema: { type: string, pattern: "^(INC-)?[1-9][0-9]{0,17}$" } }
                - { name: Idempotency-Key, in: header, schema: { type: string } }
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      required: [step]
                      properties: { as: { type: string }, step: { type: integer, minimum: 1 }, request_key: { type: string } }
              responses:
                "200": { description: "The action's run, with its status, output and duration." }
                "400": { $ref: "#/components/responses/BadRequest" }
                "401": { $ref: "#/components/responses/Unauthorized" }
                "404": { $ref: "#/components/responses/NotFound" }
          /api/v1/incidents/{id}/review:
            post:
              summary: Record the post-incident review.
              security: [{ bearer: [] }]
              parameters: [{ name: id, in: path, required: true, schema: { type: string, pattern: "^(INC-)?[1-9][0-9]{0,17}$" } }]
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      required: [summary]
                      properties:
                        as: { type: string }
                        cause:
                          type: string
                          enum: [data_source_unavailable, schema_change, processing_failure, latency, storage,
                            inaccurate_data, incomplete_data, daily_aggregate_mismatch, missing_events,
                            aggregation_error, other]
                        summary: { type: string }
                        lessons: { type: string }
                        action_items:
                          type: array
                          items:
                            type: object
                            required: [text, owner, due]
                            properties: { text: { type: string }, owner: { type: string }, due: { type: string, format: date } }
              responses:
                "200": { description: "The incident, with its review." }
                "400": { $ref: "#/components/responses/BadRequest" }
                "401": { $ref: "#/components/responses/Unauthorized" }
                "404": { $ref: "#/components/responses/NotFound" }
          /api/v1/incidents/{id}/review/items/{item}:
            post:
              summary: Mark an action item of the post-incident review done, or open again.
              security: [{ bearer: [] }]
              parameters:
                - { name: id, in: path, required: true, schema: { type: string, pattern: "^(INC-)?[1-9][0-9]{0,17}$" } }
                - { name: item, in: path, required: true, description: From 1, in the review's order., schema: { type: integer, minimum: 1 } }
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      required: [state]
                      properties: { as: { type: string }, state: { type: string, enum: [done, open] } }
              responses:
                "200": { description: "The incident, with the item's state, who marked it and when." }
                "400": { $ref: "#/components/responses/BadRequest" }
                "401": { $ref: "#/components/responses/Unauthorized" }
                "404": { $ref: "#/components/responses/NotFound" }
          /api/v1/notifications:
            get:
              summary: The outbox, newest first; 'state=dead' lists the dead letters.
              parameters:
                - { name: state, in: query, schema: { type: string, enum: [pending, delivered, dead] } }
                - { name: limit, in: query, schema: { type: integer, minimum: 1, maximum: 1000, default: 100 } }
              responses:
                "200": { description: "The messages, with attempts, next attempt and last error." }
                "400": { $ref: "#/components/responses/BadRequest" }
          /api/v1/notifications/{id}/retry:
            post:
              summary: Queue a dead (or waiting) message again with fresh attempts.
              security: [{ bearer: [] }]
              parameters: [{ name: id, in: path, required: true, schema: { type: string, pattern: "^[1-9][0-9]{0,17}$" } }]
              responses:
                "200": { description: "The message, pending." }
                "401": { $ref: "#/components/responses/Unauthorized" }
                "400": { $ref: "#/components/responses/BadRequest" }
                "404": { $ref: "#/components/responses/NotFound" }
                "409": { description: It was delivered already. }

        """
}
