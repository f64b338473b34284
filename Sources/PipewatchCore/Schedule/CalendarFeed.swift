public import Foundation

/// A calendar feed: the on-call shifts of one engineer, or of the whole team, served at a secret
/// URL that a calendar app subscribes to. Only a hash of the URL's token is kept, so the token
/// cannot be read back; a revoked feed answers 404 from then on.
public struct CalendarFeed: Sendable, Hashable, Identifiable {
    /// Assigned by the store, never reused.
    public var id: Int64
    /// Whose shifts the feed holds: one engineer, or `nil` for the whole team.
    public var engineer: EngineerID?
    /// The lower-case hex SHA-256 of the token in the feed's URL.
    public var tokenSHA256: String
    /// Who made it, as the audit log names them.
    public var createdBy: String
    /// When it was made.
    public var createdAt: Date
    /// When it was revoked, or `nil` while it serves.
    public var revokedAt: Date?

    /// Creates a feed.
    public init(
        id: Int64,
        engineer: EngineerID?,
        tokenSHA256: String,
        createdBy: String,
        createdAt: Date,
        revokedAt: Date? = nil
    ) {
        self.id = id
        self.engineer = engineer
        self.tokenSHA256 = tokenSHA256
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.revokedAt = revokedAt
    }

    /// Whether the feed still serves.
    public var isActive: Bool { revokedAt == nil }

    /// What the feed holds, as people read it: `engineer 'a'` or `team`.
    public var subject: String { engineer.map { "engineer '\($0)'" } ?? "team" }
}
