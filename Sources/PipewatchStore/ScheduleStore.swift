public import Foundation
public import PipewatchCore

/// The run-time state of the schedule: time off added from the CLI, swap requests,
/// overrides and the audit log.
///
/// Every change takes an `audit` closure that builds the audit entry from the stored
/// record (so the entry can name the id just assigned); the change and its entry are
/// written in one transaction, or neither is. Lists come back in a stable order.
/// ``SQLStateStore`` implements it on SQLite and PostgreSQL; tests of other modules
/// may use it with an in-memory SQLite location.
public protocol ScheduleStore: CalendarFeedStore {
    /// A number that grows with every change to the stored schedule (each is audited): a computed
    /// schedule is current while it stays the same.
    func scheduleVersion() async throws(StoreError) -> Int64

    /// Records time off.
    ///
    /// - Parameters:
    ///   - timeOff: The absence; `from` must not be after `to`.
    ///   - now: When it is added, stored as `createdAt`.
    ///   - audit: Builds the audit entry from the stored record.
    /// - Returns: The stored record with its new id.
    /// - Throws: ``StoreError/invalidValue(_:)`` for reversed or unstorable dates; other cases when the database fails.
    func addTimeOff(
        _ timeOff: TimeOff,
        at now: Date,
        audit: (TimeOffRecord) -> AuditDraft
    ) async throws(StoreError) -> TimeOffRecord

    /// Lists time off, ordered by first day, engineer and id.
    ///
    /// - Parameters:
    ///   - engineer: Only this engineer's time off, or everyone's when `nil`.
    ///   - dates: Only time off sharing at least one day with these dates, or all when `nil`.
    /// - Returns: The matching records.
    /// - Throws: ``StoreError`` when the database fails.
    func timeOff(
        for engineer: EngineerID?,
        overlapping dates: ClosedRange<LocalDate>?
    ) async throws(StoreError)
        -> [TimeOffRecord]

    /// Removes time off.
    ///
    /// - Parameters:
    ///   - id: The record's id.
    ///   - audit: Builds the audit entry from the removed record.
    /// - Returns: The removed record.
    /// - Throws: ``StoreError/notFound(_:)`` when no time off has this id.
    func removeTimeOff(id: Int64, audit: (TimeOffRecord) -> AuditDraft) async throws(StoreError) -> TimeOffRecord

    /// Files a pending swap request.
    ///
    /// - Parameters:
    ///   - requester: The engineer who holds the shift.
    ///   - taker: The engineer asked to take the interval over.
    ///   - interval: The interval handed over; it must not be empty.
    ///   - reason: Why, if given.
    ///   - now: When it is filed, stored as `requestedAt`.
    ///   - audit: Builds the audit entry from the stored request.
    /// - Returns: The stored request with its new id, `pending`.
    /// - Throws: ``StoreError/invalidValue(_:)`` for an empty interval; other cases when the database fails.
    func fileSwapRequest(
        requester: EngineerID,
        taker: EngineerID,
        interval: Range<Date>,
        reason: String?,
        at now: Date,
        audit: (SwapRequest) -> AuditDraft
    ) async throws(StoreError) -> SwapRequest

    /// Fetches a swap request.
    ///
    /// - Parameter id: The request's id.
    /// - Returns: The request.
    /// - Throws: ``StoreError/notFound(_:)`` when no request has this id.
    func swapRequest(id: Int64) async throws(StoreError) -> SwapRequest

    /// Lists swap requests, ordered by start and id.
    ///
    /// - Parameters:
    ///   - status: Only requests in this state, or all when `nil`.
    ///   - interval: Only requests whose interval overlaps this one, or all when `nil`.
    /// - Returns: The matching requests.
    /// - Throws: ``StoreError`` when the database fails.
    func swapRequests(status: SwapStatus?, overlapping interval: Range<Date>?) async throws(StoreError) -> [SwapRequest]

    /// Accepts, declines or cancels a pending swap request.
    ///
    /// - Parameters:
    ///   - id: The request's id.
    ///   - status: `accepted`, `declined` or `cancelled`.
    ///   - now: When it is decided, stored as `decidedAt`.
    ///   - audit: Builds the audit entry from the updated request.
    /// - Returns: The updated request.
    /// - Throws: ``StoreError/notFound(_:)`` when no request has this id;
    ///   ``StoreError/conflict(_:)`` when it is no longer pending or `status` is `pending`.
    func decideSwapRequest(
        id: Int64,
        as status: SwapStatus,
        at now: Date,
        audit: (SwapRequest) -> AuditDraft
    ) async throws(StoreError) -> SwapRequest

    /// Records an override.
    ///
    /// - Parameters:
    ///   - engineer: Who is put on call.
    ///   - interval: When; it must not be empty.
    ///   - reason: Why; required for the emergency path.
    ///   - now: When it is recorded, stored as `createdAt`.
    ///   - audit: Builds the audit entry from the stored override.
    /// - Returns: The stored override with its new id.
    /// - Throws: ``StoreError/invalidValue(_:)`` for an empty interval; other cases when the database fails.
    func addOverride(
        engineer: EngineerID,
        interval: Range<Date>,
        reason: String,
        at now: Date,
        audit: (Override) -> AuditDraft
    ) async throws(StoreError) -> Override

    /// Lists overrides, ordered by start and id.
    ///
    /// - Parameter interval: Only overrides overlapping this interval, or all when `nil`.
    /// - Returns: The matching overrides.
    /// - Throws: ``StoreError`` when the database fails.
    func overrides(overlapping interval: Range<Date>?) async throws(StoreError) -> [Override]

    /// Appends an entry to the audit log on its own, for events that change nothing stored.
    ///
    /// - Parameter entry: The entry.
    /// - Returns: The stored entry with its new id.
    /// - Throws: ``StoreError`` when the database fails or `actor` or `action` is empty.
    func appendAudit(_ entry: AuditDraft) async throws(StoreError) -> AuditEntry

    /// Lists the newest audit entries, newest first (by time, then id).
    ///
    /// - Parameter limit: The most entries to return.
    /// - Returns: Up to `limit` entries.
    /// - Throws: ``StoreError`` when the database fails.
    func auditEntries(limit: Int) async throws(StoreError) -> [AuditEntry]
}

extension ScheduleStore {
    /// Lists all time off, ordered by first day, engineer and id.
    ///
    /// - Returns: Every record.
    /// - Throws: ``StoreError`` when the database fails.
    public func allTimeOff() async throws(StoreError) -> [TimeOffRecord] {
        try await timeOff(for: nil, overlapping: nil)
    }

    /// Lists swap requests, ordered by start and id.
    ///
    /// - Parameter status: Only requests in this state, or all when `nil`.
    /// - Returns: The matching requests.
    /// - Throws: ``StoreError`` when the database fails.
    public func swapRequests(status: SwapStatus? = nil) async throws(StoreError) -> [SwapRequest] {
        try await swapRequests(status: status, overlapping: nil)
    }
}
