public import Foundation
public import Logging
public import PipewatchCore
import PipewatchStore
import Synchronization

/// The checks' way into the team's data: one connection pool per source, opened when a check
/// first needs it and kept until ``shutdown()``.
public final class DataProbes: Sendable {
    private let sources: [SourceID: DataSource]
    private let environment: [String: String]
    private let logger: Logger
    private let judge: CheckJudge
    private let connections = Mutex<[SourceID: Result<any SourceConnection, ProbeError>]>([:])

    /// Creates the probes.
    ///
    /// - Parameters:
    ///   - sources: The config's `sources:`.
    ///   - environment: Where `user_env` and `password_env` are read.
    ///   - judge: The judge of measurements.
    ///   - logger: For the connection pools.
    public init(
        sources: [DataSource],
        environment: [String: String],
        judge: CheckJudge = CheckJudge(),
        logger: Logger
    ) {
        self.sources = Dictionary(sources.map { ($0.id, $0) }) { first, _ in first }
        self.environment = environment
        self.judge = judge
        self.logger = logger
    }

    /// Runs `checks` against their sources (several sources at once, each within its
    /// connection limit) and returns their results in the order given.
    ///
    /// - Parameters:
    ///   - checks: Each check with its pipeline and the source it queries (`nil`: none).
    ///   - history: What earlier runs of each check left.
    ///   - now: The instant the checks run at.
    public func run(
        _ checks: [(check: Check, pipeline: PipelineID, source: SourceID?)],
        history: [CheckID: CheckHistory],
        at now: Date
    ) async -> [CheckResult] {
        let bySource = Dictionary(grouping: checks.indices) { checks[$0].source }
        let results = await withTaskGroup(of: [(Int, CheckResult)].self) { group in
            for (sourceID, indices) in bySource {
                group.addTask {
                    let entries = indices.map { (check: checks[$0].check, pipeline: checks[$0].pipeline) }
                    let results = await self.run(entries, source: sourceID, history: history, at: now)
                    return Array(zip(indices, results))
                }
            }
            var all: [(Int, CheckResult)] = []
            for await batch in group { all += batch }
            return all
        }
        return results.sorted { $0.0 < $1.0 }.map(\.1)
    }

    /// Starts logging in to `sources` (as many connections as each may hold) without waiting,
    /// for a caller that has other work before its checks run, such as opening its store.
    /// Sources that are not declared or cannot be configured are left to the run to report.
    public func connect(_ sources: Set<SourceID>) {
        for id in sources {
            guard let source = self.sources[id], case .success(let open) = connection(to: source) else { continue }
            open.connect(source.maxConnections)
        }
    }

    private func run(
        _ entries: [(check: Check, pipeline: PipelineID)],
        source id: SourceID?,
        history: [CheckID: CheckHistory],
        at now: Date
    ) async -> [CheckResult] {
        let source = id.flatMap { sources[$0] }
        var connection: (any SourceConnection)?
        if let source {
            switch self.connection(to: source) {
            case .success(let open): connection = open
            case .failure(let error):
                return entries.map { errored($0, error, at: now) }
            }
        } else if let id {
            return entries.map { errored($0, .misconfigured("no source '\(id)' is declared"), at: now) }
        }
        let probe = CheckProbe(
            connection: connection.map(SharedStatements.init),
            zone: source?.timeZone ?? TimeZone(identifier: "UTC")!,
            judge: judge,
            parallelism: source?.maxConnections ?? 4
        )
        return await probe.run(entries, history: history, at: now)
    }

    private func errored(
        _ entry: (check: Check, pipeline: PipelineID),
        _ error: ProbeError,
        at now: Date
    ) -> CheckResult {
        CheckResult(
            check: entry.check.id,
            pipeline: entry.pipeline,
            state: .error,
            message: error.description,
            startedAt: now
        )
    }

    /// The source's pool, made on first use; a configuration that cannot work is remembered.
    private func connection(to source: DataSource) -> Result<any SourceConnection, ProbeError> {
        connections.withLock { open in
            if let existing = open[source.id] { return existing }
            let made = makeConnection(source)
            open[source.id] = made
            return made
        }
    }

    private func makeConnection(_ source: DataSource) -> Result<any SourceConnection, ProbeError> {
        switch source.location {
        case .sqlite(let path):
            return .success(
                SQLiteSourceConnection(
                    source: source.id.rawValue,
                    path: path,
                    attachments: source.attachments.map { ($0.schema, $0.path) },
                    maxConnections: source.maxConnections,
                    logger: logger
                )
            )
        case .postgres(let url):
            var components = URLComponents(string: url)
            for (name, assign) in [
                (source.userEnvironment, { (value: String) in components?.user = value }),
                (source.passwordEnvironment, { (value: String) in components?.password = value }),
            ] {
                guard let name else { continue }
                guard let value = environment[name], !value.isEmpty else {
                    return .failure(
                        .misconfigured("source '\(source.id)': the environment variable \(name) is not set")
                    )
                }
                assign(value)
            }
            do {
                let location = try PostgresLocation(url: components?.string ?? url)
                return .success(
                    PostgresSourceConnection(
                        name: source.id.rawValue,
                        location: location,
                        timeZone: source.timeZone,
                        maxConnections: source.maxConnections,
                        logger: logger
                    )
                )
            } catch {
                return .failure(.misconfigured("source '\(source.id)': \(error)"))
            }
        }
    }

    /// Closes every pool.
    public func shutdown() async {
        let open = connections.withLock { open in
            defer { open = [:] }
            return open.values.compactMap { try? $0.get() }
        }
        for connection in open { await connection.close() }
    }
}
