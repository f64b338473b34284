import Foundation
import HTTPTypes
import Hummingbird
import PipewatchCore
import PipewatchStore

/// `POST /api/v1/lineage`: OpenLineage RunEvents exactly as the official clients send them.
struct LineageController {
    let config: LiveConfig
    let writer: IngestWriter
    let metrics: ServerMetrics
    let bodies: BodyLimits
    let storesEvents: Bool
    let window: EventTimeWindow
    let clock: any WallClock

    struct Accepted: Encodable, Sendable {
        let status: String
        let runID: String
        let pipeline: String?

        enum CodingKeys: String, CodingKey {
            case status, pipeline
            case runID = "run_id"
        }

        /// Writes `pipeline` as null for an unmatched job, so clients always find the key.
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(status, forKey: .status)
            try container.encode(runID, forKey: .runID)
            try container.encode(pipeline, forKey: .pipeline)
        }
    }

    func add(to router: RouterGroup<BasicRequestContext>) {
        router.post("lineage") { request, _ in try await receive(request) }
    }

    private func receive(_ request: Request) async throws -> JSONResponse<Accepted> {
        let event: LineageEvent
        let body: Data
        do {
            body = try await RequestBody.read(request, limits: bodies)
            event = try LineageEventDecoder.decode(body)
        } catch let error as LineageEventError {
            metrics.rejected(reason: error.field ?? "body")
            throw APIError(.badRequest, error.description)
        } catch let error as APIError {
            metrics.rejected(reason: "body")
            throw error
        }
        if let problem = window.problem(with: event.eventTime, field: "eventTime", at: clock.now) {
            metrics.rejected(reason: "eventTime")
            throw APIError(.badRequest, problem)
        }
        let pipeline = config.current.plan.catalog.pipeline(forJob: event.job, parent: event.parent?.job)
        let incoming = IncomingEvent(event: event, body: String(decoding: body, as: UTF8.self), pipeline: pipeline)
        let isNew = storesEvents ? try await writer.submit(incoming) : true
        metrics.accepted(isNew: isNew)
        return JSONResponse(
            Accepted(status: isNew ? "stored" : "duplicate", runID: event.runID, pipeline: pipeline?.rawValue),
            status: isNew ? .created : .ok
        )
    }
}
