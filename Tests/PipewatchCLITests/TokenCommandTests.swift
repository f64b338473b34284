import Foundation
import PipewatchTestSupport
import Testing

@Suite("token command")
struct TokenCommandTests {
    @Test("token new --scope admin prints an entry that validate accepts as an admin token")
    func adminToken() async throws {
        try await TemporaryDirectory.with { directory in
            // Given a new admin token
            let made = await pipewatch("token", "new", "--name", "ops", "--scope", "admin", in: directory.url)
            #expect(made.status == 0)
            let lines = made.output.split(separator: "\n").map(String.init)
            let entry = try #require(lines.first { $0.hasPrefix("config: ") }?.dropFirst("config: ".count))
            #expect(entry.hasPrefix("- { name: ops, sha256: "))
            #expect(entry.hasSuffix(", scope: admin }"))

            // When its entry is pasted under api.tokens
            try directory.write(
                "pipewatch.yaml",
                """
                team: { name: T, timezone: UTC }
                engineers:
                  a: { name: A, region: US }
                api:
                  tokens:
                    \(entry)
                """
            )

            // Then the config is valid, and the admin token lets ingest in (no 'ingest is disabled' warning)
            let validated = await pipewatch("validate", in: directory.url)
            #expect(validated.status == 0, "\(validated.errorOutput)")
            #expect(!validated.errorOutput.contains("ingest is disabled"))
        }
    }

    @Test("token new refuses a scope other than read, write or admin")
    func unknownScope() async {
        let result = await pipewatch("token", "new", "--name", "x", "--scope", "owner", in: RepositoryFiles.root)
        #expect(result.status == 2)
        #expect(result.errorOutput.contains("--scope must be 'read', 'write' or 'admin'"))
    }
}
