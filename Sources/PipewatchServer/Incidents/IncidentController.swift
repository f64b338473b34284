import Foundation
import Hummingbird
import PipewatchCore
import PipewatchEngine
import PipewatchStore

/// `/api/v1/incidents` and `/api/v1/notifications`: read with the read rules, change with a write token.
struct IncidentController {
    let config: LiveConfig
    let clock: any WallClock
    let bodies: BodyLimits

    /// The engine of the config served now (a reload swaps it between requests); a write handler
    /// reads it once, so the whole request sees one config.
    var engine: Engine { config.current.engine }

    func addReads(to router: RouterGroup<BasicRequestContext>) {
        router.get("incidents") { request, _ in try await list(request) }
        router.get("incidents/:id") { _, context in try await detail(try id(context)) }
        router.get("notifications") { request, _ in try await notifications(request) }
    }

    func addWrites(to router: RouterGroup<BasicRequestContext>) {
        router.post("incidents/:id/ack") { request, context in
            let engine = self.engine
            let body = try await ActionBody.read(request, limits: bodies, catalog: engine.plan.catalog)
            let incident = try await engine.incidents.acknowledge(try id(context), by: body.actor, at: clock.now)
            return JSONResponse(IncidentDocument(incident))
        }
        router.post("incidents/:id/resolve") { request, context in
            let engine = self.engine
            let body = try await ActionBody.read(request, limits: bodies, catalog: engine.plan.catalog)
            let incident = try await engine.incidents.resolve(
                try id(context),
                by: body.actor,
                reason: body.text("reason"),
                at: clock.now
            )
            return JSONResponse(IncidentDocument(incident))
        }
        router.post("incidents/:id/note") { request, context in
            let engine = self.engine
            let body = try await ActionBody.read(request, limits: bodies, catalog: engine.plan.catalog)
            let incident = try id(context)
            try await engine.incidents.note(incident, by: body.actor, text: try body.required("text"), at: clock.now)
            return try await detail(incident)
        }
        router.post("incidents/:id/escalate") { request, context in
            let engine = self.engine
            let body = try await ActionBody.read(request, limits: bodies, catalog: engine.plan.catalog)
            let target = try body.escalationTarget()
            let incident = try id(context)
            _ = try await engine.incidents.escalate(incident, to: target, by: body.actor, at: clock.now)
            return try await detail(incident)
        }
        router.post("notifications/:id/retry") { _, context in
            let engine = self.engine
            let message = try await engine.store.retryMessage(id: try id(context), at: clock.now)
            engine.dispatcher.wake()
            return JSONResponse(NotificationDocument(message))
        }
    }

    func id(_ context: BasicRequestContext) throws -> Int64 {
        let text = try context.parameters.require("id")
        guard let id = Int64(text.hasPrefix("INC-") ? String(text.dropFirst(4)) : text), id > 0 else {
            throw APIError(.badRequest, "'\(text)' is not an id; use a number such as 42 (or INC-42)")
        }
        return id
    }

    private func list(_ request: Request) async throws -> JSONResponse<IncidentList> {
        let query = request.uri.queryParameters
        let states: Set<IncidentState>
        switch query.get("state") {
        case nil, "open": states = [.triggered, .acknowledged]
        case "all": states = []
        case let name?:
            guard let state = IncidentState(rawValue: name) else {
                throw APIError(
                    .badRequest,
                    "state '\(name)' is not one of open, triggered, acknowledged, resolved, all"
                )
            }
            states = [state]
        }
        let pipeline = try query.get("pipeline").map { id -> PipelineID in
            guard engine.plan.catalog.pipeline(PipelineID(id)) != nil else {
                throw APIError(.notFound, "unknown pipeline '\(id)'")
            }
            return PipelineID(id)
        }
        let limit = try QueryLimit.read(query.get("limit"), default: 100)
        return JSONResponse(
            IncidentList(try await engine.store.incidents(states: states, pipeline: pipeline, limit: limit))
        )
    }

    func detail(_ id: Int64) async throws -> JSONResponse<IncidentDetail> {
        JSONResponse(try await IncidentDetail.load(id, from: engine))
    }

    private func notifications(_ request: Request) async throws -> JSONResponse<NotificationList> {
        let query = request.uri.queryParameters
        let state = try query.get("state").map { name -> OutboxMessage.State in
            guard let state = OutboxMessage.State(rawValue: name) else {
                throw APIError(.badRequest, "state '\(name)' is not one of pending, delivered, dead")
            }
            return state
        }
        let limit = try QueryLimit.read(query.get("limit"), default: 100)
        return JSONResponse(
            NotificationList(try await engine.store.messages(incidentID: nil, state: state, limit: limit))
        )
    }
}
