public import Foundation
public import PipewatchCore
import PipewatchStore

extension IncidentService {
    /// Records an incident's post-incident review (replacing an earlier one, whose done marks stay
    /// on the items it repeats), on its timeline.
    ///
    /// - Parameters:
    ///   - id: The incident.
    ///   - cause: The cause; the one its signals suggest when `nil`.
    ///   - summary: What happened.
    ///   - lessons: What the team learned.
    ///   - actionItems: What will be done, by whom, by when.
    ///   - actor: Who writes it.
    ///   - now: When.
    /// - Returns: The stored review.
    /// - Throws: ``StoreError/notFound(_:)``; ``EngineError/invalidRequest(_:)`` for an empty summary
    ///   or an action item owned by someone unknown.
    @discardableResult
    public func review(
        _ id: Int64,
        cause: IncidentCause?,
        summary: String,
        lessons: String,
        actionItems: [IncidentReview.ActionItem],
        by actor: String,
        at now: Date
    ) async throws -> IncidentReview {
        guard !summary.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw EngineError.invalidRequest("a review needs a summary of what happened")
        }
        for item in actionItems where plan.catalog.engineer(item.owner) == nil {
            throw EngineError.invalidRequest("action item '\(item.text)': unknown owner '\(item.owner)'")
        }
        return try await store.transaction { transaction in
            guard let incident = try await transaction.incident(id: id) else {
                throw StoreError.notFound("no incident with id '\(id)'")
            }
            let earlier = try await transaction.review(incidentID: id)?.actionItems ?? []
            let review = IncidentReview(
                cause: cause ?? IncidentCause(suggestedFor: suggestedKind(of: incident)),
                summary: summary,
                lessons: lessons,
                actionItems: actionItems.map { item in
                    var item = item
                    item.done = item.done ?? earlier.first { $0.isSameWork(as: item) }?.done
                    return item
                },
                author: actor,
                at: now
            )
            try await transaction.saveReview(incidentID: id, review)
            let items =
                actionItems.isEmpty ? "" : "; \(actionItems.count) action item\(actionItems.count == 1 ? "" : "s")"
            try await transaction.appendTimeline(
                incidentID: id,
                at: now,
                actor: actor,
                kind: .review,
                detail: "review: cause \(review.cause.rawValue)\(items)"
            )
            return review
        }
    }

    /// Marks action item `number` (from 1, in the review's order) done, or open again; marking it
    /// as it already is changes nothing.
    ///
    /// - Returns: The item as stored.
    /// - Throws: ``StoreError/notFound(_:)``; ``EngineError/invalidRequest(_:)`` when the incident
    ///   has no review or the review no such item.
    @discardableResult
    public func markActionItem(
        _ number: Int,
        of id: Int64,
        done: Bool,
        by actor: String,
        at now: Date
    ) async throws -> IncidentReview.ActionItem {
        try await store.transaction { transaction in
            guard var review = try await transaction.review(incidentID: id) else {
                guard try await transaction.incident(id: id) != nil else {
                    throw StoreError.notFound("no incident with id '\(id)'")
                }
                throw EngineError.invalidRequest(
                    "INC-\(id) has no review yet: record one with its action items first"
                )
            }
            let count = review.actionItems.count
            guard count > 0 else { throw EngineError.invalidRequest("the review of INC-\(id) has no action items") }
            guard review.actionItems.indices.contains(number - 1) else {
                throw EngineError.invalidRequest(
                    "action item \(number) does not exist: the review of INC-\(id) has items 1 to \(count)"
                )
            }
            var item = review.actionItems[number - 1]
            guard (item.done != nil) != done else { return item }
            item.done = done ? .init(by: actor, at: now) : nil
            review.actionItems[number - 1] = item
            try await transaction.saveReview(incidentID: id, review)
            try await transaction.appendTimeline(
                incidentID: id,
                at: now,
                actor: actor,
                kind: .review,
                detail: "action item \(number) \(done ? "done" : "open again"): \(item.text)"
            )
            return item
        }
    }

    /// What a review's cause is guessed from: a check's kind for a check's incident (its key
    /// ends in `check:ID`), else the signal kind.
    private func suggestedKind(of incident: Incident) -> String {
        guard incident.key.contains("|check:"),
            let id = incident.key.components(separatedBy: "|check:").last,
            let check = plan.catalog.pipeline(incident.pipeline)?.check(CheckID(id))
        else { return incident.kind }
        return check.kind.name
    }
}
