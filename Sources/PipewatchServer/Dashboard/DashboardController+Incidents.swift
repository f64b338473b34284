import Foundation
import HTTPTypes
import Hummingbird
import PipewatchCore
import PipewatchEngine
import PipewatchStore

extension DashboardController {
    /// What a successful action says on the page it redirects to (`?done=…`): fixed texts, so
    /// a link cannot make the page say anything else.
    static let doneMessages = [
        "acknowledged": "Acknowledged: escalation stopped.",
        "resolved": "Resolved.",
        "noted": "Note added to the timeline.",
        "escalated": "Escalated: the page is on its way.",
        "step-done": "Step marked done.",
        "step-skipped": "Step marked skipped.",
        "action": "Action run; its result is in the timeline.",
        "item-done": "Action item marked done.",
        "item-open": "Action item open again.",
    ]

    func addIncidentPages(to router: Router<BasicRequestContext>) {
        router.get("incidents") { request, _ in
            await page(request) { visitor in try await incidentList(request, visitor) }
        }
        router.get("incidents/:id") { request, context in
            await page(request) { visitor in
                try await incident(
                    try incidentID(context),
                    request,
                    visitor,
                    done: request.uri.queryParameters.get("done")
                )
            }
        }
        // Each action goes through the engine's use cases exactly as the API's routes do.
        incidentAction(router, "ack", role: .engineer, what: "acknowledge incidents") { engine, id, visitor, _ in
            _ = try await engine.incidents.acknowledge(id, by: visitor.actor, at: clock.now)
            return "acknowledged"
        }
        incidentAction(router, "resolve", role: .admin, what: "resolve incidents") { engine, id, visitor, form in
            _ = try await engine.incidents.resolve(id, by: visitor.actor, reason: form.text("reason"), at: clock.now)
            return "resolved"
        }
        incidentAction(router, "note", role: .engineer, what: "add notes") { engine, id, visitor, form in
            try await engine.incidents.note(
                id,
                by: visitor.actor,
                text: try form.required("text", "The note"),
                at: clock.now
            )
            return "noted"
        }
        incidentAction(router, "escalate", role: .admin, what: "escalate incidents") { engine, id, visitor, form in
            let name = try form.required("to", "Whom to escalate to")
            let target = EscalationTarget.roleWords[name] ?? .engineer(EngineerID(name))
            if case .engineer(let engineer) = target, engineer != "", engine.plan.catalog.engineer(engineer) == nil {
                throw DashboardError.invalid("unknown engineer '\(name)'")
            }
            _ = try await engine.incidents.escalate(id, to: target, by: visitor.actor, at: clock.now)
            return "escalated"
        }
        incidentAction(router, "review-item", role: .engineer, what: "mark action items") { engine, id, visitor, form in
            guard let item = form.text("item").flatMap(Int.init), item > 0 else {
                throw DashboardError.invalid("give the action item (from 1) to mark")
            }
            let state = form.text("state")
            guard state == "done" || state == "open" else {
                throw DashboardError.invalid("mark an action item done or open")
            }
            try await engine.incidents.markActionItem(
                item,
                of: id,
                done: state == "done",
                by: visitor.actor,
                at: clock.now
            )
            return "item-\(state ?? "")"
        }
        incidentAction(router, "actions", role: .admin, what: "run actions") { engine, id, visitor, form in
            guard let step = form.text("step").flatMap(Int.init), step > 0 else {
                throw DashboardError.invalid("give the run book step (from 1) whose action to run")
            }
            _ = try await engine.checklist.runAction(
                step: step,
                of: id,
                requestKey: form.text("request_key") ?? UUID().uuidString.lowercased(),
                by: visitor.actor,
                at: clock.now
            )
            return "action"
        }
        router.post("incidents/:id/steps/:step") { request, context in
            let id = (try? incidentID(context)) ?? 0
            return await action(
                request,
                role: .engineer,
                what: "mark run book steps",
                { visitor, form in
                    let engine = config.current.engine
                    guard let step = context.parameters.get("step").flatMap(Int.init), step > 0 else {
                        throw DashboardError.invalid("steps count from 1")
                    }
                    let state: RunbookStepMark.State
                    switch form.text("state") {
                    case "done": state = .done
                    case "skipped": state = .skipped
                    default: throw DashboardError.invalid("mark a step done or skipped")
                    }
                    try await engine.checklist.mark(
                        step,
                        of: id,
                        as: state,
                        by: visitor.actor,
                        note: form.text("note"),
                        at: clock.now
                    )
                    return Self.redirect("/incidents/\(id)?done=step-\(state.rawValue)")
                },
                failed: { visitor, message, status in
                    try await incident(id, request, visitor, error: message, status: status)
                }
            )
        }
    }

