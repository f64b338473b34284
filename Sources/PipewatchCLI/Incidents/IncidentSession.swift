import ArgumentParser
import Foundation
import Logging
import PipewatchCore
import PipewatchEngine
import PipewatchStore

/// What an incident command works with: the plan, the store, the engine over them, and the instant.
struct IncidentSession {
    let context: CommandContext
    let plan: TeamPlan
    let store: SQLStateStore
    let engine: Engine
    let now: Date

    /// Loads the plan, opens the store, and runs `body` with the session; the engine's errors
    /// become their message and exit status 1.
    static func run<R>(
        config: ConfigOptions,
        store: StoreOptions,
        _ body: (IncidentSession) async throws -> R
    ) async throws -> R {
        let context = CommandContext.current
        let now = try context.now()
        let plan = try config.loadPlan(in: context)
        let configURL = config.configURL(in: context)
        return try await store.withStore(configURL: configURL, in: context) { sqlStore in
            let engine = Engine(
                plan: plan,
                store: sqlStore,
                clock: ContinuousClock(),
                wallClock: FixedWallClock(now),
                environment: context.environment,
                baseDirectory: configURL.deletingLastPathComponent(),
                logger: Logger(label: "pipewatch.engine") { _ in SwiftLogNoOpLogHandler() }
            )
            do {
                return try await body(
                    IncidentSession(context: context, plan: plan, store: sqlStore, engine: engine, now: now)
                )
            } catch let error as IncidentError {
                context.printError("error: \(error.description)")
                throw ExitCode(1)
            } catch let error as EngineError {
                context.printError("error: \(error.description)")
                throw ExitCode(1)
            }
        }
    }

    /// The engineer named by `--as`, or a usage error with a suggestion.
    func actor(_ id: String) throws -> String {
        try plan.catalog.requireEngineer(id).id.rawValue
    }

    /// Records a change in the audit log, as every change made from the command line is.
    func audit(_ action: String, by actor: String, _ detail: String) async throws {
        _ = try await store.appendAudit(AuditDraft(at: now, actor: actor, action: action, detail: detail))
    }

    /// An instant as people read it here: ISO 8601 in the team's zone.
    func format(_ instant: Date?) -> String {
        instant.map { ISO8601Text.format($0, in: plan.catalog.team.timeZone) } ?? "-"
    }
}

/// An incident id as typed: `42` or `INC-42`.
struct IncidentID: ExpressibleByArgument {
    let value: Int64

    init?(argument: String) {
        let digits = argument.uppercased().hasPrefix("INC-") ? String(argument.dropFirst(4)) : argument
        guard let value = Int64(digits), value > 0 else { return nil }
        self.value = value
    }
}

/// `--as ENGINEER`, required by every change so the timeline and audit log say who acted.
struct ActorOption: ParsableArguments {
    @Option(
        name: .customLong("as"),
        help: ArgumentHelp(
            "Who is acting (an engineer id); recorded on the timeline and in the audit log.",
            valueName: "engineer"
        )
    )
    var engineer: String
}
