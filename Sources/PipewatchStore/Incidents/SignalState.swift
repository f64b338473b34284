public import Foundation
public import PipewatchCore

/// A signal as the store remembers it: open or cleared, with the evidence of its latest occurrence.
public struct SignalState: Sendable, Hashable {
    public var signal: Signal
    public var isOpen: Bool
    public var clearedAt: Date?
    /// When it last opened, cleared or repeated.
    public var changedAt: Date

    /// Creates a state.
    public init(signal: Signal, isOpen: Bool, clearedAt: Date? = nil, changedAt: Date) {
        self.signal = signal
        self.isOpen = isOpen
        self.clearedAt = clearedAt
        self.changedAt = changedAt
    }
}

/// A change of a signal, kept for the review of noisy signals.
public enum SignalTransition: String, Sendable, Hashable, Codable {
    case opened
    case cleared
    /// A new occurrence while open: another failed run of the same job.
    case repeated
}
