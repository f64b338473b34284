import ArgumentParser
import Foundation
import PipewatchConfig
import PipewatchCore

/// The `--config` option every command that reads the plan shares.
struct ConfigOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The config file.",
            discussion: "Without it, PIPEWATCH_CONFIG names the file, and without that ./pipewatch.yaml is read.",
            valueName: "path"
        )
    )
    var config: String?

    /// The config file this invocation reads.
    func configURL(in context: CommandContext) -> URL {
        ConfigLocator.locate(
            explicit: config,
            environment: context.environment,
            currentDirectory: context.currentDirectory
        )
    }

    /// The validated plan; warnings go to standard error, errors end the command with exit status 1.
    func loadPlan(in context: CommandContext) throws -> TeamPlan {
        do {
            let (plan, warnings) = try ConfigLoader.load(
                configURL(in: context),
                currentDirectory: context.currentDirectory
            )
            for warning in warnings { context.printError(warning.description) }
            return plan
        } catch {
            context.printError(error.description)
            throw ExitCode(1)
        }
    }
}
