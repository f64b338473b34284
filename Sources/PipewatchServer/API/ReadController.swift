import Foundation
import HTTPTypes
import Hummingbird
import PipewatchCore
import PipewatchEngine
import PipewatchStore

/// The read side of the API: pipelines with their health, runs, signals, who is on call.
struct ReadController {
    let config: LiveConfig
    let store: any RunStore & IncidentStore
    let clock: any WallClock

    func add(to router: RouterGroup<BasicRequestContext>) {
        // Each request reads the config served now once, and answers from it to the end.
        router.get("pipelines") { _, _ in try await pipelines(config.current) }
        router.get("pipelines/:id") { _, context in
            try await pipeline(context.parameters.require("id"), config.current.plan)
        }
        router.get("pipelines/:id/runs") { request, context in
            try await runs(
                context.parameters.require("id"),
                limit: try QueryLimit.read(request.uri.queryParameters.get("limit"), default: 50),
                config.current.plan
            )
        }
        router.get("signals") { request, _ in
            try await signals(request.uri.queryParameters.get("pipeline"), config.current.plan)
        }
        router.get("oncall/now") { _, _ in try await oncallNow(config.current) }
        router.get("jobs/unmatched") { _, _ in JSONResponse(UnmatchedJobList(try await store.unmatchedJobs())) }
    }

    private func known(_ id: String, in plan: TeamPlan) throws -> Pipeline {
        guard let pipeline = plan.catalog.pipeline(PipelineID(id)) else {
            throw APIError(.notFound, "unknown pipeline '\(id)'")
        }
        return pipeline
    }

    /// Every pipeline with its health: recomputed only when the evaluator has seen something new.
    private func pipelines(_ generation: ConfigGeneration) async throws -> Response {
        let plan = generation.plan
        let body = try await generation.pipelineList.body(generation: generation.engine.evaluator.generation) {
            let signals = try await store.openSignals(pipeline: nil).map(\.signal)
            let seen = try await store.pipelinesWithEvidence()
            let documents = plan.catalog.pipelines.map {
                PipelineDocument($0, signals: signals, hasEvidence: seen.contains($0.id))
            }
            return try JSONBody.encode(["pipelines": documents])
        }
        return JSONBody.response(body)
    }

    private struct PipelineDetail: Encodable, Sendable {
        let pipeline: PipelineDocument
        let signals: [SignalDocument]
        let runs: [RunDocument]
    }

    private func pipeline(_ id: String, _ plan: TeamPlan) async throws -> JSONResponse<PipelineDetail> {
        let pipeline = try known(id, in: plan)
        let signals = try await store.openSignals(pipeline: pipeline.id).map(\.signal)
        let runs = try await store.runs(of: pipeline.id, limit: 10)
        // Only a pipeline with neither runs nor signals needs the store's wider look (check results).
        let hasEvidence =
            if !runs.isEmpty || !signals.isEmpty { true } else {
                try await store.pipelinesWithEvidence().contains(pipeline.id)
            }
        return JSONResponse(
            PipelineDetail(
                pipeline: PipelineDocument(pipeline, signals: signals, hasEvidence: hasEvidence),
                signals: signals.map(SignalDocument.init),
                runs: runs.map(RunDocument.init)
            )
        )
    }

    private func runs(_ id: String, limit: Int, _ plan: TeamPlan) async throws -> JSONResponse<RunList> {
        let pipeline = try known(id, in: plan)
        return JSONResponse(RunList(try await store.runs(of: pipeline.id, limit: limit)))
    }

    private func signals(_ pipeline: String?, _ plan: TeamPlan) async throws -> JSONResponse<SignalList> {
        let id = try pipeline.map { try known($0, in: plan).id }
        let unmatched = id == nil ? try await store.unmatchedFailures() : []
        return JSONResponse(SignalList(try await store.openSignals(pipeline: id).map(\.signal), unmatched: unmatched))
    }

    private struct OncallNow: Encodable, Sendable {
        let at: String
        let engineer: String?
        let start: String?
        let end: String?
        let reason: String?
        let why: String
    }

    private func oncallNow(_ generation: ConfigGeneration) async throws -> JSONResponse<OncallNow> {
        let plan = generation.plan
        guard let policy = plan.oncall else { throw APIError(.notFound, "the config has no 'oncall:' section") }
        let now = clock.now
        let zone = plan.catalog.team.timeZone
        let format = { (date: Date) in ISO8601Text.formatMilliseconds(date, in: zone) }
        let coverage: Schedule.Coverage
        do {
            coverage = try await generation.coverageWindow.coverage(policy: policy, at: now)
        } catch let error as ScheduleError {
            throw APIError(.internalServerError, error.description)
        }
        switch coverage {
        case .onCall(let shift):
            return JSONResponse(
                OncallNow(
                    at: format(now),
                    engineer: shift.engineer.rawValue,
                    start: format(shift.start),
                    end: format(shift.end),
                    reason: shift.reason.rawValue,
                    why: shift.explanation
                )
            )
        case .gap(let gap):
            return JSONResponse(
                OncallNow(
                    at: format(now),
                    engineer: nil,
                    start: format(gap.start),
                    end: format(gap.end),
                    reason: "gap",
                    why: gap.explanation
                )
            )
        case .outsideRange:
            return JSONResponse(
                OncallNow(
                    at: format(now),
                    engineer: nil,
                    start: nil,
                    end: nil,
                    reason: nil,
                    why: "before the first handoff"
                )
            )
        }
    }
}
