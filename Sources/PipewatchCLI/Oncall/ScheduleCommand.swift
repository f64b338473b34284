import ArgumentParser
import Foundation
import PipewatchCore

extension OncallCommand {
    /// `pipewatch oncall schedule`: the shifts and gaps over a range of days.
    struct ScheduleCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "schedule",
            abstract: "List the shifts and gaps from one date through another.",
            discussion: """
                Dates are YYYY-MM-DD in the team's time zone, both included; by default four weeks from today.
                --format ics writes an iCalendar feed (RFC 5545) with one event per shift; a shift keeps its UID \
                from run to run, so calendar apps update rather than duplicate it. --engineer keeps one \
                engineer's shifts (gaps are still listed in table and JSON output).

                JSON: {"shifts": [{"engineer", "start", "end", "reason"}], "gaps": [{"start", "end"}]}, where \
                reason is rotation, substitute, season, swap or override, and times are ISO 8601 with offset.
                """
        )

        @OptionGroup var configOptions: ConfigOptions
        @OptionGroup var storeOptions: StoreOptions

        @Option(help: ArgumentHelp("The first day, YYYY-MM-DD.", valueName: "date"))
        var from: String?

        @Option(help: ArgumentHelp("The last day, YYYY-MM-DD (included).", valueName: "date"))
        var to: String?

        @Option(help: ArgumentHelp("Only this engineer's shifts.", valueName: "id"))
        var engineer: String?

        @Option(help: "Output format: table, json or ics.")
        var format: CalendarFormat = .table

        func validate() throws {
            for (option, value) in [("--from", from), ("--to", to)] {
                if let value, LocalDate(iso: value) == nil {
                    throw ValidationError("\(option) '\(value)' is not a date; use YYYY-MM-DD")
                }
            }
        }

        func run() async throws {
            try await ScheduleSession.run(config: configOptions, store: storeOptions) { session in
                let first = from.flatMap { LocalDate(iso: $0) } ?? LocalDate(session.now, in: session.zone)
                let last = to.flatMap { LocalDate(iso: $0) } ?? first.adding(days: 27)
                guard first <= last else { throw ValidationError("--to \(last) is before --from \(first)") }
                let id = try engineer.map { try session.engineer($0).id }
                let calculator = try await session.calculator()
                let schedule = try session.checked { () throws(ScheduleError) in
                    try calculator.schedule(from: first, through: last)
                }
                switch format {
                case .json:
                    session.context.print(ScheduleDocument(schedule, engineer: id).json)
                case .ics:
                    let writer = ICalendarWriter(
                        calendarName: "\(session.plan.catalog.team.name) on call",
                        engineers: session.plan.catalog.engineers
                    )
                    session.context.output(writer.render(schedule, engineer: id))
                default:
                    session.context.print(ScheduleTable.render(schedule, engineer: id))
                }
                session.warnAboutGaps(in: schedule)
            }
        }
    }
}
