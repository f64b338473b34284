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
        router.post("v2/enqueue") { request, _ in
            try await receive(request, PagerDutyEvent.parse, key: \.routingKey) { event, alerts, pipeline in
                try await enqueue(event, alerts, pipeline)
            }
        }
        router.post("v2/change/enqueue") { request, _ in
            try await receive(request, PagerDutyChangeEvent.parse, key: \.routingKey) { event, alerts, pipeline in
                try await change(event, alerts, pipeline)
            }
        }
    }

    /// Reads an event with `parse` and finds the pipeline its routing key names; a malformed body
    /// (not UTF-8, a NUL, bad gzip), an invalid event or an unknown key is answered 400 in
    /// PagerDuty's shape, while a body too large or too slow keeps its own status.
    private func receive<Event>(
        _ request: Request,
        _ parse: (Data) -> Result<Event, PagerDutyEventErrors>,
        key: KeyPath<Event, String>,
        handle: (Event, AlertIntake, PipelineID) async throws -> Answer
    ) async throws -> Response {
        let parsed: Result<Event, PagerDutyEventErrors>
        do {
            parsed = parse(try await RequestBody.read(request, limits: bodies))
        } catch let error as APIError where error.status == .badRequest {
            parsed = .failure(PagerDutyEventErrors([error.message]))
        }
        let event: Event
        switch parsed {
        case .failure(let errors): return try answer(Self.invalid(errors.messages), .badRequest)
        case .success(let value): event = value
        }
        let alerts = config.current.engine.alerts
        guard let pipeline = alerts.pipeline(forRoutingKey: event[keyPath: key]) else {
            return try answer(Self.invalid([Self.unknownKey]), .badRequest)
        }
        return try answer(try await handle(event, alerts, pipeline), .accepted)
    }

    private func enqueue(_ event: PagerDutyEvent, _ alerts: AlertIntake, _ pipeline: PipelineID) async throws -> Answer
    {
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
        return Answer(status: "success", message: "Event processed", dedupKey: dedupKey)
    }

    private func change(
        _ event: PagerDutyChangeEvent,
        _ alerts: AlertIntake,
        _ pipeline: PipelineID
    ) async throws -> Answer {
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
        return Answer(status: "success", message: "Change event processed")
    }

    private static func invalid(_ errors: [String]) -> Answer {
        Answer(status: "invalid event", message: "Event object is invalid", errors: errors)
    }

    private func answer(_ answer: Answer, _ status: HTTPResponse.Status) throws -> Response {
        JSONBody.response(try JSONBody.encode(answer), status: status)
    }
}
