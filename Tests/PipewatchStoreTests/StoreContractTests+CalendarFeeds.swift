import Foundation
import PipewatchCore
import PipewatchStore
import PipewatchTestSupport
import Testing

extension StoreContractTests {
    private static let hashA = String(repeating: "a1", count: 32)
    private static let hashB = String(repeating: "b2", count: 32)

    @Test(
        "a calendar feed is found by its token's hash until it is revoked, and both steps are audited",
        arguments: StoreBackend.available
    )
    func calendarFeedLifecycle(backend: StoreBackend) async throws {
        try await withTestStore(backend) { store in
            // Given
            let personal = try await store.addCalendarFeed(
                engineer: "a",
                tokenSHA256: Self.hashA,
                createdBy: "lead",
                at: Fixtures.now
            ) { Fixtures.audit("feed.new \($0.id)", actor: "lead") }
            let team = try await store.addCalendarFeed(
                engineer: nil,
                tokenSHA256: Self.hashB,
                createdBy: "lead",
                at: Fixtures.at(hours: 1)
            ) { Fixtures.audit("feed.new \($0.id)", actor: "lead") }
            // When
            let revoked = try await store.revokeCalendarFeed(id: personal.id, at: Fixtures.at(hours: 2)) {
                Fixtures.audit("feed.revoke \($0.id)", actor: "lead")
            }
            // Then
            #expect(personal.engineer == "a" && personal.createdAt == Fixtures.now && personal.isActive)
            #expect(team.engineer == nil && team.subject == "team")
            #expect(revoked.revokedAt == Fixtures.at(hours: 2))
            #expect(try await store.activeCalendarFeed(tokenSHA256: Self.hashA) == nil)
            #expect(try await store.activeCalendarFeed(tokenSHA256: Self.hashB) == team)
            #expect(try await store.activeCalendarFeed(tokenSHA256: String(repeating: "0", count: 64)) == nil)
            #expect(try await store.calendarFeeds() == [revoked, team])
            #expect(
                try await store.auditEntries(limit: 5).map(\.action)
                    == ["feed.revoke \(personal.id)", "feed.new \(team.id)", "feed.new \(personal.id)"]
            )
        }
    }

    @Test(
        "revoking a feed twice or an unknown one is refused, and a malformed hash is never stored",
        arguments: StoreBackend.available
    )
    func calendarFeedRefusals(backend: StoreBackend) async throws {
        try await withTestStore(backend) { store in
            // Given
            let feed = try await store.addCalendarFeed(
                engineer: "b",
                tokenSHA256: Self.hashA,
                createdBy: "lead",
                at: Fixtures.now
            ) { _ in Fixtures.audit("feed.new") }
            _ = try await store.revokeCalendarFeed(id: feed.id, at: Fixtures.now) { _ in Fixtures.audit("revoke") }
            // When
            let again = await #expect(throws: StoreError.self) {
                try await store.revokeCalendarFeed(id: feed.id, at: Fixtures.now) { _ in Fixtures.audit("x") }
            }
            let unknown = await #expect(throws: StoreError.self) {
                try await store.revokeCalendarFeed(id: 999, at: Fixtures.now) { _ in Fixtures.audit("x") }
            }
            let malformed = await #expect(throws: StoreError.self) {
                try await store.addCalendarFeed(
                    engineer: "b",
                    tokenSHA256: "secret",
                    createdBy: "lead",
                    at: Fixtures.now
                ) { _ in Fixtures.audit("x") }
            }
            // Then
            #expect(
                again?.description == "calendar feed '\(feed.id)' was already revoked at 2024-03-31T01:00:00.123+00:00"
            )
            #expect(unknown?.description == "there is no calendar feed with id '999'")
            #expect(malformed?.description == "a calendar feed's token hash must be 64 lower-case hex digits")
            #expect(try await store.calendarFeeds().count == 1)
            #expect(try await store.auditEntries(limit: 10).map(\.action) == ["revoke", "feed.new"])
        }
    }
}
