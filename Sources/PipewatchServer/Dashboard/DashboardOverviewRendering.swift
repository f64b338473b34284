public import Foundation
public import PipewatchCore

/// The overview page built and rendered from data in memory, for `pipewatch-bench dashboard`:
/// what the server does for `GET /` once it has read the store.
public struct DashboardOverviewRendering: Sendable {
    let plan: TeamPlan
    let inputs: OverviewPage.Inputs

    /// - Parameters:
    ///   - plan: The team's plan (pipelines, engineers, rotation).
    ///   - now: The instant the page shows.
    ///   - onCall: The shift on call now and the next one.
    ///   - openIncidents: The open incidents.
    ///   - signals: The open signals.
    ///   - checkResults: The latest result of each check.
    ///   - latestRuns: Each pipeline's newest run.
    public init(
        plan: TeamPlan,
        now: Date,
        onCall: (now: Shift, next: Shift)?,
        openIncidents: [Incident],
        signals: [Signal],
        checkResults: [CheckResult],
        latestRuns: [PipelineID: Run]
    ) {
        self.plan = plan
        inputs = OverviewPage.Inputs(
            now: now,
            current: onCall.map { .onCall($0.now) },
            next: onCall.map { .onCall($0.next) },
            openIncidents: openIncidents,
            signals: signals,
            checkResults: checkResults,
            latestRuns: latestRuns,
            withEvidence: Set(latestRuns.keys)
        )
    }

    /// The page's HTML, as a signed-in engineer sees it.
    public func render() throws -> String {
        let visitor = DashboardVisitor(
            user: DashboardUser(name: "bench", role: .engineer, sha256: ""),
            session: nil,
            csrfToken: String(repeating: "0", count: 64)
        )
        let page = OverviewPage(
            chrome: DashboardChrome(title: "Overview", path: "/", visitor: visitor),
            plan: plan,
            inputs: inputs
        )
        return try DashboardRenderer.shared.render("overview", page)
    }

    /// The stylesheet every page loads once (cached), for the page weight.
    public static var stylesheet: String { DashboardRenderer.shared.stylesheet }
}
