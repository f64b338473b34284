import Foundation
import Hummingbird
import PipewatchCore
import PipewatchStore

extension DashboardController {
    func addPipelinePages(to router: Router<BasicRequestContext>) {
        router.get("pipelines/:id") { request, context in
            await page(request) { visitor in
                try await pipeline(try context.parameters.require("id"), request, visitor)
            }
        }
    }

    /// `/pipelines/{id}`.
    func pipeline(_ id: String, _ request: Request, _ visitor: DashboardVisitor) async throws -> Response {
        let plan = config.current.plan
        guard let pipeline = plan.catalog.pipeline(PipelineID(id)) else {
            throw DashboardError.notFound("unknown pipeline '\(id)'")
        }
        let runs = try await store.runs(of: pipeline.id, limit: 30)
        let signals = try await store.openSignals(pipeline: pipeline.id).map(\.signal)
        var history: [CheckID: [CheckResult]] = [:]
        for check in pipeline.checks { history[check.id] = try await store.checkResults(of: check.id, limit: 10) }
        let hasEvidence =
            if !runs.isEmpty || !signals.isEmpty { true } else {
                try await store.pipelinesWithEvidence().contains(pipeline.id)
            }
        let page = PipelinePage(
            chrome: DashboardChrome(title: pipeline.name, path: request.uri.path, visitor: visitor),
            pipeline: pipeline,
            plan: plan,
            inputs: PipelinePage.Inputs(
                now: clock.now,
                runs: runs,
                signals: signals,
                latest: try await store.latestCheckResults(of: pipeline.id),
                history: history,
                hasEvidence: hasEvidence
            )
        )
        return try html("pipeline", page)
    }
}
