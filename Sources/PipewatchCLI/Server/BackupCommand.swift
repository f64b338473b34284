import ArgumentParser
import Foundation
import PipewatchStore

/// `pipewatch backup`: an online copy of the SQLite store.
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the SQLite store into a new file, also while 'pipewatch serve' runs on it.",
        discussion: """
            The copy is one consistent snapshot (SQLite's VACUUM INTO): the server keeps answering and \
            writing meanwhile, and the copy is compacted. Restore by stopping the server and putting the copy \
            in the store's place. PostgreSQL stores are backed up with pg_dump (docs/deployment.md).

              pipewatch backup --to /var/backups/pipewatch/state-$(date +%F).sqlite
            """
    )

    @OptionGroup var configOptions: ConfigOptions
    @OptionGroup var storeOptions: StoreOptions

    @Option(help: ArgumentHelp("The new file to write; it must not exist.", valueName: "file")) var to: String

    func run() async throws {
        let context = CommandContext.current
        let configURL = configOptions.configURL(in: context)
        let target = URL(fileURLWithPath: to, relativeTo: context.currentDirectory).path
        let location = try storeOptions.location(configURL: configURL, in: context)
        let size = try await storeOptions.withStore(configURL: configURL, in: context) { store in
            do {
                return try await store.backup(to: target)
            } catch StoreError.invalidValue(let message) {
                context.printError("error: \(message)")
                throw ExitCode(2)
            }
        }
        context.print("backed up \(location) to \(target) (\(size) bytes)")
    }
}
