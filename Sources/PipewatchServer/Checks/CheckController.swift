import Foundation
import Hummingbird
import PipewatchCore
import PipewatchEngine
import PipewatchStore

/// The data checks over HTTP: the declared checks with their latest results, a check's
/// history, and running a check now (a write).
struct CheckController {
    let config: LiveConfig
    let store: any CheckStore
    let clock: any WallClock

    /// The engine of the config served now (a reload swaps it between requests).
    private var engine: Engine { config.current.engine }

    func addReads(to router: RouterGroup<BasicRequestContext>) {
        router.get("checks") { request, _ in
            let pipeline = try request.uri.queryParameters.get("pipeline").map { try known(pipeline: $0) }
            return JSONResponse(
                CheckList(engine.plan, latest: try await store.latestCheckResults(of: nil), only: pipeline.map { [$0] })
            )
        }
        router.get("checks/:id/history") { request, context in
            let id = try known(check: context.parameters.require("id"))
            let limit = try QueryLimit.read(request.uri.queryParameters.get("limit"), default: 50)
            return JSONResponse(CheckResultList(try await store.checkResults(of: id, limit: limit)))
        }
    }

    func addWrites(to router: RouterGroup<BasicRequestContext>) {
        router.post("checks/:id/run") { _, context in
            let id = try known(check: context.parameters.require("id"))
            let results = try await engine.checks.run([id], at: clock.now)
            return JSONResponse(CheckResultList(results))
        }
    }

    private func known(check id: String) throws -> CheckID {
        guard let found = engine.plan.check(CheckID(id)) else {
            throw APIError(.notFound, "unknown check '\(id)'")
        }
        return found.check.id
    }

    private func known(pipeline id: String) throws -> PipelineID {
        guard let found = engine.plan.catalog.pipeline(PipelineID(id)) else {
            throw APIError(.notFound, "unknown pipeline '\(id)'")
        }
        return found.id
    }
}
