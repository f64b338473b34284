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

    /// Folders outside the config's own that `include:` may read: `PIPEWATCH_ALLOW_INCLUDE`, a
    /// `:`-separated list, relative to the working directory.
    func allowedIncludeFolders(in context: CommandContext) -> [URL] {
        (context.environment["PIPEWATCH_ALLOW_INCLUDE"] ?? "").split(separator: ":").map {
            URL(fileURLWithPath: String($0), relativeTo: context.currentDirectory)
        }
    }

    /// The validated plan; warnings go to standard error, errors end the command with exit status 1.
    func loadPlan(in context: CommandContext) throws -> TeamPlan {
        do {
            let (plan, warnings) = try ConfigLoader.load(
                configURL(in: context),
                currentDirectory: context.currentDirectory,
                allowedIncludeFolders: allowedIncludeFolders(in: context)
            )
            for warning in warnings { context.printError(warning.description) }
            return plan
        } catch {
            context.printError(error.description)
            throw ExitCode(1)
        }
    }
}
