public import Foundation
public import PipewatchCore
import SQLKit

extension SQLStateStore {
    public func fileSwapRequest(
        requester: EngineerID,
        taker: EngineerID,
        interval: Range<Date>,
        reason: String?,
        at now: Date,
        audit: (SwapRequest) -> AuditDraft
    ) async throws(StoreError) -> SwapRequest {
        let start = EpochMilliseconds(interval.lowerBound)
        let end = EpochMilliseconds(interval.upperBound)
        guard start < end else {
            throw .invalidValue("a swap request from '\(requester)' to '\(taker)' must cover at least one millisecond")
        }
        return try await perform("cannot file a swap request from '\(requester)' to '\(taker)'") {
            try await executor.transaction { database in
                let row = try await database.raw(
                    """
                    INSERT INTO swap_requests (requester, taker, start_ms, end_ms, reason, status, requested_at_ms)
                    VALUES (\(bind: requester.rawValue), \(bind: taker.rawValue), \(bind: start.value), \(bind: end.value),
                        \(bind: reason), \(bind: SwapStatus.pending.rawValue), \(bind: EpochMilliseconds(now).value))
                    RETURNING *
                    """
                ).first(decoding: SwapRequestRow.self, keyDecodingStrategy: .convertFromSnakeCase)
                guard let request = try row?.request() else {
                    throw StoreError.unavailable("cannot file a swap request: the database returned no row")
                }
                try await Self.insertAudit(audit(request), into: database)
                return request
            }
        }
    }

    public func swapRequest(id: Int64) async throws(StoreError) -> SwapRequest {
        let row = try await perform("cannot read swap request '\(id)'") {
            try await executor.read { database in
                try await database.raw("SELECT * FROM swap_requests WHERE id = \(bind: id)")
                    .first(decoding: SwapRequestRow.self, keyDecodingStrategy: .convertFromSnakeCase)
            }
        }
        guard let row else { throw .notFound("there is no swap request with id '\(id)'") }
        return try row.request()
    }

    public func swapRequests(
        status: SwapStatus?,
        overlapping interval: Range<Date>?
    ) async throws(StoreError) -> [SwapRequest] {
        let rows = try await perform("cannot list swap requests") {
            try await executor.read { database in
                let query = database.select().column("*").from("swap_requests")
                if let status { query.where("status", .equal, status.rawValue) }
                if let interval {
                    query.where("start_ms", .lessThan, EpochMilliseconds(interval.upperBound).value)
                        .where("end_ms", .greaterThan, EpochMilliseconds(interval.lowerBound).value)
                }
                return try await query.orderBy("start_ms").orderBy("id")
                    .all(decoding: SwapRequestRow.self, keyDecodingStrategy: .convertFromSnakeCase)
            }
        }
        return try rows.map { row throws(StoreError) in try row.request() }
    }

    public func decideSwapRequest(
        id: Int64,
        as status: SwapStatus,
        at now: Date,
        audit: (SwapRequest) -> AuditDraft
    ) async throws(StoreError) -> SwapRequest {
        guard status != .pending else {
            throw .conflict("cannot set swap request '\(id)' back to pending: a decision is final")
        }
        return try await perform("cannot update swap request '\(id)'") {
            try await executor.transaction { database in
                // The status test in the UPDATE makes the check and the change one step, so
                // two deciders racing on PostgreSQL cannot both succeed.
                let row = try await database.raw(
                    """
                    UPDATE swap_requests SET status = \(bind: status.rawValue), decided_at_ms = \(bind: EpochMilliseconds(now).value)
                    WHERE id = \(bind: id) AND status = \(bind: SwapStatus.pending.rawValue)
                    RETURNING *
                    """
                ).first(decoding: SwapRequestRow.self, keyDecodingStrategy: .convertFromSnakeCase)
                guard let request = try row?.request() else {
                    let current = try await database.raw("SELECT status FROM swap_requests WHERE id = \(bind: id)")
                        .first(decodingColumn: "status", as: String.self)
                    guard let current else { throw StoreError.notFound("there is no swap request with id '\(id)'") }
                    throw StoreError.conflict(
                        "cannot \(Self.verb(for: status)) swap request '\(id)': it is already \(current); only a pending request can be decided"
                    )
                }
                try await Self.insertAudit(audit(request), into: database)
                return request
            }
        }
    }

    private static func verb(for status: SwapStatus) -> String {
        switch status {
        case .pending: "reopen"
        case .accepted: "accept"
        case .declined: "decline"
        case .cancelled: "cancel"
        }
    }
}
