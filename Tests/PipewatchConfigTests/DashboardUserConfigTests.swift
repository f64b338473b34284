import Foundation
import PipewatchConfig
import PipewatchCore
import Testing

@Suite("api.users: who signs in to the dashboard")
struct DashboardUserConfigTests {
    static let hashA = String(repeating: "a", count: 64)
    static let hashB = String(repeating: "b", count: 64)
    static let hashC = String(repeating: "c", count: 64)

    @Test("users are read with their role, engineer and token hash")
    func valid() async throws {
        let yaml =
            baseConfig + """
                api:
                  read_access: token
                  users:
                    - { name: alice, engineer: a, role: engineer, sha256: \(Self.hashA) }
                    - { name: lead, role: admin, sha256: \(Self.hashB) }
                    - { name: cfo, role: viewer, sha256: \(Self.hashC) }

                """
        let found = try await report(yaml)
        #expect(found.diagnostics.map(\.description) == [])
        let users = try #require(found.plan?.api.users)
        #expect(
            users == [
                DashboardUser(name: "alice", engineer: "a", role: .engineer, sha256: Self.hashA),
                DashboardUser(name: "lead", role: .admin, sha256: Self.hashB),
                DashboardUser(name: "cfo", role: .viewer, sha256: Self.hashC),
            ]
        )
        #expect(found.plan?.api.user(hashed: Self.hashA)?.actor == "a")
        #expect(found.plan?.api.user(hashed: Self.hashB)?.actor == "dashboard:lead")
    }

    @Test("a bad user is an error at its line and column, with a hint")
    func invalid() async throws {
        let yaml =
            baseConfig + """
                api:
                  users:
                    - { name: alice, engineer: zz, role: engineer, sha256: \(Self.hashA) }
                    - { name: bob, role: owner, sha256: \(Self.hashB) }
                    - { name: carol, role: engineer, sha256: \(Self.hashC) }
                    - { name: dan, role: viewer, sha256: ABC }
                    - { name: eve, role: viewer, sha256: \(Self.hashA) }
                    - { name: eve, role: viewer, sha256: \(Self.hashB) }
                    - { name: fay, role: viewer, sha256: \(Self.hashA) }

                """
        let found = try await findings(yaml)
        #expect(found.count == 6, "\(found)")
        let expected = [
            "pipewatch.yaml:15:32: error: api.users[0].engineer: unknown engineer 'zz'",
            "pipewatch.yaml:16:26: error: api.users[1].role: unknown role 'owner'",
            "pipewatch.yaml:17:28: error: api.users[2].role: a user with role 'engineer' must name the engineer they are",
            "pipewatch.yaml:18:42: error: api.users[3].sha256: expected 64 lower-case hex digits",
            "pipewatch.yaml:20:7: error: api.users[5]: user name 'eve' is used twice",
            "pipewatch.yaml:21:7: error: api.users[6]: user 'fay' has the same sha256 as another user or API token",
        ]
        for prefix in expected {
            #expect(found.contains { $0.hasPrefix(prefix) }, "no finding starts with \(prefix): \(found)")
        }
        #expect(found.allSatisfy { $0.contains("hint:") || $0.contains("sha256: expected") }, "\(found)")
    }
}
