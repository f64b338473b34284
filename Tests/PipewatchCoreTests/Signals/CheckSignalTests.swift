import Foundation
import PipewatchCore
import Testing

@Suite("check signals")
struct CheckSignalTests {
    let detector = SignalDetector()
    /// 2027-03-10T12:00:00Z.
    let now = ISO8601Text.parse("2027-03-10T12:00:00Z")!

    private let pipeline = Pipeline(
        id: "profit",
        name: "Profit",
        owners: PipelineOwners(primary: "a", secondary: "b"),
        checks: [
            Check(
                id: "orders-fresh",
                kind: .freshness(
                    table: "sales.orders",
                    column: "updated_at",
                    maxAge: .seconds(6 * 3600),
                    warnAfter: nil
                )
            ),
            Check(
                id: "revenue-valid",
                kind: .range(table: "analytics.profit_daily", column: "revenue", min: 0, max: nil)
            ),
        ]
    )

    /// The latest result of `check`, in `state` since `hoursAgo` hours before now.
    private func result(
        _ check: CheckID,
        _ state: CheckState,
        since hoursAgo: Double = 3,
        value: Double? = nil,
        threshold: String? = nil,
        message: String,
        examples: [String] = []
    ) -> CheckResult {
        CheckResult(
            check: check,
            pipeline: "profit",
            state: state,
            value: value,
            threshold: threshold,
            message: message,
            examples: examples,
            sql: ["SELECT max(updated_at) FROM sales.orders"],
            startedAt: now.addingTimeInterval(-60),
            stateSince: now.addingTimeInterval(-hoursAgo * 3600)
        )
    }

    private func signals(_ results: [CheckResult]) -> [Signal] {
        detector.signals(for: pipeline, evidence: .init(runs: [], checkResults: results), at: now)
    }

    @Test("a failing check opens check_failed on check:ID, since it started failing, with what it found")
    func failedCheck() throws {
        // Given the freshness check has failed for three hours
        let failing = result(
            "orders-fresh",
            .fail,
            since: 3,
            value: 27_000,
            threshold: "<= 6h",
            message: "newest updated_at is 7h30m old (2027-03-10T04:30:00+00:00), over 6h",
            examples: ["order_id=41, updated_at=2027-03-10T04:30:00Z", "order_id=40, updated_at=2027-03-10T04:10:00Z"]
        )

        // When
        let found = signals([failing])

        // Then
        let signal = try #require(found.first)
        #expect(found.count == 1)
        #expect(signal.kind == .checkFailed)
        #expect(signal.pipeline == "profit")
        #expect(signal.subject == "check:orders-fresh")
        #expect(signal.openedAt == failing.stateSince)
        #expect(signal.openedAt == now.addingTimeInterval(-3 * 3600))
        #expect(
            signal.summary
                == "check orders-fresh failed: newest updated_at is 7h30m old (2027-03-10T04:30:00+00:00), over 6h"
        )
        #expect(
            signal.evidence == [
                "check": "orders-fresh",
                "state": "fail",
                "message": "newest updated_at is 7h30m old (2027-03-10T04:30:00+00:00), over 6h",
                "value": "27000",
                "threshold": "<= 6h",
                "example": "order_id=41, updated_at=2027-03-10T04:30:00Z",
            ]
        )
    }

    @Test("a check that could not run opens check_error, with no number or example it did not have")
    func erroredCheck() throws {
        let erroring = result(
            "revenue-valid",
            .error,
            since: 0.5,
            message: "the query timed out after 30s"
        )
        let signal = try #require(signals([erroring]).first)
        #expect(signal.kind == .checkError)
        #expect(signal.subject == "check:revenue-valid")
        #expect(signal.openedAt == now.addingTimeInterval(-1800))
        #expect(signal.summary == "check revenue-valid could not run: the query timed out after 30s")
        #expect(
            signal.evidence == [
                "check": "revenue-valid", "state": "error", "message": "the query timed out after 30s",
            ]
        )
    }

    @Test("a passing or warning check opens no signal", arguments: [CheckState.pass, .warn])
    func quietStates(state: CheckState) {
        let quiet = result("orders-fresh", state, value: 14_400, threshold: "<= 6h", message: "newest is 4h old")
        #expect(signals([quiet]).isEmpty)
    }

    @Test("each problem check has its own signal, ordered by kind then subject")
    func severalChecks() {
        let found = signals([
            result("orders-fresh", .fail, message: "stale"),
            result("revenue-valid", .error, message: "no such table"),
        ])
        #expect(found.map(\.kind) == [.checkError, .checkFailed])
        #expect(found.map(\.subject) == ["check:revenue-valid", "check:orders-fresh"])
    }

    @Test("a result of a check no longer in the pipeline's config opens nothing")
    func removedCheck() {
        let orphan = result("orders-schema", .fail, message: "sales.orders differs from the declared schema")
        #expect(signals([orphan]).isEmpty)
    }
}
