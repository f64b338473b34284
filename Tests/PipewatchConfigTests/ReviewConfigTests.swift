import Foundation
import PipewatchConfig
import PipewatchCore
import Testing

@Suite("review schedule")
struct ReviewConfigTests {
    @Test("'review:' sets how often the review is sent and to whom; without it nothing is sent")
    func schedule() async throws {
        #expect(try await report(baseConfig).plan?.review == nil)
        let yaml =
            baseConfig + """
                review: { every: 4 weeks, notify: [team, b, ir], starts: 2026-01-05 }
                """
        let found = try await report(yaml)
        #expect(found.diagnostics == [])
        #expect(
            found.plan?.review
                == ReviewSchedule(
                    everyDays: 28,
                    notify: [.team, .engineer("b"), .stakeholder("ir")],
                    starts: LocalDate(year: 2026, month: 1, day: 5)!
                )
        )
        let short = try await report(baseConfig + "review: { every: 1 week }\n")
        #expect(short.plan?.review == ReviewSchedule(everyDays: 7))
    }

    @Test("a period that is not whole days, an unknown recipient, a bad date and an unknown key are located errors")
    func malformed() async throws {
        let yaml =
            baseConfig + """
                review:
                  every: 1d12h
                  notify: [team, tema]
                  starts: someday
                  often: yes
                """
        try await expectFindings(
            yaml,
            [
                "pipewatch.yaml:14:10: error: review.every: must be a whole number of days, found '1d12h'\n"
                    + "    hint: periods start at midnight in the team's time zone: write '7 days' or '4 weeks'",
                "pipewatch.yaml:15:18: error: review.notify[1]: unknown recipient 'tema'\n"
                    + "    hint: use 'team', an engineer id or a stakeholder id",
                "pipewatch.yaml:16:11: error: review.starts: expected a date YYYY-MM-DD, found 'someday'",
                "pipewatch.yaml:17:3: error: review: unknown key 'often'\n    hint: expected one of every, notify, starts",
            ]
        )
        try await expectFindings(
            baseConfig + "review: { notify: team }\n",
            [
                "pipewatch.yaml:13:9: error: review: missing key 'every'\n    hint: how often the review is sent, such as '4 weeks'"
            ]
        )
    }
}
