import ArgumentParser
import Foundation
import PipewatchCore
import PipewatchEngine

extension IncidentCommand {
    struct Review: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "review",
            abstract: "Record a post-incident review: cause, summary, lessons and action items.",
            discussion: """
                The cause is one of the plan's potential issues: \
                \(IncidentCause.allCases.map(\.rawValue).joined(separator: ", ")). Without --cause, the one \
                the incident's signals suggest is used. Each --action-item is 'TEXT|OWNER|YYYY-MM-DD'. \
                Recording a review again replaces the earlier one.
                """
        )

        @OptionGroup var configOptions: ConfigOptions
        @OptionGroup var storeOptions: StoreOptions
        @Argument(help: ArgumentHelp("The incident: 42 or INC-42.", valueName: "id")) var id: IncidentID
        @Option(help: "The cause (see above).") var cause: String?
        @Option(help: "What happened.") var summary: String
        @Option(help: "What the team learned.") var lessons: String = ""
        @Option(help: ArgumentHelp("What will be done: 'TEXT|OWNER|YYYY-MM-DD'; repeat for more.", valueName: "item"))
        var actionItem: [String] = []
        @OptionGroup var actor: ActorOption

        func run() async throws {
            let chosen = try cause.map { name -> IncidentCause in
                guard let cause = IncidentCause(rawValue: name) else {
                    throw ValidationError(
                        "--cause '\(name)' is not one of \(IncidentCause.allCases.map(\.rawValue).joined(separator: ", "))"
                    )
                }
                return cause
            }
            try await IncidentSession.run(config: configOptions, store: storeOptions) { session in
                let who = try session.actor(actor.engineer)
                let items = try actionItem.map { text -> IncidentReview.ActionItem in
                    let parts = text.split(separator: "|", omittingEmptySubsequences: false).map {
                        $0.trimmingCharacters(in: .whitespaces)
                    }
                    guard parts.count == 3, !parts[0].isEmpty, let due = LocalDate(iso: parts[2]) else {
                        throw ValidationError("--action-item '\(text)' must be 'TEXT|OWNER|YYYY-MM-DD'")
                    }
                    return IncidentReview.ActionItem(
                        text: parts[0],
                        owner: try session.plan.catalog.requireEngineer(parts[1]).id,
                        due: due
                    )
                }
                let review = try await session.engine.incidents.review(
                    id.value,
                    cause: chosen,
                    summary: summary,
                    lessons: lessons,
                    actionItems: items,
                    by: who,
                    at: session.now
                )
                try await session.audit(
                    "incident.review",
                    by: who,
                    "reviewed INC-\(id.value): \(review.cause.rawValue)"
                )
                session.context.print(
                    "recorded the review of INC-\(id.value): cause \(review.cause.rawValue), \(items.count) action item"
                        + (items.count == 1 ? "" : "s")
                )
            }
        }
    }

    struct ActionItem: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "action-item",
            abstract: "Mark an action item of a post-incident review done, or open again.",
            discussion: """
                Items count from 1, in the order 'pipewatch incident show' lists them. An item stays open, and \
                counts in 'pipewatch review' as open (overdue once its date passes), until it is marked done.
                """
        )

        enum State: String, ExpressibleByArgument, CaseIterable {
            case done, open
        }

        @OptionGroup var configOptions: ConfigOptions
        @OptionGroup var storeOptions: StoreOptions
        @Argument(help: ArgumentHelp("The incident: 42 or INC-42.", valueName: "id")) var id: IncidentID
        @Argument(help: ArgumentHelp("The action item, from 1.", valueName: "item")) var item: Int
        @Argument(help: ArgumentHelp("done or open.", valueName: "state")) var state: State
        @OptionGroup var actor: ActorOption

        func run() async throws {
            try await IncidentSession.run(config: configOptions, store: storeOptions) { session in
                let who = try session.actor(actor.engineer)
                let marked = try await session.engine.incidents.markActionItem(
                    item,
                    of: id.value,
                    done: state == .done,
                    by: who,
                    at: session.now
                )
                try await session.audit(
                    "incident.action_item",
                    by: who,
                    "action item \(item) of INC-\(id.value) \(state.rawValue)"
                )
                session.context.print("action item \(item) of INC-\(id.value) is \(state.rawValue): \(marked.text)")
            }
        }
    }
}
