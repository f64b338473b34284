public import Foundation

/// A request by one engineer that another take over part of their on-call duty.
public struct SwapRequest: Sendable, Hashable, Identifiable {
    /// Assigned by the store when the request is filed.
    public var id: Int64
    /// The engineer who holds the shift and asks to be relieved.
    public var requester: EngineerID
    /// The engineer asked to take the interval over.
    public var taker: EngineerID
    public var start: Date
    public var end: Date
    public var reason: String?
    public var status: SwapStatus
    public var requestedAt: Date
    /// When the taker accepted or declined, or the requester cancelled.
    public var decidedAt: Date?

    /// Creates a swap request.
    public init(
        id: Int64,
        requester: EngineerID,
        taker: EngineerID,
        start: Date,
        end: Date,
        reason: String? = nil,
        status: SwapStatus = .pending,
        requestedAt: Date,
        decidedAt: Date? = nil
    ) {
        self.id = id
        self.requester = requester
        self.taker = taker
        self.start = start
        self.end = end
        self.reason = reason
        self.status = status
        self.requestedAt = requestedAt
        self.decidedAt = decidedAt
    }
}

/// Where a swap request stands. Only accepted swaps change the schedule.
public enum SwapStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case pending
    case accepted
    case declined
    case cancelled
}
