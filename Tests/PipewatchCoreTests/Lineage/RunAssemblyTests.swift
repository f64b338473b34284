import Foundation
import PipewatchCore
import Testing

@Suite("run assembly")
struct RunAssemblyTests {
    let job = JobName(namespace: "airflow", name: "profit_daily")
    let runID = "01a21d17-f709-7ae8-ba25-6750e7881b32"
    let t0 = Date(timeIntervalSince1970: 1_795_000_000)

    private func event(
        _ type: RunEventType,
        at seconds: Double,
        error: String? = nil,
        schema: [SchemaField]? = nil
    ) -> LineageEvent {
        LineageEvent(
            eventType: type,
            eventTime: t0.addingTimeInterval(seconds),
            runID: runID,
            job: job,
            errorMessage: error,
            inputs: [DatasetObservation(namespace: "pg", name: "sales.orders", schema: schema)]
        )
    }

    @Test("START, RUNNING and COMPLETE give the same run in every arrival order")
    func anyOrder() throws {
        let events = [event(.start, at: 0), event(.running, at: 30), event(.complete, at: 90)]
        let orders = [[0, 1, 2], [2, 1, 0], [1, 2, 0], [2, 0, 1]]
        let runs = orders.map { order in Run(assembling: order.map { events[$0] }) }
        let first = try #require(runs[0])
        #expect(first.state == .completed)
        #expect(first.startedAt == t0)
        #expect(first.endedAt == t0.addingTimeInterval(90))
        #expect(first.duration(at: t0) == 90)
        #expect(runs.allSatisfy { $0 == first })
    }

    @Test("a repeated event changes nothing")
    func idempotent() {
        let events = [event(.start, at: 0), event(.fail, at: 60, error: "boom")]
        #expect(Run(assembling: events) == Run(assembling: events + events + [events[1]]))
    }

    @Test("a run with no terminal event is running; FAIL without START still ends it and keeps the message")
    func partialRuns() throws {
        #expect(Run(assembling: [event(.start, at: 0)])?.state == .running)
        let failed = try #require(Run(assembling: [event(.fail, at: 60, error: "division by zero")]))
        #expect(failed.state == .failed)
        #expect(failed.startedAt == t0.addingTimeInterval(60))
        #expect(failed.errorMessage == "division by zero")
        #expect(Run(assembling: []) == nil)
    }

    @Test("the latest terminal event wins, and FAIL wins a tie")
    func terminalChoice() {
        #expect(Run(assembling: [event(.fail, at: 10), event(.complete, at: 20)])?.state == .completed)
        #expect(Run(assembling: [event(.complete, at: 20), event(.fail, at: 20)])?.state == .failed)
        #expect(Run(assembling: [event(.abort, at: 20), event(.complete, at: 20)])?.state == .aborted)
    }

    @Test("the latest schema seen for a dataset is kept")
    func latestSchema() {
        let old = [SchemaField(name: "id", type: "integer")]
        let new = old + [SchemaField(name: "amount", type: "numeric")]
        let run = Run(assembling: [event(.complete, at: 60, schema: new), event(.start, at: 0, schema: old)])
        #expect(run?.inputs.first?.schema == new)
    }

    @Test("events merged one by one, through JSON between each, give the run assembled at once, in any order")
    func incremental() throws {
        let old = [SchemaField(name: "id", type: "integer")]
        var events = [
            event(.start, at: 0, schema: old),
            event(.running, at: 30, error: "retrying"),
            event(.running, at: 30, schema: old + [SchemaField(name: "x", type: "text")]),
            event(.fail, at: 90, error: "boom"),
            event(.complete, at: 90),
        ]
        events[1].outputs = [
            DatasetObservation(namespace: "pg", name: "b", failedAssertions: ["not_null", "unique"]),
            DatasetObservation(namespace: "pg", name: "a"),
        ]
        events[3].outputs = [DatasetObservation(namespace: "pg", name: "a", failedAssertions: ["unique"])]
        let whole = try #require(Run(assembling: events))
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<50 {
            let shuffled = events.shuffled(using: &generator)
            var assembly = RunAssembly(shuffled[0])
            for event in shuffled.dropFirst() {
                assembly = try JSONDecoder().decode(RunAssembly.self, from: JSONEncoder().encode(assembly))
                assembly.merge(event)
            }
            #expect(assembly.run == whole)
        }
        #expect(whole.state == .failed)
        #expect(whole.errorMessage == "boom")
        #expect(whole.outputs.map(\.name) == ["b", "a"])
        #expect(whole.outputs.map(\.failedAssertions) == [["not_null", "unique"], ["unique"]])
        #expect(whole.inputs.first?.schema?.count == 2)
    }
}
