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

    /// The engine of the config served now (a reload swaps it between requests); each request
    /// reads it once, so it sees one config.
    private var engine: Engine { config.current.engine }

    func addReads(to router: RouterGroup<BasicRequestContext>) {
        router.get("checks") { request, _ in
            let engine = self.engine
            let pipeline = try request.uri.queryParameters.get("pipeline").map { try known(pipeline: $0, in: engine) }
            return JSONResponse(
                CheckList(engine.plan, latest: try await store.latestCheckResults(of: nil), only: pipeline.map { [$0] })
            )
        }
        router.get("checks/:id/history") { request, context in
            let id = try known(check: context.parameters.require("id"), in: engine)
            let limit = try QueryLimit.read(request.uri.queryParameters.get("limit"), default: 50)
            return JSONResponse(CheckResultList(try await store.checkResults(of: id, limit: limit)))
        }
    }

    func addWrites(to router: RouterGroup<BasicRequestContext>) {
        router.post("checks/:id/run") { _, context in
            let engine = self.engine
            let id = try known(check: context.parameters.require("id"), in: engine)
            let results = try await engine.checks.run([id], at: clock.now)
            return JSONResponse(CheckResultList(results))
        }
    }

    private func known(check id: String, in engine: Engine) throws -> CheckID {
        guard let found = engine.plan.check(CheckID(id)) else {
            throw APIError(.notFound, "unknown check '\(id)'")
        }
        return found.check.id
    }

    private func known(pipeline id: String, in engine: Engine) throws -> PipelineID {
        guard let found = engine.plan.catalog.pipeline(PipelineID(id)) else {
            throw APIError(.notFound, "unknown pipeline '\(id)'")
        }
        return found.id
    }
}
