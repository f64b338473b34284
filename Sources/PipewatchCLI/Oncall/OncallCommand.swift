import ArgumentParser
import Foundation
import PipewatchCore

/// `pipewatch oncall`: who is on call, now, at a time, over a range, and how fair it is.
struct OncallCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "oncall",
        abstract: "Show who is on call: now, at a time, over a range, and how fairly duty is shared.",
        discussion: """
            The schedule is computed from the config's rotation, each engineer's regional public holidays and \
            company calendars, time off, accepted swaps and overrides. Nobody is ever on call on a day off; \
            a substitute covers exactly those hours, and the rotation does not advance. Where nobody can be \
            on call, the schedule reports a gap rather than assigning anyone.

              pipewatch oncall now
              pipewatch oncall at 2026-12-24T18:00
              pipewatch oncall schedule --from 2026-12-01 --to 2027-01-31 --format ics > oncall.ics
              pipewatch oncall fairness --year 2026

            PIPEWATCH_NOW (ISO 8601) replaces the clock.
            """,
        subcommands: [Now.self, At.self, ScheduleCommand.self, Fairness.self]
    )

    struct Now: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "now",
            abstract: "Who is on call now: since when, until when, and why."
        )

        @OptionGroup var configOptions: ConfigOptions
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var output: TableOrJSON

        func run() async throws {
            try await ScheduleSession.run(config: configOptions, store: storeOptions) { session in
                try await CoverageView.print(at: session.now, session: session, format: output.format)
            }
        }
    }

    struct At: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "at",
            abstract: "Who is on call at a time: since when, until when, and why.",
            discussion:
                "TIME is ISO 8601 with an offset (2026-12-24T18:00:00-05:00) or 2026-12-24T18:00 in the team's zone."
        )

        @OptionGroup var configOptions: ConfigOptions
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var output: TableOrJSON

        @Argument(help: ArgumentHelp("The time to ask about.", valueName: "time"))
        var time: String

        func run() async throws {
            try await ScheduleSession.run(config: configOptions, store: storeOptions) { session in
                let instant = try session.instant(time, option: "TIME")
                try await CoverageView.print(at: instant, session: session, format: output.format)
            }
        }
    }

    struct Fairness: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "fairness",
            abstract: "How duty was shared over a year: hours, shifts, season, weekend and holiday days per engineer.",
            discussion: "Also: substitutions given and received, gaps, and the spread between most and least loaded."
        )

        @OptionGroup var configOptions: ConfigOptions
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var output: TableOrJSON

        @Option(help: "The year, in the team's time zone; the current year by default.")
        var year: Int?

        func run() async throws {
            try await ScheduleSession.run(config: configOptions, store: storeOptions) { session in
                let calculator = try await session.calculator()
                let year = year ?? LocalDate(session.now, in: session.zone).year
                let report = try session.checked { () throws(ScheduleError) in try calculator.fairness(year: year) }
                session.context.print(
                    output.format == .json
                        ? try JSONOutput.render(FairnessDocument(report, zone: session.zone))
                        : ScheduleTable.render(report)
                )
                let gaps = report.gaps.filter { $0.uncovered != nil }
                if !gaps.isEmpty {
                    session.context.printError(
                        "warning: \(gaps.count) gap\(gaps.count == 1 ? "" : "s") in \(year) when nobody can be on call"
                    )
                }
            }
        }
    }
}
