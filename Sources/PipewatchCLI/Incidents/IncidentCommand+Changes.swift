import ArgumentParser
import Foundation
import PipewatchCore
import PipewatchEngine
import PipewatchStore

extension IncidentCommand {
    struct Acknowledge: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ack",
            abstract: "Acknowledge an incident: escalation stops, and you become its assignee."
        )

        @OptionGroup var configOptions: ConfigOptions
        @OptionGroup var storeOptions: StoreOptions
        @Argument(help: ArgumentHelp("The incident: 42 or INC-42.", valueName: "id")) var id: IncidentID
        @OptionGroup var actor: ActorOption

        func run() async throws {
            try await IncidentSession.run(config: configOptions, store: storeOptions) { session in
                let who = try session.actor(actor.engineer)
                let incident = try await session.engine.incidents.acknowledge(id.value, by: who, at: session.now)
                try await session.audit("incident.ack", by: who, "acknowledged \(incident.reference)")
                session.context.print("acknowledged \(incident.reference) as \(who): escalation stopped")
            }
        }
    }

    struct Resolve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "resolve", abstract: "Resolve an incident.")

        @OptionGroup var configOptions: ConfigOptions
        @OptionGroup var storeOptions: StoreOptions
        @Argument(help: ArgumentHelp("The incident: 42 or INC-42.", valueName: "id")) var id: IncidentID
        @OptionGroup var actor: ActorOption
        @Option(help: "What fixed it, for the timeline.") var reason: String?

        func run() async throws {
            try await IncidentSession.run(config: configOptions, store: storeOptions) { session in
                let who = try session.actor(actor.engineer)
                let incident = try await session.engine.incidents.resolve(
                    id.value,
                    by: who,
                    reason: reason,
                    at: session.now
                )
                try await session.audit("incident.resolve", by: who, "resolved \(incident.reference)")
                session.context.print(
                    "resolved \(incident.reference); record what was learned with 'pipewatch incident review \(incident.id)'"
                )
            }
        }
    }

    struct Note: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "note",
            abstract: "Add a note to an incident's timeline."
        )

        @OptionGroup var configOptions: ConfigOptions
        @OptionGroup var storeOptions: StoreOptions
        @Argument(help: ArgumentHelp("The incident: 42 or INC-42.", valueName: "id")) var id: IncidentID
        @Argument(help: ArgumentHelp("The note.", valueName: "text")) var text: String
        @OptionGroup var actor: ActorOption

        func run() async throws {
            try await IncidentSession.run(config: configOptions, store: storeOptions) { session in
                let who = try session.actor(actor.engineer)
                try await session.engine.incidents.note(id.value, by: who, text: text, at: session.now)
                session.context.print("noted on INC-\(id.value)")
            }
        }
    }

    struct Escalate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "escalate",
            abstract: "Page someone about an incident now, outside the escalation policy.",
            discussion: "TARGET is oncall, primary, secondary or an engineer id."
        )

        @OptionGroup var configOptions: ConfigOptions
        @OptionGroup var storeOptions: StoreOptions
        @Argument(help: ArgumentHelp("The incident: 42 or INC-42.", valueName: "id")) var id: IncidentID
        @Option(help: ArgumentHelp("Whom to page: oncall, primary, secondary or an engineer id.", valueName: "target"))
        var to: String
        @OptionGroup var actor: ActorOption

        func run() async throws {
            try await IncidentSession.run(config: configOptions, store: storeOptions) { session in
                let who = try session.actor(actor.engineer)
                let target =
                    try EscalationTarget.roleWords[to] ?? .engineer(session.plan.catalog.requireEngineer(to).id)
                let paged = try await session.engine.incidents.escalate(id.value, to: target, by: who, at: session.now)
                try await session.audit("incident.escalate", by: who, "paged \(paged) about INC-\(id.value)")
                session.context.print("paged \(paged) about INC-\(id.value)")
            }
        }
    }

    struct Step: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "step",
            abstract: "Mark a run book step done or skipped, or carry it out (run: its escalate and notify).",
            discussion: """
                Steps count from 1, as 'pipewatch incident show' lists them. 'run' pages the person an \
                'escalate:' step names and tells the people a 'notify:' step names; 'pipewatch incident action' \
                runs a step's action.
                """
        )

        enum Verb: String, ExpressibleByArgument, CaseIterable {
            case done, skip, run
        }

        @OptionGroup var configOptions: ConfigOptions
        @OptionGroup var storeOptions: StoreOptions
        @Argument(help: ArgumentHelp("The incident: 42 or INC-42.", valueName: "id")) var id: IncidentID
        @Argument(help: ArgumentHelp("The step, from 1.", valueName: "step")) var step: Int
        @Argument(help: ArgumentHelp("done, skip or run.", valueName: "verb")) var verb: Verb
        @Option(help: "Why, or what was found.") var note: String?
        @OptionGroup var actor: ActorOption

        func run() async throws {
            try await IncidentSession.run(config: configOptions, store: storeOptions) { session in
                let who = try session.actor(actor.engineer)
                let checklist = session.engine.checklist
                switch verb {
                case .done, .skip:
                    try await checklist.mark(
                        step,
                        of: id.value,
                        as: verb == .done ? .done : .skipped,
                        by: who,
                        note: note,
                        at: session.now
                    )
                    session.context.print("step \(step) of INC-\(id.value) \(verb == .done ? "done" : "skipped")")
                case .run:
                    for line in try await checklist.perform(step, of: id.value, by: who, at: session.now) {
                        session.context.print(line)
                    }
                }
                try await session.audit("incident.step", by: who, "step \(step) \(verb.rawValue) on INC-\(id.value)")
            }
        }
    }

    struct Action: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "action",
            abstract: "Run the action of a run book step (a command or an HTTP request from 'actions:').",
            discussion: """
                The output, exit or HTTP status and duration go on the timeline. Give --request-key to make a \
                retry safe: a second run with the same key returns the first one's outcome without running again.
                """
        )

        @OptionGroup var configOptions: ConfigOptions
        @OptionGroup var storeOptions: StoreOptions
        @Argument(help: ArgumentHelp("The incident: 42 or INC-42.", valueName: "id")) var id: IncidentID
        @Argument(help: ArgumentHelp("The step whose action to run, from 1.", valueName: "step")) var step: Int
        @Option(help: "A key unique to this request; a repeat with it does not run the action again.")
        var requestKey: String?
        @OptionGroup var actor: ActorOption

        func run() async throws {
            try await IncidentSession.run(config: configOptions, store: storeOptions) { session in
                let who = try session.actor(actor.engineer)
                let run = try await session.engine.checklist.runAction(
                    step: step,
                    of: id.value,
                    requestKey: requestKey ?? UUID().uuidString.lowercased(),
                    by: who,
                    at: session.now
                )
                let status = run.exitStatus.map { "exit status \($0)" } ?? run.httpStatus.map { "HTTP \($0)" } ?? "-"
                session.context.print("action '\(run.action)' \(run.state.rawValue): \(status)")
                if let output = run.output, !output.isEmpty { session.context.print(output) }
                if run.state != .succeeded { throw ExitCode(1) }
            }
        }
    }
}
