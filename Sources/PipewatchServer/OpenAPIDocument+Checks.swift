extension OpenAPIDocument {
    /// The data check paths, appended to ``yaml``'s `paths:`.
    static let checkPaths = """
          /api/v1/checks:
            get:
              summary: The declared data checks, each with its source, schedule and latest result.
              parameters:
                - { name: pipeline, in: query, schema: { type: string } }
              responses:
                "200":
                  description: The checks.
                  content:
                    application/json:
                      schema:
                        type: object
                        required: [checks]
                        properties:
                          checks:
                            type: array
                            items:
                              type: object
                              required: [id, pipeline, kind, summary, schedule]
                              properties:
                                id: { type: string }
                                pipeline: { type: string }
                                kind: { type: string }
                                summary: { type: string }
                                description: { type: [string, "null"] }
                                source: { type: [string, "null"] }
                                schedule: { type: string }
                                latest: { oneOf: [{ $ref: "#/components/schemas/CheckResult" }, { type: "null" }] }
                "404": { $ref: "#/components/responses/NotFound" }
          /api/v1/checks/{id}/history:
            get:
              summary: A check's results, newest first.
              parameters:
                - { name: id, in: path, required: true, schema: { type: string } }
                - { name: limit, in: query, schema: { type: integer, minimum: 1, maximum: 1000, default: 50 } }
              responses:
                "200": { $ref: "#/components/responses/CheckResults" }
                "400": { $ref: "#/components/responses/BadRequest" }
                "404": { $ref: "#/components/responses/NotFound" }
          /api/v1/checks/{id}/run:
            post:
              summary: Run a check now; its result is stored and its pipeline's signals updated.
              security: [{ bearer: [] }]
              parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
              responses:
                "200": { $ref: "#/components/responses/CheckResults" }
                "401": { $ref: "#/components/responses/Unauthorized" }
                "404": { $ref: "#/components/responses/NotFound" }
        """
}
