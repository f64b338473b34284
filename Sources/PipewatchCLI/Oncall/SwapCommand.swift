import ArgumentParser
import Foundation
import PipewatchCore
import PipewatchEngine
import PipewatchStore

/// `pipewatch swap`: hand part of a shift to a colleague, with notice and consent.
struct SwapCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "swap",
        abstract: "Request, accept, decline, cancel and list shift swaps.",
        discussion: """
            A swap hands an interval of your shifts to a colleague. It must be requested at least the config's \
            swap_notice (7 days by default) before it starts, lie within shifts you hold, and the taker must be \
            available for the whole interval. Only the taker accepts; only the requester cancels. Pending swaps \
            do not change the schedule; accepted ones do. Every step is in 'pipewatch audit'.

              pipewatch swap request --from a --to b --start 2026-03-09T09:00 --end 2026-03-11T09:00 --reason dentist
              pipewatch swap accept 4 --as b
              pipewatch swap list --status pending

            For emergencies, without notice, use 'pipewatch override'.
            """,
        subcommands: [Request.self, Accept.self, Decline.self, Cancel.self, List.self]
    )

    struct Request: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "request",
            abstract: "Ask a colleague to take over part of your shifts."
        )

        @OptionGroup var configOptions: ConfigOptions
        @OptionGroup var storeOptions: StoreOptions
        @Option(
            name: .customLong("from"),
            help: ArgumentHelp("You: the engineer who holds the shifts.", valueName: "id")
        )
        var requester: String
        @Option(name: .customLong("to"), help: ArgumentHelp("The colleague asked to take over.", valueName: "id"))
        var taker: String
        @Option(help: ArgumentHelp("Start of the interval handed over.", valueName: "time")) var start: String
        @Option(help: ArgumentHelp("End of the interval handed over.", valueName: "time")) var end: String
        @Option(help: "Why.") var reason: String?

        func run() async throws {
            try await ScheduleSession.run(config: configOptions, store: storeOptions) { session in
                let (from, to) = (try session.engineer(requester).id, try session.engineer(taker).id)
                let interval = (
                    try session.instant(start, option: "--start"), try session.instant(end, option: "--end")
                )
                let stored = try await session.refusing {
                    try await session.changes.requestSwap(
                        from: from,
                        to: to,
                        interval: interval.0..<interval.1,
                        reason: reason,
                        at: session.now
                    )
                }
                session.context.print("swap request #\(stored.id) is pending: \(SwapText.describe(stored, session))")
                session.context.print("next: '\(to)' runs 'pipewatch swap accept \(stored.id) --as \(to)'")
            }
        }
    }

    /// What accepting, declining and cancelling all take: the request and who acts.
    struct DecisionOptions: ParsableArguments {
        @OptionGroup var configOptions: ConfigOptions
        @OptionGroup var storeOptions: StoreOptions
        @Argument(help: ArgumentHelp("The request's id.", valueName: "id")) var id: Int64
        @Option(
            name: .customLong("as"),
            help: ArgumentHelp("You: the taker, or for cancel the requester.", valueName: "id")
        )
        var actor: String

        func decide(_ status: SwapStatus, role: SwapDecision.Role) async throws {
            try await SwapDecision.decide(
                id,
                as: status,
                by: actor,
                role: role,
                config: configOptions,
                store: storeOptions
            )
        }
    }

    struct Accept: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "accept",
            abstract: "Accept a swap asked of you; the schedule changes."
        )
        @OptionGroup var options: DecisionOptions
        func run() async throws { try await options.decide(.accepted, role: .taker) }
    }

    struct Decline: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "decline",
            abstract: "Decline a swap asked of you."
        )
        @OptionGroup var options: DecisionOptions
        func run() async throws { try await options.decide(.declined, role: .taker) }
    }

    struct Cancel: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "cancel",
            abstract: "Withdraw a swap you requested."
        )
        @OptionGroup var options: DecisionOptions
        func run() async throws { try await options.decide(.cancelled, role: .requester) }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List swap requests.")

        @OptionGroup var configOptions: ConfigOptions
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var output: TableOrJSON
        @Option(help: "Only requests in this state: pending, accepted, declined or cancelled.") var status: String?

        struct Row: Encodable {
            let id: Int64
            let requester: String
            let taker: String
            let start: String
            let end: String
            let status: String
            let reason: String?
            let requestedAt: String

            enum CodingKeys: String, CodingKey {
                case id, requester, taker, start, end, status, reason
                case requestedAt = "requested_at"
            }
        }

        func run() async throws {
            let wanted = try status.map { text -> SwapStatus in
                guard let value = SwapStatus(rawValue: text) else {
                    throw ValidationError("unknown status '\(text)'; use pending, accepted, declined or cancelled")
                }
                return value
            }
            try await ScheduleSession.run(config: configOptions, store: storeOptions) { session in
                let rows = try await session.store.swapRequests(status: wanted).map {
                    Row(
                        id: $0.id,
                        requester: $0.requester.rawValue,
                        taker: $0.taker.rawValue,
                        start: session.format($0.start),
                        end: session.format($0.end),
                        status: $0.status.rawValue,
                        reason: $0.reason,
                        requestedAt: session.format($0.requestedAt)
                    )
                }
                if output.format == .json {
                    session.context.print(try JSONOutput.render(rows))
                } else {
                    var table = TextTable("id", "from", "to", "start", "end", "status", "reason")
                    for row in rows {
                        table.append(
                            String(row.id),
                            row.requester,
                            row.taker,
                            row.start,
                            row.end,
                            row.status,
                            row.reason ?? ""
                        )
                    }
                    session.context.print(table.rendered)
                }
            }
        }
    }
}
