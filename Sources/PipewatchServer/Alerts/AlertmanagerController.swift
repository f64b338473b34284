import Foundation
import Hummingbird
import PipewatchCore
import PipewatchEngine

/// `POST /api/v1/alertmanager`: Alertmanager's webhook (payload version 4), with a write token.
/// A firing alert opens or repeats the incident of its fingerprint on the pipeline its labels
/// name; a resolved one resolves it. Only a failure worth retrying (the store) answers 5xx.
struct AlertmanagerController {
    /// What happened to each alert of the notification.
    struct Outcome: Encodable, Sendable {
        struct Ignored: Encodable, Sendable {
            var fingerprint: String
            var reason: String
        }

        var status = "success"
        var triggered = 0
        var resolved = 0
        var ignored: [Ignored] = []
    }

    let config: LiveConfig
    let bodies: BodyLimits
    let clock: any WallClock

    func add(to router: RouterGroup<BasicRequestContext>) {
        router.post("alertmanager") { request, _ in try await receive(request) }
    }

    private func receive(_ request: Request) async throws -> JSONResponse<Outcome> {
        let notification: AlertmanagerNotification
        do {
            notification = try AlertmanagerNotification.parse(try await RequestBody.read(request, limits: bodies))
        } catch let error as AlertmanagerNotificationError {
            throw APIError(.badRequest, error.description)
        }
        let now = clock.now
        let engine = config.current.engine
        let (alerts, catalog) = (engine.alerts, engine.plan.catalog)
        let label = alerts.pipelineLabel
        var outcome = Outcome()
        for alert in notification.alerts {
            guard let id = notification.pipeline(of: alert, label: label) else {
                outcome.ignored.append(.init(fingerprint: alert.fingerprint, reason: "no '\(label)' label"))
                continue
            }
            guard let pipeline = catalog.pipeline(PipelineID(id)) else {
                outcome.ignored.append(.init(fingerprint: alert.fingerprint, reason: "unknown pipeline '\(id)'"))
                continue
            }
            var incoming = notification.externalAlert(alert, pipeline: pipeline.id, receivedAt: now)
            incoming.startedAt = min(incoming.startedAt, now)
            if alert.isFiring {
                try await alerts.trigger(incoming, at: now)
                outcome.triggered += 1
            } else {
                let reason = "resolved in Alertmanager (\(incoming.details["alertname"] ?? "alert"))"
                if try await alerts.resolve(key: incoming.incidentKey, by: "alertmanager", reason: reason, at: now)
                    != nil
                {
                    outcome.resolved += 1
                }
            }
        }
        return JSONResponse(outcome)
    }
}
