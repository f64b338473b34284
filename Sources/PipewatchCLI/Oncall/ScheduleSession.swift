import ArgumentParser
import Foundation
import PipewatchCore
import PipewatchEngine
import PipewatchStore

/// Everything an on-call command works with: the plan, the store, the instant, and a calculator
/// built from the config and the run-time state (time off, accepted swaps, overrides).
struct ScheduleSession {
    let context: CommandContext
    let plan: TeamPlan
    let policy: OncallPolicy
    let store: SQLStateStore
    let now: Date

    var zone: TimeZone { plan.catalog.team.timeZone }

    /// Loads the plan, opens the store, and runs `body` with the session.
    static func run<R>(
        config: ConfigOptions,
        store: StoreOptions,
        _ body: (ScheduleSession) async throws -> R
    ) async throws -> R {
        let context = CommandContext.current
        let now = try context.now()
        let plan = try config.loadPlan(in: context)
        guard let policy = plan.oncall else {
            context.printError("error: the config has no 'oncall:' section; add a rotation to use on-call commands")
            throw ExitCode(1)
        }
        return try await store.withStore(configURL: config.configURL(in: context), in: context) { sqlStore in
            try await body(ScheduleSession(context: context, plan: plan, policy: policy, store: sqlStore, now: now))
        }
    }

    /// A calculator over the config and what the store holds now.
    func calculator() async throws -> ScheduleCalculator {
        do {
            return try await ScheduleService(plan: plan, store: store).calculator(policy: policy)
        } catch let error as ScheduleError {
            context.printError("error: \(error.description)")
            throw ExitCode(1)
        }
    }

    /// The run-time changes to the schedule (swaps, time off), as every front end makes them.
    var changes: ScheduleChanges { ScheduleChanges(schedule: ScheduleService(plan: plan, store: store)) }

    /// Runs `body`, turning a refusal (a schedule rule, or who may decide) into its message on
    /// stderr and exit status 1.
    func refusing<R>(_ body: () async throws -> R) async throws -> R {
        do {
            return try await body()
        } catch let error as ScheduleError {
            context.printError("error: \(error.description)")
            throw ExitCode(1)
        } catch let error as EngineError {
            context.printError("error: \(error.description)")
            throw ExitCode(1)
        }
    }

    /// Runs `body`, turning a schedule error into its message on stderr and exit status 1.
    func checked<R>(_ body: () throws(ScheduleError) -> R) throws -> R {
        do {
            return try body()
        } catch {
            context.printError("error: \(error.description)")
            throw ExitCode(1)
        }
    }

    /// An engineer id from the command line, or a usage error with a suggestion.
    func engineer(_ id: String) throws -> Engineer {
        try plan.catalog.requireEngineer(id)
    }

    /// A time from the command line, or a usage error naming the option.
    func instant(_ text: String, option: String) throws -> Date {
        guard let instant = InstantArgument.parse(text, in: zone) else {
            throw ValidationError(InstantArgument.message(option, text))
        }
        return instant
    }

    /// An instant as people read it here: ISO 8601 in the team's zone.
    func format(_ instant: Date) -> String { ISO8601Text.format(instant, in: zone) }

    /// Prints the gaps and the provisional holiday years in `schedule` as warnings; returns
    /// whether there were gaps.
    @discardableResult
    func warnAboutGaps(in schedule: Schedule) -> Bool {
        for gap in schedule.uncoveredGaps {
            context.printError(
                "warning: nobody can be on call from \(format(gap.start)) to \(format(gap.end)): \(gap.explanation)"
            )
        }
        for year in schedule.provisional { context.printError("warning: \(year)") }
        return !schedule.uncoveredGaps.isEmpty
    }
}
