import Foundation
import Logging
import PipewatchConfig
import PipewatchCore
import PipewatchEngine
import PipewatchStore
import PipewatchTestSupport
import Testing

@testable import PipewatchServer

/// The kept schedule window answers exactly what computing the schedule at each instant does.
@Suite("on-call coverage window")
struct CoverageWindowTests {
    @Test("every 7 hours over four months of the seed (holidays, substitutes, daily season shifts), the window agrees")
    func agreesWithTheCalculator() async throws {
        let root = RepositoryFiles.root
        let (plan, _) = try ConfigLoader.load(
            root.appendingPathComponent("examples/seed/pipewatch.yaml"),
            currentDirectory: root
        )
        let policy = try #require(plan.oncall)
        try await SQLStateStore.withStore(at: .sqliteInMemory, logger: Logger(label: "test")) { store in
            let service = ScheduleService(plan: plan, store: store)
            let window = CoverageWindow(service: service)
            let calculator = try await service.calculator(policy: policy)
            let start = try #require(ISO8601Text.parse("2026-11-01T00:00:00Z"))
            for step in 0..<(120 * 24 / 7) {
                let instant = start.addingTimeInterval(Double(step) * 7 * 3_600)
                let kept = try await window.coverage(policy: policy, at: instant)
                #expect(kept == (try calculator.coverage(at: instant)), "at \(ISO8601Text.format(instant, in: .gmt))")
            }
        }
    }
}
