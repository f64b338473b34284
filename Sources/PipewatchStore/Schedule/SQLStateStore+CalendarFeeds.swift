public import Foundation
public import PipewatchCore
import SQLKit

extension SQLStateStore {
    public func addCalendarFeed(
        engineer: EngineerID?,
        tokenSHA256: String,
        createdBy: String,
        at now: Date,
        audit: (CalendarFeed) -> AuditDraft
    ) async throws(StoreError) -> CalendarFeed {
        guard tokenSHA256.utf8.count == 64, tokenSHA256.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else {
            throw .invalidValue("a calendar feed's token hash must be 64 lower-case hex digits")
        }
        guard !createdBy.isEmpty else { throw .invalidValue("a calendar feed must name who made it") }
        return try await perform("cannot add a calendar feed") {
            try await executor.transaction { database in
                let row = try await database.raw(
                    """
                    INSERT INTO calendar_feeds (engineer, token_sha256, created_by, created_at_ms)
                    VALUES (\(bind: engineer?.rawValue), \(bind: tokenSHA256), \(bind: createdBy),
                        \(bind: EpochMilliseconds(now).value))
                    RETURNING *
                    """
                ).first(decoding: CalendarFeedRow.self, keyDecodingStrategy: .convertFromSnakeCase)
                guard let feed = row?.feed else {
                    throw StoreError.unavailable("cannot add a calendar feed: the database returned no row")
                }
                try await Self.insertAudit(audit(feed), into: database)
                return feed
            }
        }
    }

    public func calendarFeeds() async throws(StoreError) -> [CalendarFeed] {
        try await perform("cannot list calendar feeds") {
            try await executor.read { database in
                try await database.select().column("*").from("calendar_feeds").orderBy("id")
                    .all(decoding: CalendarFeedRow.self, keyDecodingStrategy: .convertFromSnakeCase)
                    .map(\.feed)
            }
        }
    }

    public func activeCalendarFeed(tokenSHA256: String) async throws(StoreError) -> CalendarFeed? {
        try await perform("cannot read calendar feeds") {
            try await executor.read { database in
                try await database.select().column("*").from("calendar_feeds")
                    .where("token_sha256", .equal, tokenSHA256)
                    .where(SQLColumn("revoked_at_ms"), .is, SQLLiteral.null)
                    .first(decoding: CalendarFeedRow.self, keyDecodingStrategy: .convertFromSnakeCase)?
                    .feed
            }
        }
    }

    public func revokeCalendarFeed(
        id: Int64,
        at now: Date,
        audit: (CalendarFeed) -> AuditDraft
    ) async throws(StoreError) -> CalendarFeed {
        try await perform("cannot revoke calendar feed '\(id)'") {
            try await executor.transaction { database in
                let existing = try await database.select().column("*").from("calendar_feeds").where("id", .equal, id)
                    .first(decoding: CalendarFeedRow.self, keyDecodingStrategy: .convertFromSnakeCase)
                guard let existing else { throw StoreError.notFound("there is no calendar feed with id '\(id)'") }
                if let revoked = existing.revokedAtMs {
                    throw StoreError.conflict(
                        "calendar feed '\(id)' was already revoked at "
                            + ISO8601Text.formatMilliseconds(EpochMilliseconds(revoked).date, in: .gmt)
                    )
                }
                let row = try await database.raw(
                    """
                    UPDATE calendar_feeds SET revoked_at_ms = \(bind: EpochMilliseconds(now).value)
                    WHERE id = \(bind: id) AND revoked_at_ms IS NULL
                    RETURNING *
                    """
                ).first(decoding: CalendarFeedRow.self, keyDecodingStrategy: .convertFromSnakeCase)
                guard let feed = row?.feed else {
                    throw StoreError.conflict("calendar feed '\(id)' was revoked meanwhile")
                }
                try await Self.insertAudit(audit(feed), into: database)
                return feed
            }
        }
    }
}
