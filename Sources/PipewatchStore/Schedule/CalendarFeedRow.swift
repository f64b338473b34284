import PipewatchCore

/// A row of `calendar_feeds`.
struct CalendarFeedRow: Codable, Sendable {
    var id: Int64
    var engineer: String?
    var tokenSha256: String
    var createdBy: String
    var createdAtMs: Int64
    var revokedAtMs: Int64?

    /// The feed this row holds.
    var feed: CalendarFeed {
        CalendarFeed(
            id: id,
            engineer: engineer.map { EngineerID($0) },
            tokenSHA256: tokenSha256,
            createdBy: createdBy,
            createdAt: EpochMilliseconds(createdAtMs).date,
            revokedAt: revokedAtMs.map { EpochMilliseconds($0).date }
        )
    }
}
