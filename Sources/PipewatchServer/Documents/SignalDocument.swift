import Foundation
public import PipewatchCore

/// A signal as the API and `pipewatch signals --format json` show it.
public struct SignalDocument: Codable, Sendable, Equatable {
    public let kind: String
    public let pipeline: String
    public let subject: String
    public let openedAt: String
    public let summary: String
    public let evidence: [String: String]

    enum CodingKeys: String, CodingKey {
        case kind, pipeline, subject, summary, evidence
        case openedAt = "opened_at"
    }

    /// The document of `signal`, with its time in UTC.
    public init(_ signal: Signal) {
        kind = signal.kind.rawValue
        pipeline = signal.pipeline.rawValue
        subject = signal.subject
        openedAt = ISO8601Text.format(signal.openedAt, in: .gmt)
        summary = signal.summary
        evidence = signal.evidence
    }
}

/// `{"signals": [...]}`.
public struct SignalList: Codable, Sendable, Equatable {
    public let signals: [SignalDocument]

    /// Creates the list.
    public init(_ signals: [Signal]) { self.signals = signals.map(SignalDocument.init) }
}
