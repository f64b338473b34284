extension OpenAPIDocument {
    /// The alert intake paths (PagerDuty Events v2, Alertmanager) and pipeline changes,
    /// appended to ``yaml``'s `paths:`.
    static let alertPaths = """
          /v2/enqueue:
            post:
              summary: A PagerDuty Events API v2 event (trigger, acknowledge, resolve), answered as PagerDuty does.
              description: >
                The routing key in the body is the credential: 'alerts.pagerduty' in pipewatch.yaml maps each key to a
                pipeline. A trigger opens or repeats the incident of its dedup_key (one is made up and returned when none
                is sent); acknowledge and resolve act on it, and are answered and dropped when no incident is open.
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      required: [routing_key, event_action]
                      properties:
                        routing_key: { type: string }
                        event_action: { type: string, enum: [trigger, acknowledge, resolve] }
                        dedup_key: { type: string }
                        payload: { type: object }
              responses:
                "202":
                  description: Processed.
                  content: { application/json: { schema: { $ref: "#/components/schemas/PagerDutyAnswer" } } }
                "400":
                  description: Not a valid event, or an unknown routing key; each problem is listed.
                  content: { application/json: { schema: { $ref: "#/components/schemas/PagerDutyAnswer" } } }
                "413": { description: The body is over the size limit. }
                "415": { description: The body is not JSON. }
          /v2/change/enqueue:
            post:
              summary: A PagerDuty change event, kept on its pipeline's timeline (GET /api/v1/pipelines/{id}/changes).
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      required: [routing_key, payload]
                      properties:
                        routing_key: { type: string }
                        payload: { type: object }
              responses:
                "202":
                  description: Recorded.
                  content: { application/json: { schema: { $ref: "#/components/schemas/PagerDutyAnswer" } } }
                "400":
                  description: Not a valid change event, or an unknown routing key.
                  content: { application/json: { schema: { $ref: "#/components/schemas/PagerDutyAnswer" } } }
                "413": { description: The body is over the size limit. }
                "415": { description: The body is not JSON. }
          /api/v1/alertmanager:
            post:
              summary: An Alertmanager webhook notification (payload version 4).
              description: >
                Each alert opens or repeats the incident of its fingerprint on the pipeline its label names
                ('alerts.alertmanager.label', default 'pipeline'); a resolved alert resolves it. Alerts naming no
                known pipeline are listed as ignored. Only a store failure answers 5xx, which Alertmanager retries.
              security: [{ bearer: [] }]
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      required: [groupKey, alerts]
                      properties:
                        version: { type: string, enum: ["4"] }
                        groupKey: { type: string }
                        alerts: { type: array, items: { type: object } }
              responses:
                "200":
                  description: What happened to each alert.
                  content:
                    application/json:
                      schema:
                        type: object
                        required: [status, triggered, resolved, ignored]
                        properties:
                          status: { type: string }
                          triggered: { type: integer }
                          resolved: { type: integer }
                          ignored:
                            type: array
                            items:
                              type: object
                              required: [fingerprint, reason]
                              properties: { fingerprint: { type: string }, reason: { type: string } }
                "400": { $ref: "#/components/responses/BadRequest" }
                "401": { $ref: "#/components/responses/Unauthorized" }
                "413": { description: The body is over the size limit. }
                "415": { description: The body is not JSON. }
          /api/v1/pipelines/{id}/changes:
            get:
              summary: Changes other tools reported on a pipeline (PagerDuty change events), newest first.
              parameters:
                - { name: id, in: path, required: true, schema: { type: string } }
                - { name: limit, in: query, schema: { type: integer, minimum: 1, maximum: 1000, default: 50 } }
              responses:
                "200":
                  description: The changes.
                  content:
                    application/json:
                      schema:
                        type: object
                        required: [pipeline, changes]
                        properties:
                          pipeline: { type: string }
                          changes:
                            type: array
                            items:
                              type: object
                              required: [id, at, summary, details, links]
                              properties:
                                id: { type: integer }
                                at: { type: string, format: date-time }
                                summary: { type: string }
                                source: { type: [string, "null"] }
                                details: { type: object, additionalProperties: { type: string } }
                                links:
                                  type: array
                                  items:
                                    type: object
                                    required: [href]
                                    properties: { href: { type: string }, text: { type: [string, "null"] } }
                "400": { $ref: "#/components/responses/BadRequest" }
                "404": { $ref: "#/components/responses/NotFound" }
        """
}
