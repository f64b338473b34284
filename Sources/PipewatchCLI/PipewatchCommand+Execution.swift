import ArgumentParser
import PipewatchConfig

extension PipewatchCommand {
    /// Parses `arguments` (without the program name), runs the command in the current
    /// ``CommandContext`` and returns the exit status: 0 success, 1 a finding, 2 a usage error, 3
    /// the state store could not be reached or failed.
    public static func execute(_ arguments: [String]) async -> Int32 {
        if let unknown = unknownSubcommand(in: arguments) {
            CommandContext.current.printError(
                "error: unknown command '\(unknown.name)' for '\(unknown.path)'"
                    + (unknown.suggestion.map { "; did you mean '\($0)'?" } ?? "")
                    + "\n  See '\(unknown.path) --help' for the commands."
            )
            return 2
        }
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
            "error: \(command.message(for: error))\n  See '\(path) --help' for more information."
        )
        return 2
    }

    /// The first word of `arguments` that stands where a subcommand must and names none, with the
    /// command it was given to and the closest subcommand name, as `pipewatch oncal now` gives
    /// `oncal`, `pipewatch` and `oncall`. `nil` when every word is a subcommand, an option or an
    /// argument of a command that takes them.
    private static func unknownSubcommand(
        in arguments: [String]
    ) -> (name: String, path: String, suggestion: String?)? {
        var names = ["pipewatch"]
        var current: any ParsableCommand.Type = Self.self
        for argument in arguments {
            let subcommands = current.configuration.subcommands
            guard !subcommands.isEmpty, !argument.hasPrefix("-") else { return nil }
            let named = subcommands.map { ($0.configuration.commandName ?? String(describing: $0).lowercased(), $0) }
            guard let next = named.first(where: { $0.0 == argument }) else {
                // A command with a default subcommand may take this word as that one's argument.
                let suggestion = Suggestion.closest(to: argument, in: named.map(\.0))
                guard current.configuration.defaultSubcommand == nil || suggestion != nil else { return nil }
                return (argument, names.joined(separator: " "), suggestion)
            }
            names.append(argument)
            current = next.1
        }
        return nil
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
        // One style for errors, as compilers print them: `error: …`, never `Error: …`.
        var message = command.fullMessage(for: error)
        if message.hasPrefix("Error: ") { message = "error: " + message.dropFirst("Error: ".count) }
        if code == .success {
            if !message.isEmpty { context.print(message) }
            return 0
        }
        if !message.isEmpty { context.printError(message) }
        return code == .validationFailure ? 2 : code.rawValue
    }
}
