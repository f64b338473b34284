import ArgumentParser
import Foundation
import Logging
import PipewatchCore
import PipewatchProbes

/// `pipewatch demo`: writes the demo warehouse the seed's checks run against.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Write the demo warehouse: weeks of realistic data, with faults for the checks to find.",
        discussion: """
            Writes SQLite files for each source marked 'demo: true' (the seed's 'warehouse'): sales, costs, \
            profit, signups, growth and engagement ending now (PIPEWATCH_NOW replaces the clock), with the \
            faults the seed plan names: a stale sales feed, a day of missing engagement events, daily growth \
            that does not add up to the aggregate, and a cost outlier. Run 'pipewatch check run' afterwards to \
            see them fail next to the checks that pass. 'pipewatch serve' writes the demo itself when its files \
            are missing. Running it again rewrites the data as of now.
            """
    )

    @OptionGroup var configOptions: ConfigOptions

    func run() async throws {
        let context = CommandContext.current
        let now = try context.now()
        let plan = try configOptions.loadPlan(in: context)
        let demos = plan.sources.filter(\.isDemo)
        guard !demos.isEmpty else {
            throw ValidationError(
                "no source is marked 'demo: true'; the seed plan's 'warehouse' source is (see examples/seed/pipewatch.yaml)"
            )
        }
        var logger = Logger(label: "pipewatch.demo")
        logger.logLevel = .warning
        for source in demos {
            let files = try await DemoWarehouse.write(into: source, at: now, logger: logger)
            context.print(
                "wrote the demo warehouse of source '\(source.id)' as of \(ISO8601Text.format(now, in: .gmt)):"
            )
            for file in files { context.print("  \(file)") }
        }
    }
}
