import Crypto
public import Foundation
public import PipewatchCore
public import PipewatchStore

/// Takes alerts from other monitoring tools into the incident engine: a trigger opens or repeats
/// the incident of its dedup key (assigned and escalated like any other), an acknowledge or
/// resolve acts on it, and a change is kept on the pipeline's timeline.
public struct AlertIntake: Sendable {
    let incidents: IncidentService
    let store: any IncidentStore
    let changes: any ChangeStore
    let schedule: ScheduleService
    /// The routing keys' SHA-256 (hex) and their pipelines.
    let routes: [String: PipelineID]
    /// The environment variables named by routes that are unset, so those routes are left out.
    public let unsetRoutingKeys: [String]
    /// The alert label that names a pipeline.
    public let pipelineLabel: String

    init(
        incidents: IncidentService,
        store: any IncidentStore,
        changes: any ChangeStore,
        schedule: ScheduleService,
        settings: AlertIntakeSettings,
        environment: [String: String]
    ) {
        self.incidents = incidents
        self.store = store
        self.changes = changes
        self.schedule = schedule
        var routes: [String: PipelineID] = [:]
        var unset: [String] = []
        for route in settings.pagerDuty {
            switch route.key {
            case .sha256(let hash):
                routes[hash] = route.pipeline
            case .environment(let name):
                guard let key = environment[name], !key.isEmpty else {
                    unset.append(name)
                    continue
                }
                routes[Self.sha256(key)] = route.pipeline
            }
        }
        self.routes = routes
        self.unsetRoutingKeys = unset
        self.pipelineLabel = settings.alertmanagerLabel
    }

    /// The pipeline a PagerDuty routing key routes to; `nil` for a key the config does not map.
    public func pipeline(forRoutingKey key: String) -> PipelineID? {
        routes[Self.sha256(key)]
    }

    private static func sha256(_ text: String) -> String {
        HexText.encode(SHA256.hash(data: Data(text.utf8)))
    }

    /// Opens or repeats the incident of `alert` (a resolved one reopens within `reopen_within`).
    ///
    /// - Returns: The incident after the change.
    @discardableResult
    public func trigger(_ alert: ExternalAlert, at now: Date) async throws -> Incident {
        let calculator = try? await schedule.calculator()
        return try await store.transaction { [incidents] transaction in
            try await incidents.occurred(alert.signal, in: transaction, calculator: calculator, at: now)
        }
    }

    /// Acknowledges the open incident with `key`, as `actor`; one already acknowledged stays so.
    ///
    /// - Returns: The incident, or `nil` when none with this key is open (the event is dropped).
    public func acknowledge(key: String, by actor: String, at now: Date) async throws -> Incident? {
        guard let incident = try await openIncident(key: key) else { return nil }
        guard incident.state == .triggered else { return incident }
        return try await incidents.acknowledge(incident.id, by: actor, at: now)
    }

    /// Resolves the open incident with `key`, as `actor`.
    ///
    /// - Returns: The incident, or `nil` when none with this key is open (the event is dropped).
    public func resolve(key: String, by actor: String, reason: String, at now: Date) async throws -> Incident? {
        guard let incident = try await openIncident(key: key) else { return nil }
        return try await incidents.resolve(incident.id, by: actor, reason: reason, at: now)
    }

    /// Keeps a change on its pipeline's timeline.
    public func record(_ change: PipelineChange) async throws -> PipelineChange {
        try await changes.recordChange(change)
    }

    private func openIncident(key: String) async throws -> Incident? {
        let latest = try await store.transaction { transaction in try await transaction.latestIncident(key: key) }
        return latest.flatMap { $0.state.isOpen ? $0 : nil }
    }
}
