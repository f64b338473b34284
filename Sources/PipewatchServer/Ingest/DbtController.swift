import Foundation
import HTTPTypes
import Hummingbird
import PipewatchCore
import PipewatchStore

/// `POST /api/v1/ingest/dbt`: one dbt invocation's artifacts, as
/// `{"run_results": {…}, "sources": {…}, "manifest": {…}}` (each optional but one).
struct DbtController {
    let config: LiveConfig
    let store: any RunStore
    let bodies: BodyLimits
    let window: EventTimeWindow
    let clock: any WallClock
    /// Given the pipelines the invocation touched, before the request is answered.
    let onCommit: @Sendable (Set<PipelineID>) async -> Void

    struct Ingested: Encodable, Sendable {
        let invocationID: String
        let runs: Int
        let freshness: Int

        enum CodingKeys: String, CodingKey {
            case runs, freshness
            case invocationID = "invocation_id"
        }
    }

    func add(to router: RouterGroup<BasicRequestContext>) {
        router.post("ingest/dbt") { request, _ in try await receive(request) }
    }

    private func receive(_ request: Request) async throws -> JSONResponse<Ingested> {
        let body = try await RequestBody.read(request, limits: bodies)
        guard let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any] else {
            throw APIError(.badRequest, "the body is not a JSON object")
        }
        let keys = ["run_results", "sources", "manifest"]
        if let unknown = object.keys.sorted().first(where: { !keys.contains($0) }) {
            throw APIError(.badRequest, "unknown field '\(unknown)'; expected run_results, sources and manifest")
        }
        func part(_ key: String) throws -> Data? {
            guard let value = object[key] else { return nil }
            guard value is [String: Any] else { throw APIError(.badRequest, "field '\(key)' must be an object") }
            return try JSONSerialization.data(withJSONObject: value)
        }
        let (results, sources, manifest) = (try part("run_results"), try part("sources"), try part("manifest"))
        guard results != nil || sources != nil else {
            throw APIError(.badRequest, "missing required field 'run_results' or 'sources'")
        }
        let artifacts: DbtArtifacts
        do {
            artifacts = try DbtArtifacts(
                runResults: results,
                sources: sources,
                manifest: manifest,
                catalog: config.current.plan.catalog
            )
        } catch {
            throw APIError(.badRequest, error.description)
        }
        let now = clock.now
        let instants =
            artifacts.nodeRuns.flatMap { node in
                [("run_results.json: \(node.run.job.name) started_at", node.run.startedAt)]
                    + (node.run.endedAt.map { [("run_results.json: \(node.run.job.name) completed_at", $0)] } ?? [])
            }
            + artifacts.freshness.map {
                ("sources.json: \($0.result.uniqueID) snapshotted_at", $0.result.snapshottedAt)
            }
        for (field, instant) in instants {
            if let problem = window.problem(with: instant, field: field, at: now) {
                throw APIError(.badRequest, problem)
            }
        }
        let stored = try await store.record(artifacts)
        await onCommit(Set(artifacts.nodeRuns.compactMap(\.pipeline) + artifacts.freshness.compactMap(\.pipeline)))
        return JSONResponse(
            Ingested(invocationID: artifacts.invocationID, runs: stored.runs, freshness: stored.freshness),
            status: .created
        )
    }
}
