import Foundation
import PipewatchCore
import PipewatchStore
import PipewatchTestSupport
import Testing

extension StoreContractTests {
    @Test("the audit log lists newest first, ties by id, up to the limit", arguments: StoreBackend.available)
    func auditOrder(backend: StoreBackend) async throws {
        try await withTestStore(backend) { store in
            // Given: appended out of time order, two at the same instant
            let second = try await store.appendAudit(Fixtures.audit("second", at: Fixtures.at(hours: 2)))
            let first = try await store.appendAudit(Fixtures.audit("first", at: Fixtures.at(hours: 1)))
            let thirdA = try await store.appendAudit(Fixtures.audit("third-a", at: Fixtures.at(hours: 3)))
            let thirdB = try await store.appendAudit(Fixtures.audit("third-b", at: Fixtures.at(hours: 3)))
            // When
            let all = try await store.auditEntries(limit: 100)
            let newestTwo = try await store.auditEntries(limit: 2)
            // Then
            #expect(all == [thirdB, thirdA, second, first])
            #expect(newestTwo == [thirdB, thirdA])
            #expect(try await store.auditEntries(limit: 0).isEmpty)
            #expect(
                first
                    == AuditEntry(
                        id: first.id,
                        at: Fixtures.at(hours: 1),
                        actor: "ops",
                        action: "first",
                        detail: "first"
                    )
            )
        }
    }

    @Test("a change whose audit entry cannot be written is not stored either", arguments: StoreBackend.available)
    func auditIsAtomicWithItsChange(backend: StoreBackend) async throws {
        try await withTestStore(backend) { store in
            // Given: an audit entry the schema refuses (an empty actor), written after each change
            let refused = AuditDraft(at: Fixtures.now, actor: "", action: "broken", detail: "")
            let away = TimeOff(engineer: "a", from: Fixtures.date("2024-05-01"), to: Fixtures.date("2024-05-02"))
            let kept = try await store.addTimeOff(away, at: Fixtures.now) { _ in Fixtures.audit("timeoff.add") }
            let swap = try await store.fileSwapRequest(
                requester: "a",
                taker: "b",
                interval: Fixtures.at(hours: 200)..<Fixtures.at(hours: 210),
                reason: nil,
                at: Fixtures.now
            ) { _ in Fixtures.audit("swap.request") }

            // When
            let addError = await #expect(throws: StoreError.self) {
                try await store.addTimeOff(away, at: Fixtures.now) { _ in refused }
            }
            await #expect(throws: StoreError.self) { try await store.removeTimeOff(id: kept.id) { _ in refused } }
            await #expect(throws: StoreError.self) {
                try await store.decideSwapRequest(id: swap.id, as: .accepted, at: Fixtures.now) { _ in refused }
            }
            await #expect(throws: StoreError.self) {
                try await store.fileSwapRequest(
                    requester: "a",
                    taker: "c",
                    interval: Fixtures.at(hours: 1)..<Fixtures.at(hours: 2),
                    reason: nil,
                    at: Fixtures.now
                ) { _ in refused }
            }
            await #expect(throws: StoreError.self) {
                try await store.addOverride(
                    engineer: "c",
                    interval: Fixtures.at(hours: 1)..<Fixtures.at(hours: 2),
                    reason: "r",
                    at: Fixtures.now
                ) { _ in refused }
            }

            // Then: nothing of the failed changes is stored, and the message shows no SQL
            #expect(
                addError?.description == "cannot add time off for 'a': the change breaks a rule of the database schema"
            )
            #expect(try await store.allTimeOff() == [kept])
            #expect(try await store.swapRequests() == [swap])
            #expect(try await store.overrides(overlapping: nil).isEmpty)
            #expect(try await store.auditEntries(limit: 10).map(\.action) == ["swap.request", "timeoff.add"])
        }
    }

    @Test("50 concurrent changes are all stored, each with its audit entry", arguments: StoreBackend.available)
    func concurrentInserts(backend: StoreBackend) async throws {
        try await withTestStore(backend) { store in
            // When: 50 transactions at once on one store (one connection for SQLite)
            let ids = try await withThrowingTaskGroup(of: Int64.self, returning: [Int64].self) { group in
                for index in 0..<50 {
                    group.addTask {
                        let away = TimeOff(
                            engineer: EngineerID("e\(index)"),
                            from: Fixtures.date("2024-07-01"),
                            to: Fixtures.date("2024-07-02")
                        )
                        return try await store.addTimeOff(away, at: Fixtures.now) {
                            Fixtures.audit("timeoff.add \($0.id)")
                        }.id
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            // Then
            #expect(Set(ids).count == 50)
            #expect(try await store.allTimeOff().count == 50)
            #expect(Set(try await store.auditEntries(limit: 100).map(\.action)) == Set(ids.map { "timeoff.add \($0)" }))
        }
    }
}