    /// `POST /incidents/{id}/<verb>`: `body` acts through the engine and names what it did.
    private func incidentAction(
        _ router: Router<BasicRequestContext>,
        _ verb: String,
        role: DashboardUser.Role,
        what: String,
        _ body: @escaping @Sendable (Engine, Int64, DashboardVisitor, DashboardForm) async throws -> String
    ) {
        router.post("incidents/:id/\(verb)") { request, context in
            let id = (try? incidentID(context)) ?? 0
            return await action(
                request,
                role: role,
                what: what,
                { visitor, form in
                    let done = try await body(config.current.engine, id, visitor, form)
                    return Self.redirect("/incidents/\(id)?done=\(done)")
                },
                failed: { visitor, message, status in
                    try await incident(id, request, visitor, error: message, status: status)
                }
            )
        }
    }

    func incidentID(_ context: BasicRequestContext) throws -> Int64 {
        let text = try context.parameters.require("id")
        guard let id = Int64(text.hasPrefix("INC-") ? String(text.dropFirst(4)) : text), id > 0 else {
            throw DashboardError.notFound("'\(text)' is not an incident; incidents are numbered from 1 (INC-1)")
        }
        return id
    }

    /// `/incidents/{id}`, with the message of the last action.
    func incident(
        _ id: Int64,
        _ request: Request,
        _ visitor: DashboardVisitor,
        done: String? = nil,
        error: String? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let engine = config.current.engine
        let detail = try await IncidentDetail.load(id, from: engine)
        let page = IncidentPage(
            chrome: DashboardChrome(
                title: "\(detail.incident.reference): \(detail.incident.title)",
                path: "/incidents/\(id)",
                visitor: visitor,
                notice: done.flatMap { Self.doneMessages[$0] },
                error: error
            ),
            detail: detail,
            plan: engine.plan,
            visitor: visitor,
            requestKey: UUID().uuidString.lowercased()
        )
        return try html("incident", page, status: status)
    }

    /// `/incidents?state=open|triggered|acknowledged|resolved|all&pipeline=ID`.
    func incidentList(_ request: Request, _ visitor: DashboardVisitor) async throws -> Response {
        let plan = config.current.plan
        let query = request.uri.queryParameters
        let state = query.get("state") ?? "open"
        let states: Set<IncidentState>
        switch state {
        case "open": states = [.triggered, .acknowledged]
        case "all": states = []
        default:
            guard let one = IncidentState(rawValue: state) else {
                throw DashboardError.invalid(
                    "state '\(state)' is not one of open, triggered, acknowledged, resolved, all"
                )
            }
            states = [one]
        }
        let pipeline = try query.get("pipeline").map { id -> PipelineID in
            guard plan.catalog.pipeline(PipelineID(id)) != nil else {
                throw DashboardError.notFound("unknown pipeline '\(id)'")
            }
            return PipelineID(id)
        }
        let incidents = try await store.incidents(states: states, pipeline: pipeline, limit: 200)
        let page = IncidentListPage(
            chrome: DashboardChrome(title: "Incidents", path: "/incidents", visitor: visitor),
            incidents: incidents,
            plan: plan,
            state: state,
            pipeline: pipeline,
            now: clock.now
        )
        return try html("incidents", page)
    }
}
