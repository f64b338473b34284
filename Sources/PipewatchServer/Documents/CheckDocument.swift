import Foundation
public import PipewatchCore

/// A check's result as the API and `pipewatch check … --format json` show it.
public struct CheckResultDocument: Codable, Sendable, Equatable {
    public let check: String
    public let pipeline: String
    /// `pass`, `warn`, `fail` or `error`.
    public let state: String
    public let value: Double?
    public let threshold: String?
    public let message: String
    public let examples: [String]
    /// The statements run, separated by `;` and a new line, to run again by hand.
    public let sql: String
    public let durationMs: Int
    public let startedAt: String
    public let stateSince: String

    enum CodingKeys: String, CodingKey {
        case check, pipeline, state, value, threshold, message, examples, sql
        case durationMs = "duration_ms"
        case startedAt = "started_at"
        case stateSince = "state_since"
    }

    /// The document of `result`, with its times in UTC.
    public init(_ result: CheckResult) {
        check = result.check.rawValue
        pipeline = result.pipeline.rawValue
        state = result.state.rawValue
        value = result.value.flatMap { $0.isFinite ? $0 : nil }
        threshold = result.threshold
        message = result.message
        examples = result.examples
        sql = result.sql.joined(separator: ";\n")
        durationMs = result.durationMilliseconds
        startedAt = ISO8601Text.formatMilliseconds(result.startedAt, in: .gmt)
        stateSince = ISO8601Text.formatMilliseconds(result.stateSince, in: .gmt)
    }
}

/// A declared check with its latest result, as `GET /api/v1/checks` and `pipewatch check list` show it.
public struct CheckDocument: Codable, Sendable, Equatable {
    public let id: String
    public let pipeline: String
    public let kind: String
    public let summary: String
    public let description: String?
    public let source: String?
    public let schedule: String
    public let latest: CheckResultDocument?

    /// The document of `check` on `pipeline`, with its source and latest result.
    public init(_ check: Check, pipeline: PipelineID, source: SourceID?, latest: CheckResult?) {
        id = check.id.rawValue
        self.pipeline = pipeline.rawValue
        kind = check.kind.name
        summary = check.kind.summary
        description = check.description
        self.source = source?.rawValue
        schedule = check.schedule.description
        self.latest = latest.map(CheckResultDocument.init)
    }
}

/// `{"checks": [...]}`.
public struct CheckList: Codable, Sendable, Equatable {
    public let checks: [CheckDocument]

    /// Every check of `plan` (or those given), with its latest result.
    public init(_ plan: TeamPlan, latest: [CheckID: CheckResult], only: Set<PipelineID>? = nil) {
        checks = plan.checks.filter { only?.contains($0.pipeline.id) ?? true }.map { entry in
            CheckDocument(
                entry.check,
                pipeline: entry.pipeline.id,
                source: plan.source(of: entry.check, in: entry.pipeline)?.id,
                latest: latest[entry.check.id]
            )
        }
    }
}

/// `{"results": [...]}`: what a run of checks found, or a check's history.
public struct CheckResultList: Codable, Sendable, Equatable {
    public let results: [CheckResultDocument]

    /// Creates the list.
    public init(_ results: [CheckResult]) { self.results = results.map(CheckResultDocument.init) }
}
