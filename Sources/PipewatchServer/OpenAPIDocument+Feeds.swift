extension OpenAPIDocument {
    /// `/feeds/{token}.ics`, appended to ``yaml``'s `paths:`.
    static let feedPaths = """
          /feeds/{token}.ics:
            get:
              summary: An engineer's or the team's on-call shifts as an iCalendar (RFC 5545) feed, for calendar apps.
              description: >
                The token in the path is the credential (make one with 'pipewatch feed new ENGINEER' or
                'pipewatch feed new --team'; 'pipewatch feed revoke ID' ends it), so no Authorization header is needed.
                The feed covers 28 days back through 182 days ahead, times in UTC; a shift keeps its UID while it does
                not change. An engineer's feed also has their days off (public holidays by name, company days, time off)
                as all-day events.
              parameters:
                - { name: token, in: path, required: true, schema: { type: string, pattern: "^[0-9a-f]{64}$" } }
                - { name: If-None-Match, in: header, required: false, schema: { type: string } }
              responses:
                "200":
                  description: The calendar; an ETag header names this version of it.
                  headers:
                    ETag: { schema: { type: string } }
                  content:
                    text/calendar:
                      schema: { type: string }
                "304":
                  description: Unchanged since the ETag sent in If-None-Match.
                "404":
                  description: No feed has this token, or it was revoked (the answer does not say which).
                  content: { application/json: { schema: { $ref: "#/components/schemas/Error" } } }
                "500":
                  description: The schedule cannot be computed (for example a holiday calendar lacks the years asked for).
                  content: { application/json: { schema: { $ref: "#/components/schemas/Error" } } }
        """
}
