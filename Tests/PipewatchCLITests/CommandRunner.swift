import Foundation
import PipewatchCLI
import PipewatchCore
import Synchronization

/// What one in-process run of `pipewatch` printed, and its exit status.
struct CommandResult {
    let status: Int32
    let output: String
    let errorOutput: String
}

/// Runs `pipewatch ARGUMENTS` in-process, in `directory`, with its own environment and streams.
func pipewatch(_ arguments: String..., in directory: URL, environment: [String: String] = [:]) async -> CommandResult {
    await pipewatch(arguments: arguments, in: directory, environment: environment)
}

/// Runs `pipewatch` with an argument array.
func pipewatch(arguments: [String], in directory: URL, environment: [String: String] = [:]) async -> CommandResult {
    let output = Mutex("")
    let errorOutput = Mutex("")
    let context = CommandContext(
        environment: environment,
        currentDirectory: directory,
        clock: FixedWallClock(Date(timeIntervalSince1970: 1_795_000_000)),
        output: { text in output.withLock { $0 += text } },
        errorOutput: { text in errorOutput.withLock { $0 += text } }
    )
    let status = await CommandContext.$current.withValue(context) {
        await PipewatchCommand.execute(arguments)
    }
    return CommandResult(status: status, output: output.withLock { $0 }, errorOutput: errorOutput.withLock { $0 })
}
