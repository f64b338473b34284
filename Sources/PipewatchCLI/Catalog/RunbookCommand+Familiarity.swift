import ArgumentParser
import Foundation
import PipewatchCore
import PipewatchEngine

extension RunbookCommand {
    struct Ack: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ack",
            abstract: "Record that you have read the current version of a pipeline's run book.",
            discussion: """
                A version is a digest of the steps: editing a step makes earlier reads out of date. Engineers \
                whose shift starts within a day and who have not read the current investor run books get a \
                reminder from 'pipewatch serve'.

                Example: pipewatch runbook ack investor-profit --as b
                """
        )

        @OptionGroup var configOptions: ConfigOptions
        @OptionGroup var storeOptions: StoreOptions
        @Argument(help: ArgumentHelp("The pipeline's id from the config.", valueName: "pipeline")) var pipeline: String
        @OptionGroup var actor: ActorOption

        func run() async throws {
            try await IncidentSession.run(config: configOptions, store: storeOptions) { session in
                let found = try session.plan.catalog.requirePipeline(pipeline)
                let who = try session.actor(actor.engineer)
                guard !found.runbook.isEmpty else {
                    session.context.printError("error: pipeline '\(pipeline)' has no run book")
                    throw ExitCode(1)
                }
                let (digest, isNew) = try await session.engine.familiarity.acknowledge(
                    found,
                    by: EngineerID(who),
                    at: session.now
                )
                if isNew { try await session.audit("runbook.ack", by: who, "read \(found.id) run book \(digest)") }
                session.context.print(
                    isNew
                        ? "recorded: \(who) read the run book of '\(found.id)' (version \(digest))"
                        : "\(who) had already read this version (\(digest)) of the run book of '\(found.id)'"
                )
            }
        }
    }

    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "status",
            abstract: "Who has not read the current version of each investor run book.",
            discussion: "Exit status 1 when someone has not, so a team can check it in CI or before a rotation."
        )

        @OptionGroup var configOptions: ConfigOptions
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var output: TableOrJSON

        private struct Entry: Encodable {
            let pipeline: String
            let version: String
            let unread: [String]
        }

        func run() async throws {
            let missing = try await IncidentSession.run(config: configOptions, store: storeOptions) { session in
                let entries = try await session.engine.familiarity.unread().map {
                    Entry(pipeline: $0.pipeline.id.rawValue, version: $0.digest, unread: $0.missing.map(\.rawValue))
                }
                if output.format == .json {
                    session.context.print(try JSONOutput.render(["runbooks": entries]))
                } else {
                    var table = TextTable("pipeline", "version", "not read by")
                    for entry in entries {
                        table.append(
                            entry.pipeline,
                            entry.version,
                            entry.unread.isEmpty ? "(everyone has read it)" : entry.unread.joined(separator: ", ")
                        )
                    }
                    session.context.print(table.rendered)
                }
                return entries.contains { !$0.unread.isEmpty }
            }
            if missing { throw ExitCode(1) }
        }
    }
}
