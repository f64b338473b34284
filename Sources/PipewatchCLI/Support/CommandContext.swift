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

    /// Writes a line to standard output.
    func print(_ text: String) { output(text.hasSuffix("\n") ? text : text + "\n") }

    /// Writes a line to standard error.
    func printError(_ text: String) { errorOutput(text.hasSuffix("\n") ? text : text + "\n") }
}
