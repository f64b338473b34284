import Foundation
import HTTPTypes
import Hummingbird
import PipewatchCore
import PipewatchStore
import Prometheus
import Synchronization

/// The server's Prometheus metrics: events accepted and rejected, request latency; runs by state
/// and open signals are set when `/metrics` is scraped.
final class ServerMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()
    private let stored: Counter
    private let duplicates: Counter
    private let requestDuration: DurationHistogram
    /// The pipelines and checks the last scrape had series for: a reload that removes one
    /// removes its series too, rather than leaving its last value standing.
    private let shown = Mutex<(pipelines: Set<String>, checks: Set<[String]>)>(([], []))

    init() {
        let accepted = Self.descriptor(
            "pipewatch_events_accepted_total",
            help: "OpenLineage events accepted, by whether they were new"
        )
        stored = registry.makeCounter(descriptor: accepted, labels: [("outcome", "stored")])
        duplicates = registry.makeCounter(descriptor: accepted, labels: [("outcome", "duplicate")])
        requestDuration = registry.makeDurationHistogram(
            descriptor: Self.descriptor(
                "pipewatch_http_request_duration_seconds",
                help: "Time to answer HTTP requests"
            ),
            buckets: [
                .milliseconds(1), .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50),
                .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(5),
            ]
        )
    }

    /// A metric's full name and help, as the registry takes them.
    private static func descriptor(_ name: String, help: String) -> MetricNameDescriptor {
        MetricNameDescriptor(metricName: name, unitName: "", helpText: help)
    }

    private func counter(_ name: String, _ labels: [(String, String)], help: String) -> Counter {
        registry.makeCounter(descriptor: Self.descriptor(name, help: help), labels: labels)
    }

    private func gauge(_ name: String, _ labels: [(String, String)], help: String) -> Gauge {
        registry.makeGauge(descriptor: Self.descriptor(name, help: help), labels: labels)
    }

    func accepted(isNew: Bool) {
        (isNew ? stored : duplicates).increment()
    }

    /// Counts a refused event by the field at fault, indexes dropped (`inputs[].name`), so the
    /// number of series stays bounded whatever clients send.
    func rejected(reason: String) {
        let field = reason.replacingOccurrences(of: #"\[\d+\]"#, with: "[]", options: .regularExpression)
        counter(
            "pipewatch_events_rejected_total",
            [("reason", field)],
            help: "OpenLineage events refused, by the field at fault"
        ).increment()
    }

    func observe(_ duration: Duration) {
        requestDuration.record(duration)
    }

    /// Sets the gauges that describe the store, then renders everything in the text format.
    /// - Parameters:
    ///   - pipelines: Every pipeline with its health, for `pipewatch_pipeline_health`.
    ///   - signals: The open signals, counted by pipeline and kind so alerts can route by owner.
    ///   - unmatchedFailures: How many jobs no pipeline claims failed in their latest run.
    func render(
        runs: [String: Int],
        engine: EngineCounts,
        checks: [CheckResult],
        pipelines: [PipelineDocument],
        signals: [Signal],
        unmatchedFailures: Int = 0,
        bodiesInFlight: Int,
        config: (lastReloadSuccessful: Bool, lastSuccessAt: Date)
    ) -> String {
        gauge(
            "pipewatch_unmatched_job_failures",
            [],
            help: "Jobs no pipeline claims whose latest run failed (GET /api/v1/signals lists them under unmatched)"
        ).set(Double(unmatchedFailures))
        gauge(
            "pipewatch_config_last_reload_successful",
            [],
            help: "1 when the last config reload (or the start) loaded its config, 0 when it was refused"
        ).set(Double(config.lastReloadSuccessful ? 1 : 0))
        gauge(
            "pipewatch_config_last_reload_success_timestamp_seconds",
            [],
            help: "When a config was last loaded, at start or by a reload (Unix time)"
        ).set(config.lastSuccessAt.timeIntervalSince1970)
        forgetRemoved(
            pipelines: Set(pipelines.map(\.id)),
            checks: Set(checks.map { [$0.check.rawValue, $0.pipeline.rawValue] })
        )
        gauge("pipewatch_request_body_bytes_in_flight", [], help: "Memory held by request bodies being received")
            .set(Double(bodiesInFlight))
        for (state, count) in runs {
            gauge("pipewatch_runs", [("state", state)], help: "Runs in the store, by state")
                .set(Double(count))
        }
        let open = Dictionary(grouping: signals) { "\($0.pipeline)|\($0.kind.rawValue)" }
        for pipeline in pipelines {
            for kind in SignalKind.allCases {
                gauge(
                    "pipewatch_open_signals",
                    [("pipeline", pipeline.id), ("kind", kind.rawValue)],
                    help: Help.openSignals
                ).set(Double(open["\(pipeline.id)|\(kind.rawValue)"]?.count ?? 0))
            }
            for health in ["healthy", "degraded", "failing", "unknown"] {
                gauge(
                    "pipewatch_pipeline_health",
                    [("pipeline", pipeline.id), ("health", health)],
                    help: Help.health
                ).set(Double(pipeline.health == health ? 1 : 0))
            }
        }
        for severity in Severity.allCases {
            gauge(
                "pipewatch_open_incidents",
                [("severity", severity.rawValue)],
                help: "Incidents triggered or acknowledged, by severity"
            ).set(Double(engine.openIncidents[severity] ?? 0))
        }
        for state in OutboxMessage.State.allCases {
            gauge(
                "pipewatch_notifications",
                [("state", state.rawValue)],
                help: "Notifications in the outbox, by delivery state"
            ).set(Double(engine.messages[state] ?? 0))
        }
        for state in [EscalationStep.State.paged, .skipped] {
            gauge(
                "pipewatch_escalation_steps_fired",
                [("outcome", state.rawValue)],
                help: "Escalation steps fired, by whether they paged someone or were skipped"
            ).set(Double(engine.steps[state] ?? 0))
        }
        for state in CheckState.allCases {
            gauge(
                "pipewatch_checks",
                [("state", state.rawValue)],
                help: "Data checks by the state of their latest result"
            ).set(Double(checks.filter { $0.state == state }.count))
        }
        for result in checks {
            let labels = [("check", result.check.rawValue), ("pipeline", result.pipeline.rawValue)]
            gauge("pipewatch_check_failing", labels, help: Help.checkFailing)
                .set(Double(result.state.isProblem ? 1 : 0))
            gauge("pipewatch_check_duration_seconds", labels, help: Help.checkDuration).set(
                Double(result.durationMilliseconds) / 1000
            )
        }
        return registry.emitToString()
    }

    /// The help of the series a reload may remove: a series is found again only with the same help.
    private enum Help {
        static let openSignals = "Open signals, by pipeline and kind"
        static let health = "1 for a pipeline's current health, 0 for the others"
        static let checkFailing = "1 when a check's latest result is fail or error, else 0"
        static let checkDuration = "How long a check's latest run took"
    }

    /// Unregisters the series of pipelines and checks that are no longer in the config.
    private func forgetRemoved(pipelines: Set<String>, checks: Set<[String]>) {
        let (oldPipelines, oldChecks) = shown.withLock { shown in
            defer { shown = (pipelines, checks) }
            return (shown.pipelines.subtracting(pipelines), shown.checks.subtracting(checks))
        }
        for pipeline in oldPipelines {
            for kind in SignalKind.allCases {
                registry.unregisterGauge(
                    gauge(
                        "pipewatch_open_signals",
                        [("pipeline", pipeline), ("kind", kind.rawValue)],
                        help: Help.openSignals
                    )
                )
            }
            for health in ["healthy", "degraded", "failing", "unknown"] {
                registry.unregisterGauge(
                    gauge("pipewatch_pipeline_health", [("pipeline", pipeline), ("health", health)], help: Help.health)
                )
            }
        }
        for check in oldChecks where check.count == 2 {
            let labels = [("check", check[0]), ("pipeline", check[1])]
            registry.unregisterGauge(gauge("pipewatch_check_failing", labels, help: Help.checkFailing))
            registry.unregisterGauge(gauge("pipewatch_check_duration_seconds", labels, help: Help.checkDuration))
        }
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
