extension OpenAPIDocument {
    /// `/-/reload`, appended to ``yaml``'s `paths:`.
    static let reloadPaths = """
          /-/reload:
            post:
              summary: Read the config files again and serve them (as SIGHUP does); needs a token of admin scope.
              description: >
                The files are read and checked as 'pipewatch validate' does. A valid config is served from the next
                request on, on the same store; an invalid one is refused with every error, and the last good config
                keeps serving. /metrics tells the outcome in pipewatch_config_last_reload_successful.
              security: [{ bearer: [] }]
              responses:
                "200":
                  description: Reloaded; what is served now.
                  content:
                    application/json:
                      schema:
                        type: object
                        required: [status, generation, files, loaded_at, pipelines, engineers, checks, warnings]
                        properties:
                          status: { type: string, enum: [reloaded] }
                          generation: { type: integer }
                          files: { type: array, items: { type: string } }
                          loaded_at: { type: string, format: date-time }
                          pipelines: { type: integer }
                          engineers: { type: integer }
                          checks: { type: integer }
                          warnings: { type: array, items: { type: string } }
                "400":
                  description: The config has errors (each as FILE:LINE:COLUMN, error, message); the last good one still serves.
                  content:
                    application/json:
                      schema:
                        type: object
                        required: [error, errors, warnings, generation]
                        properties:
                          error: { type: string }
                          errors: { type: array, items: { type: string } }
                          warnings: { type: array, items: { type: string } }
                          generation: { type: integer }
                "401": { $ref: "#/components/responses/Unauthorized" }
                "403":
                  description: The token's scope is not admin.
                  content: { application/json: { schema: { $ref: "#/components/schemas/Error" } } }
                "409":
                  description: The server was not started from config files.
                  content: { application/json: { schema: { $ref: "#/components/schemas/Error" } } }
        """
}
