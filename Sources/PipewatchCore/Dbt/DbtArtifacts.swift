public import Foundation

/// What a dbt invocation left in its target folder, read into runs and freshness results and
/// attributed to pipelines.
public struct DbtArtifacts: Sendable {
    /// One node's result (`run_results.json`), as a run, with the pipeline it belongs to.
    public struct NodeRun: Sendable, Hashable {
        public var run: Run
        public var resourceType: String
        /// dbt's own status word, kept even when Pipewatch does not know it.
        public var status: String
        public var pipeline: PipelineID?
    }

    /// One source-freshness result (`sources.json`), with the pipeline it belongs to.
    public struct Freshness: Sendable, Hashable {
        public var result: SourceFreshness
        public var pipeline: PipelineID?
    }

    public var invocationID: String
    public var nodeRuns: [NodeRun]
    public var freshness: [Freshness]

    /// Reads the artifacts and attributes each node to a pipeline: a pipeline whose `jobs` name the
    /// node (`{ dbt: model.shop.orders }`), else `meta.pipewatch_pipeline` in dbt, else, for a test,
    /// the pipeline of the node it tests.
    /// - Parameters:
    ///   - runResults: `run_results.json`.
    ///   - sources: `sources.json`, when `dbt source freshness` ran.
    ///   - manifest: `manifest.json`, for `meta` and the nodes tests are attached to.
    ///   - catalog: the pipelines.
    /// - Throws: ``DbtArtifactError`` naming the file and field at fault.
    public init(runResults: Data?, sources: Data?, manifest: Data?, catalog: Catalog) throws(DbtArtifactError) {
        let manifestObject = try manifest.map { data throws(DbtArtifactError) in
            try DbtJSON.object(data, file: "manifest.json")
        }
        let attribution = DbtAttribution(manifest: manifestObject, catalog: catalog)
        var invocation = ""
        var nodeRuns: [NodeRun] = []
        if let runResults {
            let root = try DbtJSON.object(runResults, file: "run_results.json")
            let metadata = root["metadata"] as? [String: Any]
            // Without an invocation id, the generation time keeps invocations apart.
            invocation =
                metadata?["invocation_id"] as? String ?? (metadata?["generated_at"] as? String).map { "dbt-\($0)" }
                ?? ""
            let generated = (metadata?["generated_at"] as? String).flatMap { ISO8601Text.parse($0) }
            guard let results = root["results"] as? [[String: Any]] else {
                throw .missingField(file: "run_results.json", field: "results")
            }
            for (index, result) in results.enumerated() {
                guard let uniqueID = result["unique_id"] as? String, let status = result["status"] as? String else {
                    throw .missingField(file: "run_results.json", field: "results[].unique_id or status")
                }
                try Self.requireSeconds(
                    result["execution_time"],
                    file: "run_results.json",
                    field: "results[\(index)].execution_time"
                )
                nodeRuns.append(
                    Self.nodeRun(
                        result,
                        uniqueID: uniqueID,
                        status: status,
                        invocation: invocation,
                        generated: generated,
                        pipeline: attribution.pipeline(of: uniqueID)
                    )
                )
            }
        }
        var freshness: [Freshness] = []
        if let sources {
            let root = try DbtJSON.object(sources, file: "sources.json")
            guard let results = root["results"] as? [[String: Any]] else {
                throw .missingField(file: "sources.json", field: "results")
            }
            for (index, result) in results.enumerated() {
                let snapshotted = (result["snapshotted_at"] as? String).flatMap { ISO8601Text.parse($0) }
                guard let uniqueID = result["unique_id"] as? String, let snapshotted else {
                    throw .missingField(file: "sources.json", field: "results[].unique_id or snapshotted_at")
                }
                try Self.requireSeconds(
                    result["max_loaded_at_time_ago_in_s"],
                    file: "sources.json",
                    field: "results[\(index)].max_loaded_at_time_ago_in_s"
                )
                let status = SourceFreshness.Status(rawValue: result["status"] as? String ?? "") ?? .unknown
                let source = SourceFreshness(
                    uniqueID: uniqueID,
                    status: status,
                    maxLoadedAt: (result["max_loaded_at"] as? String).flatMap { ISO8601Text.parse($0) },
                    snapshottedAt: snapshotted,
                    ageSeconds: result["max_loaded_at_time_ago_in_s"] as? Double
                )
                freshness.append(Freshness(result: source, pipeline: attribution.pipeline(of: uniqueID)))
            }
        }
        self.invocationID = invocation
        self.nodeRuns = nodeRuns
        self.freshness = freshness
    }

