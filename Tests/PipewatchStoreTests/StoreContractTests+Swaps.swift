import Foundation
import PipewatchCore
import PipewatchStore
import PipewatchTestSupport
import Testing

extension StoreContractTests {
    @Test("a swap request is filed pending and fetched exactly", arguments: StoreBackend.available)
    func swapRoundTrip(backend: StoreBackend) async throws {
        try await withTestStore(backend) { store in
            // When
            let filed = try await store.fileSwapRequest(
                requester: "a",
                taker: "b",
                interval: Fixtures.at(hours: 200)..<Fixtures.at(hours: 212),
                reason: "wedding",
                at: Fixtures.now
            ) { Fixtures.audit("swap.request \($0.id)", actor: "a") }
            // Then
            let expected = SwapRequest(
                id: filed.id,
                requester: "a",
                taker: "b",
                start: Fixtures.at(hours: 200),
                end: Fixtures.at(hours: 212),
                reason: "wedding",
                status: .pending,
                requestedAt: Fixtures.now,
                decidedAt: nil
            )
            #expect(filed == expected)
            #expect(try await store.swapRequest(id: filed.id) == expected)
            #expect(try await store.swapRequests(status: .pending) == [expected])
            #expect(try await store.swapRequests(status: .accepted).isEmpty)
            #expect(try await store.auditEntries(limit: 1).first?.actor == "a")
        }
    }

    @Test("only a pending swap request can be decided, once", arguments: StoreBackend.available)
    func swapTransitions(backend: StoreBackend) async throws {
        try await withTestStore(backend) { store in
            // Given
            let filed = try await store.fileSwapRequest(
                requester: "a",
                taker: "b",
                interval: Fixtures.at(hours: 200)..<Fixtures.at(hours: 212),
                reason: nil,
                at: Fixtures.now
            ) { _ in Fixtures.audit("swap.request") }
            let decidedAt = Fixtures.at(hours: 3)
            // When
            let accepted = try await store.decideSwapRequest(id: filed.id, as: .accepted, at: decidedAt) {
                Fixtures.audit("swap.\($0.status.rawValue)", actor: "b")
            }
            let declineAfterAccept = await #expect(throws: StoreError.self) {
                try await store.decideSwapRequest(id: filed.id, as: .declined, at: decidedAt) { _ in Fixtures.audit("x")
                }
            }
            let backToPending = await #expect(throws: StoreError.self) {
                try await store.decideSwapRequest(id: filed.id, as: .pending, at: decidedAt) { _ in Fixtures.audit("x")
                }
            }
            let unknown = await #expect(throws: StoreError.self) {
                try await store.swapRequest(id: filed.id + 1000)
            }
            let decideUnknown = await #expect(throws: StoreError.self) {
                try await store.decideSwapRequest(id: filed.id + 1000, as: .cancelled, at: decidedAt) { _ in
                    Fixtures.audit("x")
                }
            }
            // Then
            #expect(accepted.status == .accepted)
            #expect(accepted.decidedAt == decidedAt)
            #expect(try await store.swapRequest(id: filed.id) == accepted)
            #expect(
                declineAfterAccept?.description
                    == "cannot decline swap request '\(filed.id)': it is already accepted; only a pending request can be decided"
            )
            #expect(
                backToPending?.description
                    == "cannot set swap request '\(filed.id)' back to pending: a decision is final"
            )
            #expect(unknown?.description == "there is no swap request with id '\(filed.id + 1000)'")
            #expect(decideUnknown?.description == "there is no swap request with id '\(filed.id + 1000)'")
            #expect(try await store.auditEntries(limit: 10).map(\.action) == ["swap.accepted", "swap.request"])
        }
    }

    @Test("swap requests list by status and overlap, ordered by start", arguments: StoreBackend.available)
    func swapLists(backend: StoreBackend) async throws {
        try await withTestStore(backend) { store in
            // Given
            var ids: [Int64] = []
            for startHour in [300.0, 100.0, 200.0] {
                let filed = try await store.fileSwapRequest(
                    requester: "a",
                    taker: "b",
                    interval: Fixtures.at(hours: startHour)..<Fixtures.at(hours: startHour + 10),
                    reason: nil,
                    at: Fixtures.now
                ) { _ in Fixtures.audit("swap.request") }
                ids.append(filed.id)
            }
            _ = try await store.decideSwapRequest(id: ids[2], as: .cancelled, at: Fixtures.now) { _ in
                Fixtures.audit("swap.cancel")
            }
            // When
            let all = try await store.swapRequests().map(\.id)
            let pending = try await store.swapRequests(status: .pending).map(\.id)
            let early = try await store.swapRequests(
                status: nil,
                overlapping: Fixtures.at(hours: 0)..<Fixtures.at(hours: 205)
            )
            // Then
            #expect(all == [ids[1], ids[2], ids[0]])
            #expect(pending == [ids[1], ids[0]])
            #expect(early.map(\.id) == [ids[1], ids[2]])
            #expect(early.last?.status == .cancelled)
        }
    }
}
