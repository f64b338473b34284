import Foundation
import Hummingbird
import PipewatchCore
import PipewatchEngine
import PipewatchStore

extension IncidentController {
    /// The run book, action and review routes of an incident (write token).
    func addRunbookWrites(to router: RouterGroup<BasicRequestContext>) {
        router.post("incidents/:id/steps/:step") { request, context in
            let engine = self.engine
            let body = try await ActionBody.read(request, limits: bodies, catalog: engine.plan.catalog)
            let incident = try id(context)
            let step = try number(context, "step")
            switch try body.required("state") {
            case "done", "skipped":
                let state: RunbookStepMark.State = try body.required("state") == "done" ? .done : .skipped
                try await engine.checklist.mark(
                    step,
                    of: incident,
                    as: state,
                    by: body.actor,
                    note: try body.text("note"),
                    at: clock.now
                )
            case "run":
                _ = try await engine.checklist.perform(step, of: incident, by: body.actor, at: clock.now)
            case let other:
                throw APIError(.badRequest, "field 'state': '\(other)' is not one of done, skipped, run")
            }
            return try await detail(incident)
        }
        router.post("incidents/:id/actions") { request, context in
            let engine = self.engine
            let body = try await ActionBody.read(request, limits: bodies, catalog: engine.plan.catalog)
            guard let step = body.fields["step"] as? Int, step > 0 else {
                throw APIError(.badRequest, "field 'step': give the run book step (from 1) whose action to run")
            }
            let key =
                try body.text("request_key") ?? request.headers[.init("Idempotency-Key")!]
                ?? UUID().uuidString.lowercased()
            let run = try await engine.checklist.runAction(
                step: step,
                of: try id(context),
                requestKey: key,
                by: body.actor,
                at: clock.now
            )
            return JSONResponse(ActionRunDocument(run))
        }
        router.post("incidents/:id/review") { request, context in
            let engine = self.engine
            let body = try await ActionBody.read(request, limits: bodies, catalog: engine.plan.catalog)
            let cause = try body.text("cause").map { name -> IncidentCause in
                guard let cause = IncidentCause(rawValue: name) else {
                    let names = IncidentCause.allCases.map(\.rawValue).joined(separator: ", ")
                    throw APIError(.badRequest, "field 'cause': '\(name)' is not one of \(names)")
                }
                return cause
            }
            let listed = body.fields["action_items"] ?? []
            guard let list = listed as? [Any] else {
                throw APIError(.badRequest, "action_items: expected a list of {text, owner, due}")
            }
            let items = try list.enumerated().map { index, value in
                try Self.actionItem(value, at: index)
            }
            let incident = try id(context)
            try await engine.incidents.review(
                incident,
                cause: cause,
                summary: try body.required("summary"),
                lessons: try body.text("lessons") ?? "",
                actionItems: items,
                by: body.actor,
                at: clock.now
            )
            return try await detail(incident)
        }
        addActionItemMark(to: router)
    }

    /// `POST /incidents/:id/review/items/:item` `{"state": "done" | "open"}`.
    private func addActionItemMark(to router: RouterGroup<BasicRequestContext>) {
        router.post("incidents/:id/review/items/:item") { request, context in
            let engine = self.engine
            let body = try await ActionBody.read(request, limits: bodies, catalog: engine.plan.catalog)
            let incident = try id(context)
            let item = try number(context, "item", counting: "action items")
            let state = try body.required("state")
            guard ["done", "open"].contains(state) else {
                throw APIError(.badRequest, "field 'state': '\(state)' is not one of done, open")
            }
            try await engine.incidents.markActionItem(
                item,
                of: incident,
                done: state == "done",
                by: body.actor,
                at: clock.now
            )
            return try await detail(incident)
        }
    }

    private static func actionItem(_ value: Any, at index: Int) throws -> IncidentReview.ActionItem {
        let field = "action_items[\(index)]"
        guard let object = value as? [String: Any] else {
            throw APIError(.badRequest, "field '\(field)' must be an object")
        }
        guard let text = object["text"] as? String, !text.isEmpty else {
            throw APIError(.badRequest, "field '\(field).text' is required")
        }
        guard let owner = object["owner"] as? String, !owner.isEmpty else {
            throw APIError(.badRequest, "field '\(field).owner' is required (an engineer id)")
        }
        guard let dueText = object["due"] as? String, let due = LocalDate(iso: dueText) else {
            throw APIError(.badRequest, "field '\(field).due' must be a date YYYY-MM-DD")
        }
        return IncidentReview.ActionItem(text: text, owner: EngineerID(owner), due: due)
    }

    /// A path parameter that counts from 1 (a run book step, an action item).
    func number(_ context: BasicRequestContext, _ name: String, counting what: String = "steps") throws -> Int {
        let text = try context.parameters.require(name)
        guard let value = Int(text), value > 0 else {
            throw APIError(.badRequest, "path parameter '\(name)': '\(text)' is not a number; \(what) count from 1")
        }
        return value
    }
}
