import Hummingbird
import PipewatchCore
import PipewatchStore

/// `GET /api/v1/pipelines/{id}/changes`: the pipeline's timeline of changes other tools reported.
struct ChangeController {
    let config: LiveConfig
    let store: any ChangeStore

    func add(to router: RouterGroup<BasicRequestContext>) {
        router.get("pipelines/:id/changes") { request, context in
            let id = try context.parameters.require("id")
            guard let pipeline = config.current.plan.catalog.pipeline(PipelineID(id)) else {
                throw APIError(.notFound, "unknown pipeline '\(id)'")
            }
            let limit = try QueryLimit.read(request.uri.queryParameters.get("limit"), default: 50)
            return JSONResponse(
                ChangeList(pipeline: pipeline.id, changes: try await store.changes(of: pipeline.id, limit: limit))
            )
        }
    }
}
