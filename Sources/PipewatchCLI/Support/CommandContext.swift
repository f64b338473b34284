import ArgumentParser
public import Foundation
public import PipewatchCore

/// What a command reads from and writes to outside itself: the environment, the working
/// directory, the clock, and its two output streams. `pipewatch` runs commands with the real
/// ones; tests run them in-process with their own.
public struct CommandContext: Sendable {
    public var environment: [String: String]
    public var currentDirectory: URL
    /// Receives standard output, in pieces that end with a newline.
    public var output: @Sendable (String) -> Void
    /// Receives standard error, in pieces that end with a newline.
    public var errorOutput: @Sendable (String) -> Void
    /// The clock commands read "now" from; `PIPEWATCH_NOW` replaces it.
    public var clock: any WallClock

    /// Creates a context.
    public init(
        environment: [String: String],
        currentDirectory: URL,
        clock: any WallClock = SystemWallClock(),
        output: @escaping @Sendable (String) -> Void,
        errorOutput: @escaping @Sendable (String) -> Void
    ) {
        self.environment = environment
        self.currentDirectory = currentDirectory
        self.clock = clock
        self.output = output
        self.errorOutput = errorOutput
    }

    /// The process's own environment, directory, clock and streams.
    public static var process: CommandContext {
        CommandContext(
            environment: ProcessInfo.processInfo.environment,
            currentDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true),
            output: { FileHandle.standardOutput.write(Data($0.utf8)) },
            errorOutput: { FileHandle.standardError.write(Data($0.utf8)) }
        )
    }

    /// The context of the command running in this task.
    @TaskLocal public static var current: CommandContext = .process

    /// The instant commands act at: `PIPEWATCH_NOW` (ISO 8601 with offset) when set, else the clock.
    /// - Throws: a usage error naming the variable when it does not parse.
    func now() throws -> Date {
        guard let text = environment["PIPEWATCH_NOW"], !text.isEmpty else { return clock.now }
        guard let instant = ISO8601Text.parse(text) else {
            throw ValidationError(
                "PIPEWATCH_NOW '\(text)' is not an ISO 8601 time with offset, such as 2026-03-09T09:00:00-05:00"
            )
        }
        return instant
    }

    /// Writes a line to standard output.
    func print(_ text: String) { output(text.hasSuffix("\n") ? text : text + "\n") }

    /// Writes a line to standard error.
    func printError(_ text: String) { errorOutput(text.hasSuffix("\n") ? text : text + "\n") }
}
