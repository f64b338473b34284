import ArgumentParser
import Foundation
import PipewatchCore
import PipewatchStore

/// `pipewatch audit`: who changed the schedule, and when.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Show the audit log of time off, swaps and overrides, newest first."
    )

    @OptionGroup var configOptions: ConfigOptions
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var output: TableOrJSON
    @Option(help: "How many entries to show.") var limit = 50

    func validate() throws {
        guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
    }

    struct Row: Encodable {
        let id: Int64
        let at: String
        let actor: String
        let action: String
        let detail: String
    }

    func run() async throws {
        try await ScheduleSession.run(config: configOptions, store: storeOptions) { session in
            let rows = try await session.store.auditEntries(limit: limit).map {
                Row(id: $0.id, at: session.format($0.at), actor: $0.actor, action: $0.action, detail: $0.detail)
            }
            if output.format == .json {
                session.context.print(try JSONOutput.render(rows))
            } else {
                var table = TextTable("at", "actor", "action", "detail")
                for row in rows { table.append(row.at, row.actor, row.action, row.detail) }
                session.context.print(table.rendered)
            }
        }
    }
}
