import Foundation
import PipewatchCore
import PipewatchServer

/// The dashboard's overview for 200 pipelines and 20 engineers, built and rendered on the server
/// from data in memory (what `GET /` does after reading the store). Target: under 20 ms, and a page
/// under 100 KB with its stylesheet.
let dashboardBenchmark = Benchmark(name: "dashboard") {
    let zones = ["Europe/London", "America/New_York", "Europe/Berlin", "Asia/Kolkata", "Australia/Sydney"]
    let engineers = (0..<20).map { index in
        Engineer(
            id: EngineerID("e\(index)"),
            name: "Engineer \(index)",
            region: Region(code: "GB")!,
            timeZone: TimeZone(identifier: zones[index % zones.count])!
        )
    }
    let london = TimeZone(identifier: "Europe/London")!
    let pipelines = (0..<200).map { index in
        Pipeline(
            id: PipelineID("pipeline_\(index)"),
            name: "Pipeline \(index) (daily)",
            owners: PipelineOwners(primary: engineers[index % 20].id, secondary: engineers[(index + 7) % 20].id),
            audience: [.internal, .experiments, .investors][index % 3],
            upstream: index > 0 ? [PipelineID("pipeline_\(index - 1)")] : [],
            deliverBy: DeliveryDeadline(time: TimeOfDay(hour: 6 + index % 4, minute: 0)!, timeZone: london),
            jobs: [PipelineJob(.openLineage(namespace: "airflow", name: "job_\(index)"))]
        )
    }
    let plan = TeamPlan(
        catalog: Catalog(team: Team(name: "Data", timeZone: london), engineers: engineers, pipelines: pipelines),
        oncall: OncallPolicy(
            rotation: engineers.map(\.id),
            handoff: Handoff(weekday: .monday, time: TimeOfDay(hour: 9, minute: 0)!),
            starts: LocalDate(year: 2026, month: 1, day: 5)!
        )
    )
    let now = Date(timeIntervalSince1970: 1_796_000_000)
    let runs = Dictionary(
        uniqueKeysWithValues: pipelines.enumerated().map { index, pipeline in
            let start = now.addingTimeInterval(-Double(3600 + index * 60))
            return (
                pipeline.id,
                Run(
                    id: "run-\(index)",
                    job: JobName(namespace: "airflow", name: "job_\(index)"),
                    state: index % 10 == 0 ? .failed : .completed,
                    startedAt: start,
                    endedAt: start.addingTimeInterval(Double(300 + index)),
                    lastEventAt: start.addingTimeInterval(Double(300 + index))
                )
            )
        }
    )
    let signals = pipelines.enumerated().filter { $0.offset % 10 == 0 }.map { index, pipeline in
        Signal(
            kind: .processingFailure,
            pipeline: pipeline.id,
            subject: "job:airflow/job_\(index)",
            openedAt: now.addingTimeInterval(-1800),
            summary: "job airflow/job_\(index) failed: task load_\(index) exited 1",
            evidence: ["run": "run-\(index)"]
        )
    }
    let incidents = signals.enumerated().map { index, signal in
        Incident(
            id: Int64(index + 1),
            key: signal.key,
            pipeline: signal.pipeline,
            kind: signal.kind.rawValue,
            title: signal.summary,
            severity: [.normal, .high, .critical][index % 3],
            state: index % 2 == 0 ? .triggered : .acknowledged,
            count: 1,
            openedAt: signal.openedAt,
            lastSeenAt: signal.openedAt
        )
    }
    let shift = Shift(
        engineer: "e3",
        start: now.addingTimeInterval(-86_400),
        end: now.addingTimeInterval(6 * 86_400),
        reason: .rotation
    )
    let next = Shift(
        engineer: "e4",
        start: shift.end,
        end: shift.end.addingTimeInterval(7 * 86_400),
        reason: .swap,
        covering: "e5",
        note: "swap request 12"
    )
    let rendering = DashboardOverviewRendering(
        plan: plan,
        now: now,
        onCall: (shift, next),
        openIncidents: incidents,
        signals: signals,
        checkResults: [],
        latestRuns: runs
    )
    var html = ""
    let seconds = medianSeconds(iterations: 20) { html = (try? rendering.render()) ?? "" }
    let css = DashboardOverviewRendering.stylesheet.utf8.count
    print(
        "overview, 200 pipelines, 20 engineers, \(incidents.count) open incidents: \(String(format: "%.2f", seconds * 1e3)) ms (target < 20 ms)"
    )
    print(
        "page weight: HTML \(html.utf8.count / 1024) KB + stylesheet \(css / 1024) KB = \((html.utf8.count + css) / 1024) KB (target < 100 KB; no script, font or image)"
    )
}
