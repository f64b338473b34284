extension OpenAPIDocument {
    /// The review path, appended to ``yaml``'s `paths:`.
    static let reviewPaths = """
          /api/v1/review:
            get:
              summary: The periodic review of a period (the last 90 days unless told), as `pipewatch review` prints it.
              description: >-
                Medians and 90th percentiles are nearest-rank. A `to` date is inclusive (the period ends at the
                next midnight in the team's zone); a `to` instant is exclusive. Give `since`, or `from` (and `to`).
              parameters:
                - { name: since, in: query, schema: { type: string, example: 90d } }
                - { name: from, in: query, schema: { type: string, example: "2026-10-01" } }
                - { name: to, in: query, schema: { type: string, example: "2026-12-31" } }
                - { name: format, in: query, schema: { type: string, enum: [json, markdown, table], default: json } }
              responses:
                "200":
                  description: The review.
                  content:
                    application/json:
                      schema:
                        type: object
                        required: [from, to, time_zone, percentiles, incidents, time_to_acknowledge, time_to_resolve,
                          pipelines, causes, recurring, noisy_signals, noisy_checks, oncall, missed_deadlines,
                          stakeholder_notices, missing_reviews, action_items, runbook_familiarity]
                        properties:
                          from: { type: string, format: date-time }
                          to: { type: string, format: date-time }
                          time_zone: { type: string }
                          percentiles: { type: string, enum: [nearest-rank] }
                          incidents: { type: integer }
                          time_to_acknowledge: \(durations)
                          time_to_resolve: \(durations)
                          pipelines:
                            type: array
                            items:
                              type: object
                              properties:
                                pipeline: { type: string }
                                incidents: { type: integer }
                                time_to_acknowledge: \(durations)
                                time_to_resolve: \(durations)
                          causes:
                            type: array
                            items:
                              type: object
                              properties: { cause: { type: string }, incidents: { type: integer }, suggested: { type: integer } }
                          recurring:
                            type: array
                            items:
                              type: object
                              properties: { key: { type: string }, pipeline: { type: string }, occurrences: { type: integer } }
                          noisy_signals: { type: array, items: \(noise) }
                          noisy_checks: { type: array, items: \(noise) }
                          oncall:
                            type: array
                            items:
                              type: object
                              properties:
                                engineer: { type: string }
                                pages: { type: integer }
                                night_pages: { type: integer }
                                on_call_hours: { type: number }
                                weekend_hours: { type: number }
                                holiday_hours_covered: { type: number }
                          missed_deadlines: { type: array, items: \(count) }
                          stakeholder_notices: { type: array, items: \(count) }
                          missing_reviews:
                            type: array
                            items:
                              type: object
                              properties:
                                incident: { type: integer }
                                pipeline: { type: string }
                                title: { type: string }
                                resolved_at: { type: string, format: date-time }
                          action_items:
                            type: array
                            items:
                              type: object
                              properties:
                                owner: { type: string }
                                open: { type: integer }
                                overdue: { type: integer }
                                done: { type: integer, description: Marked done by the end of the period. }
                                items:
                                  description: The open ones, soonest due first.
                                  type: array
                                  items:
                                    type: object
                                    properties:
                                      incident: { type: integer }
                                      text: { type: string }
                                      due: { type: string, format: date }
                                      overdue: { type: boolean }
                          runbook_familiarity:
                            type: array
                            items:
                              type: object
                              properties:
                                pipeline: { type: string }
                                version: { type: string }
                                unread: { type: array, items: { type: string } }
                    text/markdown: { schema: { type: string } }
                    text/plain: { schema: { type: string } }
                "400": { $ref: "#/components/responses/BadRequest" }
                "401": { $ref: "#/components/responses/Unauthorized" }
                "422": { description: The schedule of the period cannot be computed (a holiday calendar does not cover it). }
        """

    private static let durations =
        #"{ type: object, required: [count, median_seconds, p90_seconds], properties: { count: { type: integer }, "#
        + #"median_seconds: { type: [number, "null"] }, p90_seconds: { type: [number, "null"] } } }"#
    private static let noise =
        "{ type: object, properties: { name: { type: string }, pipeline: { type: string }, "
        + "opened: { type: integer }, cleared: { type: integer } } }"
    private static let count = "{ type: object, properties: { name: { type: string }, count: { type: integer } } }"
}
