import ArgumentParser
import Foundation
import Logging
import PipewatchCore
import PipewatchEngine
import PipewatchProbes
import PipewatchServer
import PipewatchStore

/// `pipewatch check`: the data checks, their latest results and their history.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Run data checks and read their results: freshness, volume, schema, completeness, and more.",
        discussion: """
            Checks are declared per pipeline under 'checks:' and query the databases under 'sources:'. \
            'pipewatch serve' runs them on their schedule ('every', 'cron' or 'after: run'); 'check run' runs \
            them now. Each result is pass, warn, fail (the data is wrong) or error (the check could not look: \
            the source is unreachable, a table or column is missing, the query failed or timed out).
            """,
        subcommands: [CheckListCommand.self, CheckRunCommand.self, CheckHistoryCommand.self]
    )
}

/// `pipewatch check list`.
struct CheckListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the declared checks with their source, schedule and latest result.",
        discussion: "JSON is the same object as GET /api/v1/checks: {\"checks\": [...]}."
    )

    @OptionGroup var configOptions: ConfigOptions
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var output: TableOrJSON
    @Argument(help: ArgumentHelp("Only these pipelines' checks.", valueName: "pipeline")) var pipelines: [String] = []

    func run() async throws {
        let context = CommandContext.current
        let plan = try configOptions.loadPlan(in: context)
        let only = try pipelines.isEmpty ? nil : Set(pipelines.map { try plan.catalog.requirePipeline($0).id })
        let latest = try await storeOptions.withStore(configURL: configOptions.configURL(in: context), in: context) {
            try await $0.latestCheckResults(of: nil)
        }
        let list = CheckList(plan, latest: latest, only: only)
        if output.format == .json {
            context.print(try JSONOutput.render(list))
            return
        }
        var table = TextTable("check", "pipeline", "kind", "schedule", "latest", "what it verifies")
        for check in list.checks {
            let latest = check.latest.map { "\($0.state) \($0.startedAt)" } ?? "never run"
            table.append(check.id, check.pipeline, check.kind, check.schedule, latest, check.summary)
        }
        context.print(list.checks.isEmpty ? "no checks are declared" : table.rendered)
    }
}

/// `pipewatch check run`.
struct CheckRunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run checks now against their sources and store the results.",
        discussion: """
            Name pipelines or checks to run only those; every check runs when none is named. Checks on the same \
            table are folded into one query; each runs in a read-only transaction with its timeout.
            The results raise and clear their pipelines' signals at once, and open or resolve incidents, \
            as 'pipewatch serve' does.
            Exit status 1 when any check fails or errors. JSON is {"results": [...]}, each with check, pipeline, \
            state (pass, warn, fail, error), value, threshold, message, sql and duration_ms.
            """
    )

    @OptionGroup var configOptions: ConfigOptions
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var output: TableOrJSON
    @Argument(help: ArgumentHelp("Pipelines or checks to run (all when none).", valueName: "pipeline-or-check"))
    var names: [String] = []

    func run() async throws {
        let context = CommandContext.current
        let now = try context.now()
        let plan = try configOptions.loadPlan(in: context)
        let chosen = try CheckSelection.resolve(names, in: plan)
        var logger = Logger(label: "pipewatch.checks")
        logger.logLevel = .warning
        let probes = DataProbes(sources: plan.sources, environment: context.environment, logger: logger)
        // The logins to the sources go on while the store opens and the checks' history is read.
        probes.connect(
            Set(
                plan.checks.filter { chosen?.contains($0.check.id) ?? true }.compactMap {
                    plan.source(of: $0.check, in: $0.pipeline)?.id
                }
            )
        )
        let results: [CheckResult]
        do {
            results = try await storeOptions.withStore(
                configURL: configOptions.configURL(in: context),
                in: context
            ) { store in
                // The results raise and clear their pipelines' signals at once, opening incidents as serve would.
                let engine = Engine(
                    plan: plan,
                    store: store,
                    clock: ContinuousClock(),
                    wallClock: FixedWallClock(now),
                    environment: context.environment,
                    baseDirectory: configOptions.configURL(in: context).deletingLastPathComponent(),
                    logger: logger
                )
                let runner = CheckRunner(
                    plan: plan,
                    store: store,
                    probes: probes,
                    evaluate: { pipelines in _ = try? await engine.evaluator.evaluate(pipelines, at: now) },
                    clock: ContinuousClock(),
                    wallClock: context.clock,
                    interval: .seconds(60),
                    logger: logger
                )
                return try await runner.run(chosen, at: now)
            }
            await probes.shutdown()
        } catch {
            await probes.shutdown()
            throw error
        }
        if output.format == .json {
            context.print(try JSONOutput.render(CheckResultList(results)))
        } else {
            context.print(results.isEmpty ? "no checks to run" : CheckResultTable.render(results))
        }
        if results.contains(where: { $0.state.isProblem }) { throw ExitCode(1) }
    }
}

/// `pipewatch check history`.
struct CheckHistoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Show a check's past results, newest first.",
        discussion: "JSON is the same object as GET /api/v1/checks/{id}/history: {\"results\": [...]}."
    )

    @OptionGroup var configOptions: ConfigOptions
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var output: TableOrJSON
    @Argument(help: ArgumentHelp("The check.", valueName: "check")) var check: String
    @Option(help: "How many results to show.") var limit = 20

    func run() async throws {
        let context = CommandContext.current
        let plan = try configOptions.loadPlan(in: context)
        let id = try CheckSelection.requireCheck(check, in: plan)
        guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
        let results = try await storeOptions.withStore(configURL: configOptions.configURL(in: context), in: context) {
            try await $0.checkResults(of: id, limit: limit)
        }
        if output.format == .json {
            context.print(try JSONOutput.render(CheckResultList(results)))
        } else {
            context.print(results.isEmpty ? "check '\(id)' has not run yet" : CheckResultTable.render(results))
        }
    }
}
