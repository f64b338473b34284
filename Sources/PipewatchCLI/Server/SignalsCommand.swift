import ArgumentParser
import Foundation
import PipewatchCore
import PipewatchEngine
import PipewatchServer
import PipewatchStore

/// `pipewatch signals`: what needs attention now.
struct SignalsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "signals",
        abstract: "List open signals: failed or slow runs, missed deadlines, late inputs, schema changes.",
        discussion: """
            Signals are worked out from the runs, dataset updates and dbt freshness results in the store, at \
            now (PIPEWATCH_NOW replaces the clock); each opens and clears on its own as new events arrive.
            Exit status 1 when any signal is open, so scripts can alert on it.
            Failures of jobs no pipeline claims are listed too, as '(unmatched)' (map the job in a pipeline's 'jobs').
            JSON is the same object as GET /api/v1/signals: {"signals": [...], "unmatched": [...]}.
            """
    )

    @OptionGroup var configOptions: ConfigOptions
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var output: TableOrJSON
    @Option(help: ArgumentHelp("Only this pipeline's signals.", valueName: "id")) var pipeline: String?

    func run() async throws {
        let context = CommandContext.current
        let now = try context.now()
        let plan = try configOptions.loadPlan(in: context)
        let id = try pipeline.map { try plan.catalog.requirePipeline($0).id }
        let (signals, unmatched) = try await storeOptions.withStore(
            configURL: configOptions.configURL(in: context),
            in: context
        ) { store in
            let signals = try await SignalEvaluation(catalog: plan.catalog, runs: store, checks: store).signals(
                of: id.map { [$0] },
                at: now
            )
            return (signals, id == nil ? try await store.unmatchedFailures() : [])
        }
        let list = SignalList(signals, unmatched: unmatched)
        if output.format == .json {
            context.print(try JSONOutput.render(list))
        } else {
            var table = TextTable("pipeline", "kind", "since", "summary")
            for signal in list.signals {
                table.append(signal.pipeline, signal.kind, signal.openedAt, signal.summary)
            }
            // A job no pipeline claims has no pipeline: '(unmatched)' says so, and the summary names the job.
            for failure in list.unmatched {
                table.append("(unmatched)", failure.kind, failure.openedAt, failure.summary)
            }
            context.print(signals.isEmpty && unmatched.isEmpty ? "no open signals" : table.rendered)
        }
        if !signals.isEmpty || !list.unmatched.isEmpty { throw ExitCode(1) }
    }
}
