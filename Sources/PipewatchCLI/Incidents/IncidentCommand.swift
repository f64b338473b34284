import ArgumentParser
import Foundation
import PipewatchCore
import PipewatchEngine
import PipewatchServer
import PipewatchStore

/// `pipewatch incident`: the incidents that signals opened, and what people do about them.
struct IncidentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "incident",
        abstract: "List, show, acknowledge and resolve incidents; work through their run book; review them.",
        discussion: """
            'pipewatch serve' opens an incident when a signal opens (deduplicated by pipeline, kind and \
            subject), pages the on-call engineer, and escalates to the owners until someone acknowledges. \
            These commands act on the same store, so they work with the server running or not. Every change \
            names who acts with --as and is recorded on the incident's timeline and in the audit log.

              pipewatch incident list
              pipewatch incident show 7
              pipewatch incident ack 7 --as b
              pipewatch incident step 7 1 done --as b --note "sales feed is current"
              pipewatch incident action 7 3 --as b
              pipewatch incident resolve 7 --as b --reason "re-ran the aggregation"
              pipewatch incident review 7 --as b --summary "…" --lessons "…" --action-item "alert on lag|c|2026-04-30"
            """,
        subcommands: [
            List.self, Show.self, Acknowledge.self, Resolve.self, Note.self, Escalate.self, Step.self,
            Action.self, Review.self, ActionItem.self,
        ]
    )

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List incidents, newest first.",
            discussion: """
                JSON is the same object as GET /api/v1/incidents: {"incidents": [{id, pipeline, key, state, \
                severity, count, opened_at, assignee, …}]}.
                """
        )

        @OptionGroup var configOptions: ConfigOptions
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var output: TableOrJSON
        @Option(help: "open (triggered or acknowledged), triggered, acknowledged, resolved or all.")
        var state: String = "open"
        @Option(help: ArgumentHelp("Only this pipeline's incidents.", valueName: "id")) var pipeline: String?
        @Option(help: "The most to list.") var limit = 50

        func validate() throws {
            guard ["open", "all"].contains(state) || IncidentState(rawValue: state) != nil else {
                throw ValidationError("--state '\(state)' is not one of open, triggered, acknowledged, resolved, all")
            }
            guard (1...1000).contains(limit) else { throw ValidationError("--limit must be from 1 to 1000") }
        }

        func run() async throws {
            try await IncidentSession.run(config: configOptions, store: storeOptions) { session in
                let id = try pipeline.map { try session.plan.catalog.requirePipeline($0).id }
                let states: Set<IncidentState> =
                    switch state {
                    case "open": [.triggered, .acknowledged]
                    case "all": []
                    default: [IncidentState(rawValue: state)].compactMap { $0 }.reduce(into: []) { $0.insert($1) }
                    }
                let incidents = try await session.store.incidents(states: states, pipeline: id, limit: limit)
                if output.format == .json {
                    session.context.print(try JSONOutput.render(IncidentList(incidents)))
                    return
                }
                guard !incidents.isEmpty else {
                    session.context.print("no \(state == "all" ? "" : "\(state) ")incidents")
                    return
                }
                var table = TextTable("id", "severity", "state", "pipeline", "count", "opened", "assignee", "title")
                for incident in incidents {
                    table.append(
                        incident.reference,
                        incident.severity.rawValue,
                        incident.state.rawValue,
                        incident.pipeline.rawValue,
                        String(incident.count),
                        session.format(incident.openedAt),
                        incident.assignee?.rawValue ?? "-",
                        incident.title
                    )
                }
                session.context.print(table.rendered)
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show an incident: evidence, escalation, run book checklist, timeline, notifications, review.",
            discussion: "JSON is the same object as GET /api/v1/incidents/{id}."
        )

        @OptionGroup var configOptions: ConfigOptions
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var output: TableOrJSON
        @Argument(help: ArgumentHelp("The incident: 42 or INC-42.", valueName: "id")) var id: IncidentID

        func run() async throws {
            try await IncidentSession.run(config: configOptions, store: storeOptions) { session in
                let detail = try await IncidentDetail.load(id.value, from: session.engine)
                session.context.print(
                    output.format == .json
                        ? try JSONOutput.render(detail) : IncidentText(session: session).render(detail)
                )
            }
        }
    }
}
