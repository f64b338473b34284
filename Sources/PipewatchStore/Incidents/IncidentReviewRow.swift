import Foundation
import PipewatchCore

/// A row of `incident_reviews`: the review's fields, its action items as JSON (done marks in
/// milliseconds since 1970).
struct IncidentReviewRow: Decodable {
    var incidentId: Int64
    var cause: String
    var summary: String
    var lessons: String
    var actionItems: String
    var author: String
    var atMs: Int64

    /// The review the row holds; an unknown cause reads as `other`, unreadable items as none.
    var review: IncidentReview {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .millisecondsSince1970
        let items = (try? decoder.decode([IncidentReview.ActionItem].self, from: Data(actionItems.utf8))) ?? []
        return IncidentReview(
            cause: IncidentCause(rawValue: cause) ?? .other,
            summary: summary,
            lessons: lessons,
            actionItems: items,
            author: author,
            at: EpochMilliseconds(atMs).date
        )
    }

    /// The JSON that `action_items` stores for `items`.
    static func json(_ items: [IncidentReview.ActionItem]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .millisecondsSince1970
        return String(decoding: try encoder.encode(items), as: UTF8.self)
    }
}
