import Crypto
public import Foundation
public import PipewatchCore
public import PipewatchStore

/// Calendar feeds: making a feed's secret token, revoking it, and rendering the iCalendar document
/// a calendar app fetches from `/feeds/<token>.ics`.
///
/// A feed covers ``daysBack`` days before today through ``daysAhead`` days after (team zone). Every
/// shift that overlaps the window is served whole, never cut at the window's edges, so a shift
/// keeps its UID (``ICalendarWriter/uid(for:)-(Shift)``) from one fetch to the next as the window
/// moves day by day; only a change to the shift itself gives it a new one. An engineer's feed also
/// holds their days off (public holidays by name, company days, time off) as all-day events.
public struct CalendarFeedService: Sendable {
    /// Days before today that a feed still shows.
    public static let daysBack = 28
    /// Days after today that a feed shows (26 weeks).
    public static let daysAhead = 182

    public let schedule: ScheduleService

    /// Creates the service over the schedule it serves.
    public init(schedule: ScheduleService) {
        self.schedule = schedule
    }

    private var store: any ScheduleStore { schedule.store }
    private var catalog: Catalog { schedule.plan.catalog }

    /// Makes a feed and its token; the store keeps only the token's SHA-256.
    ///
    /// - Parameters:
    ///   - engineer: Whose shifts it serves, or `nil` for the whole team.
    ///   - actor: Who makes it, for the audit log.
    ///   - now: When.
    /// - Returns: The stored feed and the token, which cannot be read back later.
    /// - Throws: ``ScheduleError/unknownEngineer(_:)`` for an engineer not in the config;
    ///   ``StoreError`` when the database fails.
    public func make(
        for engineer: EngineerID?,
        by actor: String,
        at now: Date
    ) async throws -> (feed: CalendarFeed, token: String) {
        if let engineer, catalog.engineer(engineer) == nil { throw ScheduleError.unknownEngineer(engineer) }
        var generator = SystemRandomNumberGenerator()
        let token = (0..<32).map { _ in hex(UInt8.random(in: 0...255, using: &generator)) }.joined()
        let feed = try await store.addCalendarFeed(
            engineer: engineer,
            tokenSHA256: Self.hash(token),
            createdBy: actor,
            at: now
        ) { feed in
            AuditDraft(
                at: now,
                actor: actor,
                action: "feed.new",
                detail: "calendar feed #\(feed.id) for \(feed.subject)"
            )
        }
        return (feed, token)
    }

    /// Revokes a feed: its URL answers 404 from now on.
    ///
    /// - Throws: ``StoreError/notFound(_:)`` or ``StoreError/conflict(_:)`` (already revoked).
    public func revoke(id: Int64, by actor: String, at now: Date) async throws(StoreError) -> CalendarFeed {
        try await store.revokeCalendarFeed(id: id, at: now) { feed in
            AuditDraft(
                at: now,
                actor: actor,
                action: "feed.revoke",
                detail: "calendar feed #\(feed.id) for \(feed.subject)"
            )
        }
    }

    /// The feed a token opens, or `nil` for an unknown or revoked token, or a feed whose engineer
    /// has left the config.
    public func feed(token: String) async throws(StoreError) -> CalendarFeed? {
        guard token.utf8.count == 64, token.allSatisfy(\.isHexDigit) else { return nil }
        guard let feed = try await store.activeCalendarFeed(tokenSHA256: Self.hash(token.lowercased())) else {
            return nil
        }
        if let engineer = feed.engineer, catalog.engineer(engineer) == nil { return nil }
        return feed
    }

    /// The iCalendar document of `feed` for the window around `now`.
    ///
    /// - Throws: ``ScheduleError`` when the schedule cannot be computed (no rotation, a holiday
    ///   calendar without the years asked for); ``StoreError`` when the database fails.
    public func document(of feed: CalendarFeed, at now: Date) async throws -> String {
        guard let policy = schedule.plan.oncall else { throw ScheduleError.emptyRotation }
        let zone = catalog.team.timeZone
        let today = LocalDate(now, in: zone)
        let first = today.adding(days: -Self.daysBack).instant(in: zone)
        let last = today.adding(days: Self.daysAhead + 1).instant(in: zone)
        // Computed wider than served, so that shifts across the window's edges come out whole.
        let margin = max(2 * policy.shift.timeInterval, 7 * 86_400)
        let calculator = try await schedule.calculator(policy: policy)
        let wide = try calculator.schedule(from: first.addingTimeInterval(-margin), to: last.addingTimeInterval(margin))
        let shifts = wide.shifts.filter { $0.end > first && $0.start < last }
        let served = Schedule(
            from: first,
            to: last,
            timeZone: zone,
            shifts: shifts,
            gaps: wide.gaps.filter { $0.end > first && $0.start < last },
            absences: wide.absences,
            provisional: wide.provisional
        )
        let absences = feed.engineer.map { engineer in
            wide.absences(of: engineer).filter { $0.end > first && $0.start < last }
        }
        let team = catalog.team.name
        let name = feed.engineer.map { id in "\(team) on call: \(catalog.engineer(id)?.name ?? id.rawValue)" }
        let writer = ICalendarWriter(calendarName: name ?? "\(team) on call", engineers: catalog.engineers)
        return writer.render(served, engineer: feed.engineer, absences: absences ?? [])
    }

    /// The lower-case hex SHA-256 of `token`.
    static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map(hex).joined()
    }
}

private func hex(_ byte: UInt8) -> String {
    let digits = String(byte, radix: 16)
    return digits.count == 1 ? "0" + digits : digits
}
