public import Foundation
public import PipewatchCore
import PipewatchStore

extension IncidentService {
    /// Records an incident's post-incident review (replacing an earlier one), on its timeline.
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
            let review = IncidentReview(
                cause: cause ?? IncidentCause(suggestedFor: suggestedKind(of: incident)),
                summary: summary,
                lessons: lessons,
                actionItems: actionItems,
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
