import ArgumentParser
import Foundation
import PipewatchCore
import PipewatchEngine

/// `pipewatch review`: the periodic review of what the team learned.
struct ReviewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "The periodic review: incidents, response times, recurring and noisy problems, on-call load.",
        discussion: """
            Over a period (the last 90 days unless told): incidents per pipeline and per cause; time to \
            acknowledge and to resolve (median and 90th percentile by nearest rank, overall and per \
            pipeline); incidents whose key occurred three or more times; the checks and signals that \
            opened and cleared most often; per engineer pages, pages at night (22:00-07:00 in their own \
            zone), on-call, weekend and covered-holiday hours; deadlines missed and stakeholder notices; \
            resolved incidents without a review; open and overdue action items by owner; who has not \
            read the investor run books.

            Examples:
              pipewatch review
              pipewatch review --since 4w --format markdown > review.md
              pipewatch review --from 2026-10-01 --to 2026-12-31 --format json

            A 'to' date is inclusive (the period ends at the next midnight in the team's zone). \
            'review: {every: 4 weeks, notify: team}' in the config makes 'pipewatch serve' send it. \
            PIPEWATCH_NOW (ISO 8601) replaces the clock. Exit status 0 with a report, 1 when the \
            schedule of the period cannot be computed, 2 on a usage error, 3 when the store fails.
            """
    )

    /// `--format` for the review, which can also be Markdown.
    enum Format: String, ExpressibleByArgument, CaseIterable, Sendable {
        case table, json, markdown
    }

    @OptionGroup var configOptions: ConfigOptions
    @OptionGroup var storeOptions: StoreOptions

    @Option(help: ArgumentHelp("The period ending now, such as 90d or 4w.", valueName: "duration"))
    var since: String?

    @Option(
        help: ArgumentHelp("The first day (2026-10-01, the team's zone) or an ISO 8601 instant.", valueName: "date")
    )
    var from: String?

    @Option(
        help: ArgumentHelp(
            "The last day, inclusive, or an ISO 8601 instant (exclusive); now by default.",
            valueName: "date"
        )
    )
    var to: String?

    @Option(help: "Output format: 'table' for people, 'json' for scripts, 'markdown' to share.")
    var format: Format = .table

    func run() async throws {
        try await IncidentSession.run(config: configOptions, store: storeOptions) { session in
            let period: (from: Date, to: Date)
            do {
                period = try ReviewPeriod.resolve(
                    since: since,
                    from: from,
                    to: to,
                    now: session.now,
                    in: session.plan.catalog.team.timeZone
                )
            } catch let error as ReviewPeriod.Problem {
                throw ValidationError("--\(error.parameter): \(error.description)")
            }
            let report: ReviewReport
            do {
                report = try await session.engine.review.report(from: period.from, to: period.to)
            } catch let error as ScheduleError {
                session.context.printError("error: \(error)")
                throw ExitCode(1)
            }
            switch format {
            case .table: session.context.print(report.table)
            case .markdown: session.context.print(report.markdown)
            case .json: session.context.print(try JSONOutput.render(ReviewDocument(report)))
            }
        }
    }
}
