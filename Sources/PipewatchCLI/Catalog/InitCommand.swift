import ArgumentParser
import Foundation
import PipewatchConfig

/// `pipewatch init`: a commented starter config.
struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a commented starter pipewatch.yaml that validates.",
        discussion: """
            Writes DIR/pipewatch.yaml (DIR defaults to the current directory) with a team, two engineers, a \
            stakeholder, two pipelines (one reporting to investors, with its run book), an on-call rotation and \
            an escalation policy. Edit it, then run 'pipewatch validate'. An existing file is left alone unless \
            --force is given.
            """
    )

    @Argument(help: ArgumentHelp("Where to write pipewatch.yaml.", valueName: "dir"))
    var directory: String = "."

    @Flag(help: "Overwrite an existing pipewatch.yaml.")
    var force = false

    func run() async throws {
        let context = CommandContext.current
        let folder = URL(fileURLWithPath: directory, relativeTo: context.currentDirectory).standardizedFileURL
        let file = folder.appendingPathComponent(ConfigLocator.defaultFileName)
        let shown = ConfigLocator.displayPath(of: file, relativeTo: context.currentDirectory)
        if FileManager.default.fileExists(atPath: file.path), !force {
            context.printError("'\(shown)' already exists; pass --force to overwrite it")
            throw ExitCode(1)
        }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(StarterConfig.text.utf8).write(to: file, options: .atomic)
        } catch {
            context.printError("cannot write '\(shown)': \(error.localizedDescription)")
            throw ExitCode(1)
        }
        context.print("wrote \(shown)\nnext: edit it, then run 'pipewatch validate --config \(shown)'")
    }
}
