import Foundation
import PipewatchCore
import PipewatchStore
import PipewatchTestSupport
import Testing

extension StoreContractTests {
    @Test("each check's latest result is its newest, the later stored on a tie", arguments: StoreBackend.available)
    func latestCheckResults(backend: StoreBackend) async throws {
        try await withTestStore(backend) { store in
            func result(
                _ check: CheckID,
                _ pipeline: PipelineID,
                _ state: CheckState,
                hours: Double,
                _ message: String
            )
                -> CheckResult
            {
                CheckResult(
                    check: check,
                    pipeline: pipeline,
                    state: state,
                    message: message,
                    examples: [#"id=1, note="quoted\" and \ slashed""#],
                    sql: ["SELECT 1", "SELECT 2"],
                    startedAt: Fixtures.at(hours: hours)
                )
            }
            // Given three runs of two checks of profit and one of growth, the last two at the same instant
            try await store.recordCheckResults([
                result("rows", "profit", .pass, hours: 1, "first"), result("fresh", "profit", .fail, hours: 1, "old"),
                result("growth-rows", "growth", .pass, hours: 1, "growth"),
            ])
            try await store.recordCheckResults([result("rows", "profit", .fail, hours: 3, "tied, stored first")])
            try await store.recordCheckResults([
                result("rows", "profit", .warn, hours: 3, "tied, stored last"),
                result("fresh", "profit", .pass, hours: 2, "new"),
            ])
            // When reading the latest, of every pipeline and of profit's
            let all = try await store.latestCheckResults(of: nil)
            let profit = try await store.latestCheckResults(of: "profit")
            // Then
            #expect(all.mapValues(\.message) == ["rows": "tied, stored last", "fresh": "new", "growth-rows": "growth"])
            #expect(profit.mapValues(\.message) == ["rows": "tied, stored last", "fresh": "new"])
            #expect(profit["rows"]?.state == .warn)
            #expect(profit["rows"]?.examples == [#"id=1, note="quoted\" and \ slashed""#])
            #expect(profit["rows"]?.sql == ["SELECT 1", "SELECT 2"])
        }
    }
}