    /// The longest a dbt node or a source's age may be, in seconds: a century.
    static let longestSeconds = Double(DurationText.longest.components.seconds)

    /// Checks that a number of seconds from outside, when present, is one a run can have: finite,
    /// not negative, and at most a century (a larger one would overflow the instants built on it).
    private static func requireSeconds(_ value: Any?, file: String, field: String) throws(DbtArtifactError) {
        guard let value else { return }
        guard let seconds = value as? Double, seconds.isFinite, (0...longestSeconds).contains(seconds) else {
            let shown = (value as? Double).map { "\($0)" } ?? "\(value)"
            throw .invalidField(
                file: file,
                field: field,
                reason: "\(shown) is not a number of seconds from 0 to 100 years"
            )
        }
    }

    private static func nodeRun(
        _ result: [String: Any],
        uniqueID: String,
        status: String,
        invocation: String,
        generated: Date?,
        pipeline: PipelineID?
    ) -> NodeRun {
        let timing = (result["timing"] as? [[String: Any]]) ?? []
        let execute = timing.first { $0["name"] as? String == "execute" } ?? timing.last
        let started =
            (execute?["started_at"] as? String).flatMap { ISO8601Text.parse($0) } ?? generated
            ?? Date(timeIntervalSince1970: 0)
        let completed =
            (execute?["completed_at"] as? String).flatMap { ISO8601Text.parse($0) }
            ?? started.addingTimeInterval(result["execution_time"] as? Double ?? 0)
        let resourceType = String(uniqueID.prefix { $0 != "." })
        let state = Self.state(status)
        let message = result["message"] as? String
        let run = Run(
            id: "\(invocation):\(uniqueID)",
            job: JobName(namespace: "dbt", name: uniqueID),
            state: state,
            startedAt: started,
            endedAt: state == .running ? nil : completed,
            errorMessage: state.isFailure || status == "warn" ? message : nil,
            parentRunID: invocation.isEmpty ? nil : invocation
        )
        return NodeRun(run: run, resourceType: resourceType, status: status, pipeline: pipeline)
    }

    /// dbt's statuses: models `success|error|skipped`, tests `pass|warn|fail|error|skipped`.
    /// A warning is not a failure, nor is a node skipped because of a failure upstream (that failure
    /// is the signal); a status dbt may add later is kept as unknown.
    static func state(_ status: String) -> RunState {
        switch status {
        case "success", "pass", "warn": .completed
        case "error", "fail", "runtime error": .failed
        case "skipped": .skipped
        default: .unknown
        }
    }
}

/// Why dbt artifacts could not be read.
public enum DbtArtifactError: Error, Sendable, Equatable, CustomStringConvertible {
    case malformedJSON(file: String)
    case missingField(file: String, field: String)
    /// A field holds a value no run can have, such as a negative or century-long duration.
    case invalidField(file: String, field: String, reason: String)

    public var description: String {
        switch self {
        case .malformedJSON(let file): "'\(file)' is not a JSON object"
        case .missingField(let file, let field): "'\(file)' has no '\(field)'; is it a dbt artifact?"
        case .invalidField(let file, let field, let reason): "'\(file)': \(field): \(reason)"
        }
    }
}
