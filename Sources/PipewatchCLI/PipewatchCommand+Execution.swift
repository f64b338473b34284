import ArgumentParser

extension PipewatchCommand {
    /// Parses `arguments` (without the program name), runs the command in the current
    /// ``CommandContext`` and returns the exit status: 0 success, 1 a finding, 2 a usage error.
    public static func execute(_ arguments: [String]) async -> Int32 {
        let context = CommandContext.current
        do {
            var command = try parseAsRoot(arguments)
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            return 0
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { context.print(message) }
                return 0
            }
            if !message.isEmpty { context.printError(message) }
            return code == .validationFailure ? 2 : code.rawValue
        }
    }
}
