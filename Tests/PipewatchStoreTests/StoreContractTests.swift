import Foundation
import PipewatchCore
import PipewatchStore
import PipewatchTestSupport
import Testing

/// The behaviour every backend must show, run on in-memory SQLite always and on PostgreSQL
/// when `PIPEWATCH_TEST_POSTGRES_URL` is set. Each test gets a fresh database.
@Suite("state store contract")
struct StoreContractTests {
    @Test(
        "time off comes back exactly as it was added, with an id and creation time",
        arguments: StoreBackend.available
    )
    func timeOffRoundTrip(backend: StoreBackend) async throws {
        try await withTestStore(backend) { store in
            // Given
            let away = TimeOff(
                engineer: "a",
                from: Fixtures.date("2024-02-29"),
                to: Fixtures.date("2024-03-04"),
                reason: "ski trip"
            )
            // When
            let record = try await store.addTimeOff(away, at: Fixtures.now) { record in
                Fixtures.audit("timeoff.add \(record.id)")
            }
            // Then
            #expect(record.timeOff == away)
            #expect(record.createdAt == Fixtures.now)
            #expect(try await store.allTimeOff() == [record])
            let audit = try await store.auditEntries(limit: 10)
            #expect(audit.map(\.action) == ["timeoff.add \(record.id)"])
            #expect(audit.first?.at == Fixtures.now)
        }
    }

    @Test(
        "time off lists filter by engineer and by overlapping dates, ordered by first day",
        arguments: StoreBackend.available
    )
    func timeOffFilters(backend: StoreBackend) async throws {
        try await withTestStore(backend) { store in
            // Given
            let spans = [
                ("b", "2024-12-30", "2025-01-02"), ("a", "2024-12-20", "2024-12-24"), ("a", "2025-01-03", "2025-01-03"),
            ]
            var ids: [String: Int64] = [:]
            for (engineer, from, to) in spans {
                let away = TimeOff(engineer: EngineerID(engineer), from: Fixtures.date(from), to: Fixtures.date(to))
                let record = try await store.addTimeOff(away, at: Fixtures.now) { _ in Fixtures.audit("timeoff.add") }
                ids["\(engineer) \(from)"] = record.id
                #expect(record.timeOff.reason == nil)
            }
            // When
            let all = try await store.allTimeOff().map(\.id)
            let ofA = try await store.timeOff(for: "a", overlapping: nil).map(\.id)
            let newYear = try await store.timeOff(
                for: nil,
                overlapping: Fixtures.date("2025-01-01")...Fixtures.date("2025-01-03")
            ).map(\.id)
            let lastDayOnly = try await store.timeOff(
                for: "a",
                overlapping: Fixtures.date("2024-12-24")...Fixtures.date("2024-12-24")
            ).map(\.id)
            // Then
            #expect(all == [ids["a 2024-12-20"], ids["b 2024-12-30"], ids["a 2025-01-03"]])
            #expect(ofA == [ids["a 2024-12-20"], ids["a 2025-01-03"]])
            #expect(newYear == [ids["b 2024-12-30"], ids["a 2025-01-03"]])
            #expect(lastDayOnly == [ids["a 2024-12-20"]])
        }
    }

    @Test("removing time off returns it and audits it; an unknown id is an error", arguments: StoreBackend.available)
    func removeTimeOff(backend: StoreBackend) async throws {
        try await withTestStore(backend) { store in
            // Given
            let away = TimeOff(engineer: "a", from: Fixtures.date("2024-05-01"), to: Fixtures.date("2024-05-01"))
            let record = try await store.addTimeOff(away, at: Fixtures.now) { _ in Fixtures.audit("timeoff.add") }
            // When
            let removed = try await store.removeTimeOff(id: record.id) { Fixtures.audit("timeoff.remove \($0.id)") }
            let error = await #expect(throws: StoreError.self) {
                try await store.removeTimeOff(id: record.id) { _ in Fixtures.audit("timeoff.remove") }
            }
            // Then
            #expect(removed == record)
            #expect(try await store.allTimeOff().isEmpty)
            #expect(error?.description == "there is no time off with id '\(record.id)'")
            #expect(
                try await store.auditEntries(limit: 10).map(\.action) == ["timeoff.remove \(record.id)", "timeoff.add"]
            )
        }
    }

    @Test("time off that ends before it starts is refused with the dates", arguments: StoreBackend.available)
    func reversedTimeOff(backend: StoreBackend) async throws {
        try await withTestStore(backend) { store in
            let away = TimeOff(engineer: "a", from: Fixtures.date("2024-05-03"), to: Fixtures.date("2024-05-01"))
            let error = await #expect(throws: StoreError.self) {
                try await store.addTimeOff(away, at: Fixtures.now) { _ in Fixtures.audit("timeoff.add") }
            }
            #expect(error?.description == "time off for 'a' ends on 2024-05-01, before it starts on 2024-05-03")
        }
    }

    @Test("overrides come back exactly and list by overlap, ordered by start", arguments: StoreBackend.available)
    func overrides(backend: StoreBackend) async throws {
        try await withTestStore(backend) { store in
            // Given
            let late = try await store.addOverride(
                engineer: "b",
                interval: Fixtures.at(hours: 24)..<Fixtures.at(hours: 30),
                reason: "a covers an outage",
                at: Fixtures.now
            ) { Fixtures.audit("override.add \($0.id)") }
            let early = try await store.addOverride(
                engineer: "a",
                interval: Fixtures.at(hours: 1)..<Fixtures.at(hours: 2),
                reason: "hand-over",
                at: Fixtures.at(hours: 0.5)
            ) { Fixtures.audit("override.add \($0.id)") }
            // When
            let all = try await store.overrides(overlapping: nil)
            let touching = try await store.overrides(overlapping: Fixtures.at(hours: 2)..<Fixtures.at(hours: 24))
            let inside = try await store.overrides(overlapping: Fixtures.at(hours: 29)..<Fixtures.at(hours: 40))
            // Then
            #expect(
                early
                    == Override(
                        id: early.id,
                        engineer: "a",
                        start: Fixtures.at(hours: 1),
                        end: Fixtures.at(hours: 2),
                        reason: "hand-over",
                        createdAt: Fixtures.at(hours: 0.5)
                    )
            )
            #expect(all == [early, late])
            #expect(touching.isEmpty, "intervals are half-open: touching ends do not overlap")
            #expect(inside == [late])
        }
    }
}
