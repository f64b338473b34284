import ArgumentParser
import Foundation
import PipewatchCore
import PipewatchEngine
import PipewatchStore

/// `pipewatch timeoff`: vacations and other absences added at run time.
struct TimeoffCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeoff",
        abstract: "Add, list and remove time off; the schedule re-plans around it at once.",
        discussion: """
            Time off covers whole local days (midnight to midnight in the engineer's own zone), FROM through TO. \
            Adding it re-plans the affected shifts: a substitute covers exactly those hours. If nobody can, \
            the gap is reported at once. Time off in the config (oncall.time_off) counts too.

              pipewatch timeoff add b 2026-08-03 2026-08-14 --reason "summer holiday"
              pipewatch timeoff list --engineer b
              pipewatch timeoff remove 3
            """,
        subcommands: [Add.self, List.self, Remove.self]
    )

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Record time off and show the shifts it moves."
        )

        @OptionGroup var configOptions: ConfigOptions
        @OptionGroup var storeOptions: StoreOptions

        @Argument(help: ArgumentHelp("The engineer's id.", valueName: "engineer")) var engineer: String
        @Argument(help: ArgumentHelp("The first day away, YYYY-MM-DD.", valueName: "from")) var from: String
        @Argument(help: ArgumentHelp("The last day away, YYYY-MM-DD (included).", valueName: "to")) var to: String
        @Option(help: "Why, for the schedule's explanations.") var reason: String?
        @OptionGroup var author: AuthorOption

        func run() async throws {
            guard let first = LocalDate(iso: from) else {
                throw ValidationError("FROM '\(from)' is not a date; use YYYY-MM-DD")
            }
            guard let last = LocalDate(iso: to) else {
                throw ValidationError("TO '\(to)' is not a date; use YYYY-MM-DD")
            }
            guard first <= last else { throw ValidationError("TO \(last) is before FROM \(first)") }
            let actor = try author.name(in: .current)
            try await ScheduleSession.run(config: configOptions, store: storeOptions) { session in
                let who = try session.engineer(engineer)
                let timeOff = TimeOff(engineer: who.id, from: first, to: last, reason: reason)
                let added = try await session.refusing {
                    try await session.changes.addTimeOff(timeOff, by: actor, at: session.now)
                }
                let (record, overlapping, moved, new) = (added.record, added.overlapping, added.newShifts, added.after)
                session.context.print(
                    "added time off #\(record.id): \(who.name) (\(who.id)) away \(first) through \(last)"
                )
                for other in overlapping {
                    session.context.printError(
                        "warning: it overlaps time off #\(other.id) (\(other.timeOff.from) through \(other.timeOff.to)); "
                            + "remove one with 'pipewatch timeoff remove ID' if it was entered twice"
                    )
                }
                for shift in moved {
                    session.context.print(
                        "  now: \(shift.engineer) \(session.format(shift.start)) → \(session.format(shift.end)) (\(shift.explanation))"
                    )
                }
                session.warnAboutGaps(in: new)
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List time off added at run time."
        )

        @OptionGroup var configOptions: ConfigOptions
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var output: TableOrJSON
        @Option(help: ArgumentHelp("Only this engineer's time off.", valueName: "id")) var engineer: String?

        struct Row: Encodable {
            let id: Int64
            let engineer: String
            let from: String
            let to: String
            let reason: String?
            let createdAt: String

            enum CodingKeys: String, CodingKey {
                case id, engineer, from, to, reason
                case createdAt = "created_at"
            }
        }

        func run() async throws {
            try await ScheduleSession.run(config: configOptions, store: storeOptions) { session in
                let id = try engineer.map { try session.engineer($0).id }
                let rows = try await session.store.timeOff(for: id, overlapping: nil).map {
                    Row(
                        id: $0.id,
                        engineer: $0.timeOff.engineer.rawValue,
                        from: $0.timeOff.from.description,
                        to: $0.timeOff.to.description,
                        reason: $0.timeOff.reason,
                        createdAt: session.format($0.createdAt)
                    )
                }
                if output.format == .json {
                    session.context.print(try JSONOutput.render(rows))
                } else {
                    var table = TextTable("id", "engineer", "from", "to", "reason")
                    for row in rows { table.append(String(row.id), row.engineer, row.from, row.to, row.reason ?? "") }
                    session.context.print(table.rendered)
                }
            }
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove",
            abstract: "Remove time off by its id (see 'timeoff list')."
        )

        @OptionGroup var configOptions: ConfigOptions
        @OptionGroup var storeOptions: StoreOptions
        @Argument(help: ArgumentHelp("The time off's id.", valueName: "id")) var id: Int64
        @OptionGroup var author: AuthorOption

        func run() async throws {
            let actor = try author.name(in: .current)
            try await ScheduleSession.run(config: configOptions, store: storeOptions) { session in
                let removed = try await session.store.removeTimeOff(id: id) { record in
                    AuditDraft(
                        at: session.now,
                        actor: actor,
                        action: "timeoff.remove",
                        detail:
                            "time off #\(record.id) for '\(record.timeOff.engineer)' from \(record.timeOff.from) to \(record.timeOff.to)"
                    )
                }
                session.context.print("removed time off #\(removed.id) for \(removed.timeOff.engineer)")
            }
        }
    }
}
