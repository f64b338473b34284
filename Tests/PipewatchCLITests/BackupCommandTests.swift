import Foundation
import Logging
import PipewatchStore
import PipewatchTestSupport
import Testing

@Suite("backup command")
struct BackupCommandTests {
    let root = RepositoryFiles.root
    let seed = "examples/seed/pipewatch.yaml"
    let now = ["PIPEWATCH_NOW": "2026-11-27T12:00:00Z"]

    @Test("backup copies the SQLite store while it is open, and the copy reads back the same state")
    func onlineCopy() async throws {
        try await TemporaryDirectory.with { directory in
            // Given: a store with time off in it, held open as a running server holds it
            let database = directory.url.appendingPathComponent("state.sqlite").path
            let copy = directory.url.appendingPathComponent("copy.sqlite").path
            let added = await pipewatch(
                arguments: ["timeoff", "add", "b", "2027-08-03", "2027-08-04", "--reason", "before", "--as", "lead"]
                    + ["--config", seed, "--database", database],
                in: root,
                environment: now
            )
            #expect(added.status == 0, "\(added.errorOutput)")
            try await SQLStateStore.withStore(at: .sqliteFile(path: database), logger: .discarding) { _ in
                // When
                let backup = await pipewatch(
                    arguments: ["backup", "--to", copy, "--config", seed, "--database", database],
                    in: root
                )
                // Then
                #expect(backup.status == 0, "\(backup.errorOutput)")
                #expect(backup.output.hasPrefix("backed up \(database) to \(copy) ("))
            }
            let listed = await pipewatch(
                arguments: ["timeoff", "list", "--format", "json", "--config", seed, "--database", copy],
                in: root,
                environment: now
            )
            #expect(listed.status == 0)
            #expect(listed.output.contains(#""reason" : "before""#))

            // An existing file is never overwritten
            let again = await pipewatch(
                arguments: ["backup", "--to", copy, "--config", seed, "--database", database],
                in: root
            )
            #expect(again.status == 2)
            #expect(again.errorOutput.contains("exists already"))
        }
    }

    @Test("backup of an in-memory store is a usage error that says why")
    func inMemory() async {
        let result = await pipewatch(
            arguments: ["backup", "--to", "/tmp/never.sqlite", "--config", seed, "--database", ":memory:"],
            in: root
        )
        #expect(result.status == 2)
        #expect(result.errorOutput.contains("nothing to back up"))
    }
}
