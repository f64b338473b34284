import Foundation
import Hummingbird
import PipewatchCore
import PipewatchStore

extension DashboardController {
    /// `/`: the overview.
    func overview(_ request: Request, _ visitor: DashboardVisitor) async throws -> Response {
        let generation = config.current
        let plan = generation.plan
        let now = clock.now
        var inputs = OverviewPage.Inputs(
            now: now,
            current: nil,
            next: nil,
            openIncidents: try await store.incidents(states: [.triggered, .acknowledged], pipeline: nil, limit: 500),
            signals: try await store.openSignals(pipeline: nil).map(\.signal),
            checkResults: Array(try await store.latestCheckResults(of: nil).values),
            latestRuns: try await store.latestRuns(),
            withEvidence: try await store.pipelinesWithEvidence()
        )
        if let policy = plan.oncall {
            let current = try await generation.coverageWindow.coverage(policy: policy, at: now)
            inputs.current = current
            let end: Date? =
                switch current {
                case .onCall(let shift): shift.end
                case .gap(let gap): gap.end
                case .outsideRange: nil
                }
            if let end { inputs.next = try await generation.coverageWindow.coverage(policy: policy, at: end) }
        }
        let page = OverviewPage(
            chrome: DashboardChrome(title: "Overview", path: "/", visitor: visitor),
            plan: plan,
            inputs: inputs
        )
        return try html("overview", page)
    }
}
