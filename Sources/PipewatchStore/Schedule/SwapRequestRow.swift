import PipewatchCore

/// A row of `swap_requests`.
struct SwapRequestRow: Codable, Sendable {
    var id: Int64
    var requester: String
    var taker: String
    var startMs: Int64
    var endMs: Int64
    var reason: String?
    var status: String
    var requestedAtMs: Int64
    var decidedAtMs: Int64?

    /// The request this row holds.
    ///
    /// - Throws: ``StoreError/unavailable(_:underlying:)`` for an unknown status.
    func request() throws(StoreError) -> SwapRequest {
        guard let status = SwapStatus(rawValue: status) else {
            throw .unavailable("swap request '\(id)' in the state store has an unknown status '\(status)'")
        }
        return SwapRequest(
            id: id,
            requester: EngineerID(requester),
            taker: EngineerID(taker),
            start: EpochMilliseconds(startMs).date,
            end: EpochMilliseconds(endMs).date,
            reason: reason,
            status: status,
            requestedAt: EpochMilliseconds(requestedAtMs).date,
            decidedAt: decidedAtMs.map { EpochMilliseconds($0).date }
        )
    }
}
