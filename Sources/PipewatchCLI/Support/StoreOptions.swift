import ArgumentParser
import Foundation
import Logging
import PipewatchStore

/// The `--database` option of commands that read or change run-time state.
struct StoreOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Where run-time state lives: a SQLite file, ':memory:', or a postgres:// URL.",
            discussion:
                "Without it, PIPEWATCH_DATABASE_URL, and without that .pipewatch/state.sqlite beside the config.",
            valueName: "url-or-path"
        )
    )
    var database: String?

    /// Where the store is: `--database`, else `PIPEWATCH_DATABASE_URL`, else beside the config.
    func location(configURL: URL, in context: CommandContext) throws -> StoreLocation {
        do {
            return try StoreLocation.resolve(
                option: database,
                environment: context.environment,
                configDirectory: configURL.deletingLastPathComponent().path
            )
        } catch {
            throw ValidationError(error.description)
        }
    }

    /// Opens the store for the config at `configURL`, runs `body`, and closes the store on every path.
    func withStore<R>(
        configURL: URL,
        in context: CommandContext,
        _ body: (SQLStateStore) async throws -> R
    ) async throws -> R {
        let location = try location(configURL: configURL, in: context)
        do {
            var logger = Logger(label: "pipewatch.store")
            logger.logLevel = .warning
            return try await SQLStateStore.withStore(at: location, logger: logger, body)
        } catch let error as StoreError {
            context.printError("error: \(error.description)")
            throw error.exitCode
        }
    }
}
