public import Foundation
public import PipewatchCore

/// Calendar feeds: the secret URLs that serve shifts as iCalendar. The store keeps only the hash
/// of each feed's token. Making and revoking a feed are audited in the same transaction.
public protocol CalendarFeedStore: Sendable {
    /// Records a new feed.
    ///
    /// - Parameters:
    ///   - engineer: Whose shifts it serves, or `nil` for the whole team.
    ///   - tokenSHA256: The lower-case hex SHA-256 of its token (64 characters).
    ///   - createdBy: Who made it.
    ///   - now: When, stored as `createdAt`.
    ///   - audit: Builds the audit entry from the stored feed.
    /// - Returns: The stored feed with its new id.
    /// - Throws: ``StoreError/invalidValue(_:)`` for a malformed hash; other cases when the
    ///   database fails (or, in theory, when a feed already has this hash).
    func addCalendarFeed(
        engineer: EngineerID?,
        tokenSHA256: String,
        createdBy: String,
        at now: Date,
        audit: (CalendarFeed) -> AuditDraft
    ) async throws(StoreError) -> CalendarFeed

    /// Lists every feed, revoked ones too, by id.
    ///
    /// - Returns: The feeds.
    /// - Throws: ``StoreError`` when the database fails.
    func calendarFeeds() async throws(StoreError) -> [CalendarFeed]

    /// The feed whose token has this hash, if it is not revoked.
    ///
    /// - Parameter tokenSHA256: The hash of the token from the URL.
    /// - Returns: The active feed, or `nil` for an unknown or revoked token.
    /// - Throws: ``StoreError`` when the database fails.
    func activeCalendarFeed(tokenSHA256: String) async throws(StoreError) -> CalendarFeed?

    /// Revokes a feed: its URL answers 404 from now on.
    ///
    /// - Parameters:
    ///   - id: The feed's id.
    ///   - now: When, stored as `revokedAt`.
    ///   - audit: Builds the audit entry from the revoked feed.
    /// - Returns: The revoked feed.
    /// - Throws: ``StoreError/notFound(_:)`` when no feed has this id; ``StoreError/conflict(_:)``
    ///   when it is already revoked.
    func revokeCalendarFeed(
        id: Int64,
        at now: Date,
        audit: (CalendarFeed) -> AuditDraft
    ) async throws(StoreError) -> CalendarFeed
}
