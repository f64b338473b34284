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
            JSON is the same object as GET /api/v1/signals: {"signals": [...]}.
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
        let signals = try await storeOptions.withStore(configURL: configOptions.configURL(in: context), in: context) {
            try await SignalEvaluation(catalog: plan.catalog, runs: $0, checks: $0).signals(
                of: id.map { [$0] },
                at: now
            )
        }
        if output.format == .json {
            context.print(try JSONOutput.render(SignalList(signals)))
        } else {
            var table = TextTable("pipeline", "kind", "since", "summary")
            for signal in signals.map(SignalDocument.init) {
                table.append(signal.pipeline, signal.kind, signal.openedAt, signal.summary)
            }
            context.print(signals.isEmpty ? "no open signals" : table.rendered)
        }
        if !signals.isEmpty { throw ExitCode(1) }
    }
}
