import Foundation
import HTTPTypes
import Hummingbird
import PipewatchCore
import PipewatchStore
import Prometheus

/// The server's Prometheus metrics: events accepted and rejected, request latency; runs by state
/// and open signals are set when `/metrics` is scraped.
final class ServerMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()
    private let stored: Counter
    private let duplicates: Counter
    private let requestDuration: DurationHistogram

    init() {
        stored = registry.makeCounter(
            name: "pipewatch_events_accepted_total",
            labels: [("outcome", "stored")],
            help: "OpenLineage events accepted, by whether they were new"
        )
        duplicates = registry.makeCounter(
            name: "pipewatch_events_accepted_total",
            labels: [("outcome", "duplicate")],
            help: "OpenLineage events accepted, by whether they were new"
        )
        requestDuration = registry.makeDurationHistogram(
            name: "pipewatch_http_request_duration_seconds",
            buckets: [
                .milliseconds(1), .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50),
                .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(5),
            ],
            help: "Time to answer HTTP requests"
        )
    }

    func accepted(isNew: Bool) {
        (isNew ? stored : duplicates).increment()
    }

    /// Counts a refused event by the field at fault, indexes dropped (`inputs[].name`), so the
    /// number of series stays bounded whatever clients send.
    func rejected(reason: String) {
        let field = reason.replacingOccurrences(of: #"\[\d+\]"#, with: "[]", options: .regularExpression)
        registry.makeCounter(
            name: "pipewatch_events_rejected_total",
            labels: [("reason", field)],
            help: "OpenLineage events refused, by the field at fault"
        ).increment()
    }

    func observe(_ duration: Duration) {
        requestDuration.record(duration)
    }

    /// Sets the gauges that describe the store, then renders everything in the text format.
    func render(runs: [String: Int], engine: EngineCounts, checks: [CheckResult]) -> String {
        for (state, count) in runs {
            registry.makeGauge(name: "pipewatch_runs", labels: [("state", state)], help: "Runs in the store, by state")
                .set(Double(count))
        }
        for kind in SignalKind.allCases {
            registry.makeGauge(
                name: "pipewatch_open_signals",
                labels: [("kind", kind.rawValue)],
                help: "Open signals, by kind"
            ).set(Double(engine.openSignals[kind.rawValue] ?? 0))
        }
        for severity in Severity.allCases {
            registry.makeGauge(
                name: "pipewatch_open_incidents",
                labels: [("severity", severity.rawValue)],
                help: "Incidents triggered or acknowledged, by severity"
            ).set(Double(engine.openIncidents[severity] ?? 0))
        }
        for state in OutboxMessage.State.allCases {
            registry.makeGauge(
                name: "pipewatch_notifications",
                labels: [("state", state.rawValue)],
                help: "Notifications in the outbox, by delivery state"
            ).set(Double(engine.messages[state] ?? 0))
        }
        for state in [EscalationStep.State.paged, .skipped] {
            registry.makeGauge(
                name: "pipewatch_escalation_steps_fired",
                labels: [("outcome", state.rawValue)],
                help: "Escalation steps fired, by whether they paged someone or were skipped"
            ).set(Double(engine.steps[state] ?? 0))
        }
        for state in CheckState.allCases {
            registry.makeGauge(
                name: "pipewatch_checks",
                labels: [("state", state.rawValue)],
                help: "Data checks by the state of their latest result"
            ).set(Double(checks.filter { $0.state == state }.count))
        }
        for result in checks {
            let labels = [("check", result.check.rawValue), ("pipeline", result.pipeline.rawValue)]
            registry.makeGauge(
                name: "pipewatch_check_failing",
                labels: labels,
                help: "1 when a check's latest result is fail or error, else 0"
            ).set(Double(result.state.isProblem ? 1 : 0))
            registry.makeGauge(
                name: "pipewatch_check_duration_seconds",
                labels: labels,
                help: "How long a check's latest run took"
            ).set(Double(result.durationMilliseconds) / 1000)
        }
        return registry.emitToString()
    }
}

/// Times every request into ``ServerMetrics``.
struct MetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: ServerMetrics

    func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws
        -> Response
    {
        let start = ContinuousClock.now
        defer { metrics.observe(ContinuousClock.now - start) }
        return try await next(request, context)
    }
}
