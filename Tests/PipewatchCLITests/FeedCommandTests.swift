import Foundation
import PipewatchTestSupport
import Testing

/// `pipewatch feed` end to end, in-process, on the seed team with a fresh SQLite store each.
@Suite("feed commands")
struct FeedCommandTests {
    let root = RepositoryFiles.root

    private func run(_ arguments: [String], in directory: TemporaryDirectory) async -> CommandResult {
        let database = directory.url.appendingPathComponent("state.sqlite").path
        return await pipewatch(
            arguments: arguments + ["--config", "examples/seed/pipewatch.yaml", "--database", database],
            in: root,
            environment: ["PIPEWATCH_NOW": "2026-11-27T12:00:00Z", "USER": "lead"]
        )
    }

    @Test("feed new prints the secret URL once; list never shows it; revoke ends the feed, once")
    func lifecycle() async throws {
        try await TemporaryDirectory.with { directory in
            // When
            let made = await run(["feed", "new", "b", "--url", "https://pw.example.com/"], in: directory)
            let team = await run(["feed", "new", "--team"], in: directory)
            // Then
            #expect(made.status == 0)
            let lines = made.output.split(separator: "\n").map(String.init)
            #expect(lines.first == "calendar feed #1 for engineer 'b'")
            let url = try #require(lines.dropFirst().first)
            #expect(url.wholeMatch(of: /url: https:\/\/pw\.example\.com\/feeds\/[0-9a-f]{64}\.ics/) != nil)
            #expect(team.output.hasPrefix("calendar feed #2 for team\nurl: /feeds/"))
            let token = String(url.suffix(68).prefix(64))
            let listed = await run(["feed", "list", "--format", "json"], in: directory)
            #expect(!listed.output.contains(token))
            #expect(listed.output.contains(#""engineer" : "b""#) || listed.output.contains(#""engineer":"b""#))

            // When
            let revoked = await run(["feed", "revoke", "1"], in: directory)
            let twice = await run(["feed", "revoke", "1"], in: directory)
            let table = await run(["feed", "list"], in: directory)
            let audit = await run(["audit"], in: directory)
            // Then
            #expect(revoked.status == 0 && revoked.output == "revoked calendar feed #1 for engineer 'b'\n")
            #expect(twice.status == 1)
            #expect(twice.errorOutput.contains("calendar feed '1' was already revoked at 2026-11-27T12:00:00+00:00"))
            #expect(table.output.contains("revoked 2026-11-27T07:00:00-05:00"))
            #expect(table.output.contains("(team)"))
            #expect(audit.output.contains("feed.revoke"))
        }
    }

    @Test("feed new needs exactly one of an engineer and --team, and a known engineer")
    func usage() async throws {
        await TemporaryDirectory.with { directory in
            let neither = await run(["feed", "new"], in: directory)
            let both = await run(["feed", "new", "b", "--team"], in: directory)
            let unknown = await run(["feed", "new", "zz"], in: directory)
            #expect(neither.status == 2 && both.status == 2)
            #expect(neither.errorOutput.contains("name one ENGINEER, or give --team for the team's feed"))
            #expect(unknown.status != 0)
            #expect(unknown.errorOutput.contains("'zz'"))
        }
    }
}
