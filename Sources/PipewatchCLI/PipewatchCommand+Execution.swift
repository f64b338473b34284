import ArgumentParser

extension PipewatchCommand {
    /// Parses `arguments` (without the program name), runs the command in the current
    /// ``CommandContext`` and returns the exit status: 0 success, 1 a finding, 2 a usage error.
    public static func execute(_ arguments: [String]) async -> Int32 {
        let command: any ParsableCommand
        do {
            command = try parseAsRoot(arguments)
        } catch {
            return report(error, as: Self.self)
        }
        do {
            var running = command
            if var asyncCommand = running as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try running.run()
            }
            return 0
        } catch {
            return report(runError: error, as: type(of: command), path: commandPath(arguments))
        }
    }

    /// An error from a subcommand's `run()`: its message, and where to read that subcommand's help
    /// (the root's usage would point at the wrong command).
    private static func report(runError error: any Error, as command: any ParsableCommand.Type, path: String) -> Int32 {
        let code = command.exitCode(for: error)
        guard code == .validationFailure else { return report(error, as: command) }
        CommandContext.current.printError(
            "Error: \(command.message(for: error))\n  See '\(path) --help' for more information."
        )
        return 2
    }

    /// `pipewatch oncall at`: the program and the subcommand names at the start of `arguments`.
    private static func commandPath(_ arguments: [String]) -> String {
        var names = ["pipewatch"]
        var current: any ParsableCommand.Type = Self.self
        for argument in arguments {
            guard
                let next = current.configuration.subcommands.first(where: {
                    ($0.configuration.commandName ?? String(describing: $0).lowercased()) == argument
                })
            else { break }
            names.append(argument)
            current = next
        }
        return names.joined(separator: " ")
    }

    /// Prints `error` as `command` explains it and returns the exit status (usage errors are 2).
    private static func report(_ error: any Error, as command: any ParsableCommand.Type) -> Int32 {
        let context = CommandContext.current
        let code = command.exitCode(for: error)
        let message = command.fullMessage(for: error)
        if code == .success {
            if !message.isEmpty { context.print(message) }
            return 0
        }
        if !message.isEmpty { context.printError(message) }
        return code == .validationFailure ? 2 : code.rawValue
    }
}
