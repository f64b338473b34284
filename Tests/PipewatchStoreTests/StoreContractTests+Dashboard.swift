import Foundation
import PipewatchCore
import PipewatchStore
import PipewatchTestSupport
import Testing

extension StoreContractTests {
    @Test(
        "a dashboard session is found by its hash until it expires, and is gone after sign-out",
        arguments: StoreBackend.available
    )
    func dashboardSessions(backend: StoreBackend) async throws {
        try await withTestStore(backend) { store in
            // Given two sessions, one ending in an hour and one that ended an hour ago
            let live = DashboardSession(
                idSHA256: String(repeating: "1", count: 64),
                userName: "alex",
                csrfToken: "token-1",
                createdAt: Fixtures.now,
                expiresAt: Fixtures.at(hours: 1)
            )
            let old = DashboardSession(
                idSHA256: String(repeating: "2", count: 64),
                userName: "vera",
                csrfToken: "token-2",
                createdAt: Fixtures.at(hours: -13),
                expiresAt: Fixtures.at(hours: -1)
            )
            try await store.createSession(live)
            try await store.createSession(old)
            // Then the live one is found, the expired one is not, and cleaning removes only it
            #expect(try await store.session(idSHA256: live.idSHA256, at: Fixtures.now) == live)
            #expect(try await store.session(idSHA256: old.idSHA256, at: Fixtures.now) == nil)
            #expect(try await store.session(idSHA256: live.idSHA256, at: Fixtures.at(hours: 1)) == nil)
            #expect(try await store.deleteExpiredSessions(at: Fixtures.now) == 1)
            #expect(try await store.session(idSHA256: live.idSHA256, at: Fixtures.now) == live)
            // When signing out
            try await store.deleteSession(idSHA256: live.idSHA256)
            #expect(try await store.session(idSHA256: live.idSHA256, at: Fixtures.now) == nil)
            try await store.deleteSession(idSHA256: live.idSHA256)  // twice is no error
        }
    }
}
