import Foundation
public import PipewatchCore

/// A run as the API and `pipewatch runs --format json` show it.
public struct RunDocument: Codable, Sendable, Equatable {
    public struct Job: Codable, Sendable, Equatable {
        public let namespace: String
        public let name: String
    }

    public let runID: String
    public let job: Job
    public let state: String
    public let startedAt: String?
    public let endedAt: String?
    public let durationSeconds: Double?
    public let errorMessage: String?

    enum CodingKeys: String, CodingKey {
        case job, state
        case runID = "run_id"
        case startedAt = "started_at"
        case endedAt = "ended_at"
        case durationSeconds = "duration_s"
        case errorMessage = "error_message"
    }

    /// The document of `run`, with times in UTC.
    public init(_ run: Run) {
        runID = run.id
        job = Job(namespace: run.job.namespace, name: run.job.name)
        state = run.state.rawValue
        startedAt = ISO8601Text.formatMilliseconds(run.startedAt, in: .gmt)
        endedAt = run.endedAt.map { ISO8601Text.formatMilliseconds($0, in: .gmt) }
        durationSeconds = run.endedAt.map { $0.timeIntervalSince(run.startedAt) }
        errorMessage = run.errorMessage
    }

    /// Encodes `nil` values as JSON nulls, so every key is always there.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(runID, forKey: .runID)
        try container.encode(job, forKey: .job)
        try container.encode(state, forKey: .state)
        try container.encode(startedAt, forKey: .startedAt)
        try container.encode(endedAt, forKey: .endedAt)
        try container.encode(durationSeconds, forKey: .durationSeconds)
        try container.encode(errorMessage, forKey: .errorMessage)
    }
}

/// `{"runs": [...]}`.
public struct RunList: Codable, Sendable, Equatable {
    public let runs: [RunDocument]

    /// Creates the list.
    public init(_ runs: [Run]) { self.runs = runs.map(RunDocument.init) }
}
