import Foundation
import HTTPTypes
import Hummingbird
import PipewatchCore
import PipewatchEngine

/// PagerDuty's Events API v2 on Pipewatch: `POST /v2/enqueue` and `POST /v2/change/enqueue`,
/// answered as PagerDuty answers, so Grafana, Alertmanager, Datadog and PagerDuty's own clients
/// can point at Pipewatch unchanged. The routing key in the body is the credential.
struct PagerDutyController {
    /// PagerDuty's answer: `success` with the dedup key, or `invalid event` with each problem.
    struct Answer: Encodable {
        var status: String
        var message: String
        var dedupKey: String?
        var errors: [String]?

        enum CodingKeys: String, CodingKey {
            case status, message, errors
            case dedupKey = "dedup_key"
        }
    }

    /// What an unknown key hears: the same for a malformed key and a well-formed one that routes
    /// nowhere, so the answer does not tell which keys exist.
    static let unknownKey =
        "'routing_key' is not a routing key this server accepts: check the key, and "
        + "'alerts.pagerduty' in pipewatch.yaml"

    let config: LiveConfig
    let bodies: BodyLimits
    let clock: any WallClock

    func add(to router: Router<BasicRequestContext>) {
        router.post("v2/enqueue") { request, _ in try await enqueue(request) }
        router.post("v2/change/enqueue") { request, _ in try await change(request) }
    }

    private func enqueue(_ request: Request) async throws -> Response {
        let event: PagerDutyEvent
        switch try await parse(request, with: PagerDutyEvent.parse) {
        case .failure(let errors): return try invalid(errors.messages)
        case .success(let parsed): event = parsed
        }
        let alerts = config.current.engine.alerts
        guard let pipeline = alerts.pipeline(forRoutingKey: event.routingKey) else {
            return try invalid([Self.unknownKey])
        }
        let now = clock.now
        let dedupKey = event.dedupKey ?? UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let key = ExternalAlert.incidentKey(pipeline: pipeline, origin: .pagerDuty, dedupKey: dedupKey)
        switch event.action {
        case .trigger:
            let alert = ExternalAlert(
                origin: .pagerDuty,
                pipeline: pipeline,
                dedupKey: dedupKey,
                summary: event.summary,
                startedAt: min(event.timestamp ?? now, now),
                details: event.details
            )
            try await alerts.trigger(alert, at: now)
        case .acknowledge:
            _ = try await alerts.acknowledge(key: key, by: "pagerduty", at: now)
        case .resolve:
            _ = try await alerts.resolve(key: key, by: "pagerduty", reason: "resolved by a PagerDuty event", at: now)
        }
        return try answer(Answer(status: "success", message: "Event processed", dedupKey: dedupKey), .accepted)
    }

    private func change(_ request: Request) async throws -> Response {
        let event: PagerDutyChangeEvent
        switch try await parse(request, with: PagerDutyChangeEvent.parse) {
        case .failure(let errors): return try invalid(errors.messages)
        case .success(let parsed): event = parsed
        }
        let alerts = config.current.engine.alerts
        guard let pipeline = alerts.pipeline(forRoutingKey: event.routingKey) else {
            return try invalid([Self.unknownKey])
        }
        let now = clock.now
        _ = try await alerts.record(
            PipelineChange(
                pipeline: pipeline,
                at: min(event.timestamp ?? now, now),
                summary: event.summary,
                source: event.source,
                details: event.details,
                links: event.links
            )
        )
        return try answer(Answer(status: "success", message: "Change event processed"), .accepted)
    }

    /// The body read by `parse`; a malformed one (not UTF-8, a NUL, bad gzip) is an invalid event
    /// in PagerDuty's format, while a body too large or too slow keeps its own status.
    private func parse<Event>(
        _ request: Request,
        with parse: (Data) -> Result<Event, PagerDutyEventErrors>
    ) async throws -> Result<Event, PagerDutyEventErrors> {
        do {
            return parse(try await RequestBody.read(request, limits: bodies))
        } catch let error as APIError where error.status == .badRequest {
            return .failure(PagerDutyEventErrors([error.message]))
        }
    }

    private func invalid(_ errors: [String]) throws -> Response {
        try answer(Answer(status: "invalid event", message: "Event object is invalid", errors: errors), .badRequest)
    }

    private func answer(_ answer: Answer, _ status: HTTPResponse.Status) throws -> Response {
        JSONBody.response(try JSONBody.encode(answer), status: status)
    }
}
