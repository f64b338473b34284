import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import PipewatchCore
import PipewatchStore
import Synchronization

/// The probes: `/livez` (the process answers), `/readyz` and `/healthz` (it can also reach its
/// database). The database's answer is kept for a second, so that probes at any rate cost one
/// query a second and answer at once while a query is out.
final class HealthController: Sendable {
    /// What the last database probe found.
    private struct Probe: Sendable {
        var checkedAt: ContinuousClock.Instant
        var error: String?
        var latency: Duration
        /// When the database stopped answering, while it does not.
        var downSince: Date?
    }

    let store: any RunStore
    let clock: any WallClock
    private let last = Mutex<Probe?>(nil)
    private let probing = Mutex(false)

    init(store: any RunStore, clock: any WallClock) {
        self.store = store
        self.clock = clock
    }

    func add(to router: Router<some RequestContext>) {
        router.get("livez") { _, _ in JSONResponse(["status": "ok"]) }
        router.get("readyz") { _, _ in try await self.health() }
        router.get("healthz") { _, _ in try await self.health() }
    }

    /// 200 `{"status": "ok", "checks": {...}}` while the database answers, 503 `"unavailable"` while not.
    private func health() async throws -> Response {
        let probe = await currentProbe()
        var database: [String: Any] = [
            "status": probe.error == nil ? "up" : "down",
            "latency_ms": Double(probe.latency.wholeMilliseconds),
        ]
        if let error = probe.error { database["error"] = error }
        if let since = probe.downSince { database["down_since"] = ISO8601Text.formatMilliseconds(since, in: .gmt) }
        let body: [String: Any] = [
            "status": probe.error == nil ? "ok" : "unavailable", "checks": ["database": database],
        ]
        var headers = HTTPFields()
        headers[.cacheControl] = "no-store"
        if probe.error != nil { headers[.retryAfter] = "5" }
        return JSONBody.response(
            try JSONSerialization.data(withJSONObject: body, options: [.sortedKeys]),
            status: probe.error == nil ? .ok : .serviceUnavailable,
            headers: headers
        )
    }

    /// The last probe when it is under a second old (or another request is probing), else a new one.
    private func currentProbe() async -> Probe {
        let now = ContinuousClock.now
        if let known = last.withLock({ $0 }), known.checkedAt.duration(to: now) < .seconds(1) { return known }
        let mine = probing.withLock { busy in
            defer { busy = true }
            return !busy
        }
        if !mine, let known = last.withLock({ $0 }) { return known }
        defer { if mine { probing.withLock { $0 = false } } }
        let started = ContinuousClock.now
        // No deadline of its own: the store's connect and statement timeouts bound the ping, and a
        // deadline here would call a busy but healthy database down.
        var problem: String?
        do {
            try await store.ping()
        } catch {
            problem = String(describing: error)
        }
        let previous = last.withLock { $0 }
        let probe = Probe(
            checkedAt: ContinuousClock.now,
            error: problem,
            latency: started.duration(to: .now),
            downSince: problem == nil ? nil : previous?.downSince ?? clock.now
        )
        last.withLock { $0 = probe }
        return probe
    }
}
