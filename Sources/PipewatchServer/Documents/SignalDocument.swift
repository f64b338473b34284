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
        openedAt = ISO8601Text.formatMilliseconds(signal.openedAt, in: .gmt)
        summary = signal.summary
        evidence = signal.evidence
    }
}

/// `{"signals": [...], "unmatched": [...]}`: the pipelines' open signals, and the failures of
/// jobs no pipeline claims (empty when the list is of one pipeline).
public struct SignalList: Codable, Sendable, Equatable {
    public let signals: [SignalDocument]
    public let unmatched: [UnmatchedFailureDocument]

    /// Creates the list.
    /// - Parameters:
    ///   - signals: The pipelines' signals.
    ///   - unmatched: Failed latest runs of unmatched jobs (``RunStore/unmatchedFailures()``).
    public init(_ signals: [Signal], unmatched: [Run] = []) {
        self.signals = signals.map(SignalDocument.init)
        self.unmatched = unmatched.compactMap(UnmatchedFailureDocument.init)
    }

    /// Reads a list; one written before unmatched failures were listed has none.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        signals = try container.decode([SignalDocument].self, forKey: .signals)
        unmatched = try container.decodeIfPresent([UnmatchedFailureDocument].self, forKey: .unmatched) ?? []
    }
}
