import ArgumentParser
import Foundation
import PipewatchCore
import PipewatchEngine
import PipewatchStore

/// `pipewatch feed`: calendar feeds, the secret URLs that calendar apps subscribe to.
struct FeedCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feed",
        abstract: "Make, list and revoke calendar feeds of on-call shifts (iCalendar URLs for calendar apps).",
        discussion: """
            A feed is served by 'pipewatch serve' at /feeds/TOKEN.ics with no other sign-in: the token in the URL \
            is the credential, so share it like a password. The store keeps only the token's SHA-256, so the URL \
            is printed once, when the feed is made; 'feed revoke' ends it (the URL answers 404 from then on) and \
            'feed new' makes another.

            An engineer's feed has their shifts and their days off (public holidays by name, company days, time \
            off); the team's feed has everyone's shifts. Both cover 28 days back through 26 weeks ahead, in UTC; \
            a shift keeps its UID while it does not change, so calendar apps update rather than duplicate it.

              pipewatch feed new b --url https://pipewatch.example.com
              pipewatch feed new --team
              pipewatch feed list
              pipewatch feed revoke 3
            """,
        subcommands: [New.self, List.self, Revoke.self]
    )

    struct New: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "new",
            abstract: "Make a feed and print its secret URL (once)."
        )

        @OptionGroup var configOptions: ConfigOptions
        @OptionGroup var storeOptions: StoreOptions
        @Argument(help: ArgumentHelp("The engineer whose shifts the feed holds.", valueName: "engineer"))
        var engineer: String?
        @Flag(help: "A feed of the whole team's shifts instead of one engineer's.") var team = false
        @Option(help: ArgumentHelp("The server's address, to print the whole URL.", valueName: "url")) var url: String?
        @OptionGroup var author: AuthorOption

        func validate() throws {
            if team == (engineer != nil) {
                throw ValidationError("name one ENGINEER, or give --team for the team's feed")
            }
            if let url, !(url.hasPrefix("http://") || url.hasPrefix("https://")) {
                throw ValidationError("--url '\(url)' must start with http:// or https://")
            }
        }

        func run() async throws {
            let actor = try author.name(in: .current)
            try await ScheduleSession.run(config: configOptions, store: storeOptions) { session in
                let id = try engineer.map { try session.engineer($0).id }
                let service = CalendarFeedService(schedule: ScheduleService(plan: session.plan, store: session.store))
                let (feed, token) = try await service.make(for: id, by: actor, at: session.now)
                let path = "/feeds/\(token).ics"
                let base = url.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
                session.context.print("calendar feed #\(feed.id) for \(feed.subject)")
                session.context.print("url: \(base.map { $0 + path } ?? path)")
                if base == nil { session.context.print("(after the address 'pipewatch serve' listens on)") }
                session.context.print("the URL is shown only now; 'pipewatch feed revoke \(feed.id)' ends it")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List feeds (never their tokens)."
        )

        @OptionGroup var configOptions: ConfigOptions
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var output: TableOrJSON

        struct Row: Encodable {
            let id: Int64
            let engineer: String?
            let createdBy: String
            let createdAt: String
            let revokedAt: String?

            enum CodingKeys: String, CodingKey {
                case id, engineer
                case createdBy = "created_by"
                case createdAt = "created_at"
                case revokedAt = "revoked_at"
            }
        }

        func run() async throws {
            try await ScheduleSession.run(config: configOptions, store: storeOptions) { session in
                let rows = try await session.store.calendarFeeds().map {
                    Row(
                        id: $0.id,
                        engineer: $0.engineer?.rawValue,
                        createdBy: $0.createdBy,
                        createdAt: session.format($0.createdAt),
                        revokedAt: $0.revokedAt.map(session.format)
                    )
                }
                if output.format == .json {
                    session.context.print(try JSONOutput.render(rows))
                } else {
                    var table = TextTable("id", "for", "made by", "made at", "state")
                    for row in rows {
                        table.append(
                            String(row.id),
                            row.engineer ?? "(team)",
                            row.createdBy,
                            row.createdAt,
                            row.revokedAt.map { "revoked \($0)" } ?? "active"
                        )
                    }
                    session.context.print(table.rendered)
                }
            }
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "revoke",
            abstract: "Revoke a feed: its URL answers 404 from now on."
        )

        @OptionGroup var configOptions: ConfigOptions
        @OptionGroup var storeOptions: StoreOptions
        @Argument(help: ArgumentHelp("The feed's id (see 'feed list').", valueName: "id")) var id: Int64
        @OptionGroup var author: AuthorOption

        func run() async throws {
            let actor = try author.name(in: .current)
            try await ScheduleSession.run(config: configOptions, store: storeOptions) { session in
                let service = CalendarFeedService(schedule: ScheduleService(plan: session.plan, store: session.store))
                let feed = try await service.revoke(id: id, by: actor, at: session.now)
                session.context.print("revoked calendar feed #\(feed.id) for \(feed.subject)")
            }
        }
    }
}
