import ArgumentParser
import Foundation
import PipewatchCore
import PipewatchServer
import PipewatchStore

/// `pipewatch notifications`: the outbox, its dead letters, and retrying them.
struct NotificationsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notifications",
        abstract: "List the notification outbox and retry dead letters.",
        discussion: """
            Pages, notices and reminders wait in the outbox until 'pipewatch serve' delivers them, with \
            backoff between attempts; after the last attempt (incidents.delivery_attempts, 10 by default) a \
            message is a dead letter.

              pipewatch notifications list --state dead
              pipewatch notifications retry 12
            """,
        subcommands: [List.self, Retry.self]
    )

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List messages, newest first.",
            discussion: "JSON is the same object as GET /api/v1/notifications."
        )

        @OptionGroup var configOptions: ConfigOptions
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var output: TableOrJSON
        @Option(help: "Only messages in this state: pending, delivered or dead.") var state: String?
        @Option(help: ArgumentHelp("Only messages about this incident.", valueName: "id")) var incident: IncidentID?
        @Option(help: "The most to list.") var limit = 50

        func validate() throws {
            if let state, OutboxMessage.State(rawValue: state) == nil {
                throw ValidationError("--state '\(state)' is not one of pending, delivered, dead")
            }
            guard (1...1000).contains(limit) else { throw ValidationError("--limit must be from 1 to 1000") }
        }

        func run() async throws {
            try await IncidentSession.run(config: configOptions, store: storeOptions) { session in
                let messages = try await session.store.messages(
                    incidentID: incident?.value,
                    state: state.flatMap(OutboxMessage.State.init(rawValue:)),
                    limit: limit
                )
                if output.format == .json {
                    session.context.print(try JSONOutput.render(NotificationList(messages)))
                    return
                }
                guard !messages.isEmpty else {
                    session.context.print("no notifications")
                    return
                }
                var table = TextTable("id", "state", "kind", "to", "via", "attempts", "incident", "last error")
                for message in messages {
                    table.append(
                        String(message.id),
                        message.state.rawValue,
                        message.kind,
                        message.recipient,
                        message.channel,
                        String(message.attempts),
                        message.incidentID.map { "INC-\($0)" } ?? "-",
                        message.lastError ?? ""
                    )
                }
                session.context.print(table.rendered)
            }
        }
    }

    struct Retry: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "retry",
            abstract: "Put a dead (or waiting) message back in the queue, to be sent now with fresh attempts."
        )

        @OptionGroup var configOptions: ConfigOptions
        @OptionGroup var storeOptions: StoreOptions
        @Argument(help: ArgumentHelp("The message's id, from 'notifications list'.", valueName: "id")) var id: Int64

        func run() async throws {
            try await IncidentSession.run(config: configOptions, store: storeOptions) { session in
                do {
                    let message = try await session.store.retryMessage(id: id, at: session.now)
                    session.context.print("queued notification \(message.id) to \(message.recipient) again")
                } catch let error as StoreError {
                    session.context.printError("error: \(error.description)")
                    throw error.exitCode
                }
            }
        }
    }
}
