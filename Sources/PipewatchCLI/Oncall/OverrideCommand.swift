import ArgumentParser
import Foundation
import PipewatchCore
import PipewatchStore

/// `pipewatch override`: the emergency path.
struct OverrideCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "override",
        abstract: "Put an engineer on call for an interval at once: no notice rule, a reason required.",
        discussion: """
            Overrides win over the rotation, substitutes, seasons and swaps. They are for emergencies; plan \
            ahead with 'pipewatch swap'. Every override is in 'pipewatch audit'.

              pipewatch override --engineer c --start 2026-03-09T09:00 --end 2026-03-09T18:00 --reason "b is ill"
            """
    )

    @OptionGroup var configOptions: ConfigOptions
    @OptionGroup var storeOptions: StoreOptions
    @Option(help: ArgumentHelp("Who goes on call.", valueName: "id")) var engineer: String
    @Option(help: ArgumentHelp("When the override starts.", valueName: "time")) var start: String
    @Option(help: ArgumentHelp("When it ends.", valueName: "time")) var end: String
    @Option(help: "Why; required.") var reason: String
    @OptionGroup var author: AuthorOption

    func validate() throws {
        if reason.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--reason must say why") }
    }

    func run() async throws {
        let actor = try author.name(in: .current)
        try await ScheduleSession.run(config: configOptions, store: storeOptions) { session in
            let who = try session.engineer(engineer).id
            let (from, to) = (try session.instant(start, option: "--start"), try session.instant(end, option: "--end"))
            guard from < to else { throw ValidationError("--end must be after --start") }
            let calculator = try await session.calculator()
            let absences = try session.checked { () throws(ScheduleError) in
                try calculator.absences(of: who, from: from, to: to)
            }
            let stored = try await session.store.addOverride(
                engineer: who,
                interval: from..<to,
                reason: reason,
                at: session.now
            ) {
                override in
                AuditDraft(
                    at: session.now,
                    actor: actor,
                    action: "override.add",
                    detail:
                        "override #\(override.id): '\(who)' from \(session.format(from)) to \(session.format(to)): \(reason)"
                )
            }
            session.context.print(
                "override #\(stored.id): \(who) is on call from \(session.format(from)) to \(session.format(to))"
            )
            for absence in absences {
                session.context.printError("warning: '\(who)' is off on \(absence.date): \(absence.reason)")
            }
        }
    }
}
