import Foundation
import PipewatchCore
import PipewatchTestSupport
import Testing

@Suite("OpenLineage RunEvent decoding")
struct LineageEventDecoderTests {
    private func sample(_ name: String) throws -> [String: Any] {
        let data = try RepositoryFiles.fixtureData("lineage/\(name).json")
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    private func decode(_ object: [String: Any]) throws(LineageEventError) -> LineageEvent {
        // A test-side failure to serialize is a broken test, not a decoding error.
        let data = (try? JSONSerialization.data(withJSONObject: object)) ?? Data()
        return try LineageEventDecoder.decode(data)
    }

    @Test("a START event the official client sent decodes with its job, run, time and input schema")
    func startEvent() throws {
        let event = try decode(try sample("openlineage-runevent"))
        #expect(event.eventType == .start)
        #expect(event.job == JobName(namespace: "lab-pipeline", name: "orders_daily"))
        #expect(event.runID == "01a21d17-f709-7ae8-ba25-6750e7881b32")
        #expect(ISO8601Text.format(event.eventTime, in: .gmt) == "2026-11-27T13:00:39+00:00")
        #expect(event.inputs.map(\.key) == ["postgres://127.0.0.1:55432/lab.raw.orders"])
        #expect(
            event.inputs.first?.schema == [
                SchemaField(name: "id", type: "integer"), SchemaField(name: "amount", type: "numeric"),
            ]
        )
        #expect(event.outputs.map(\.name) == ["main.orders_daily"])
        #expect(event.outputs.first?.schema == nil)
    }

    @Test("a FAIL event keeps its error message")
    func failEvent() throws {
        let event = try decode(try sample("openlineage-runevent-fail"))
        #expect(event.eventType == .fail)
        #expect(event.errorMessage == "division by zero in orders_weekly")
    }

    @Test("a dbt test FAIL keeps its parent run and the assertions that failed")
    func dbtTestFail() throws {
        let event = try decode(try sample("openlineage-dbt-test-fail"))
        #expect(event.parent != nil)
        let failed = event.inputs.flatMap(\.failedAssertions)
        #expect(
            failed == [
                "accepted_values_orders_by_customer_n_orders__False__2 on n_orders (accepted_values: actual 1, expected 0)"
            ]
        )
        #expect(!failed.contains { $0.hasPrefix("not_null") })
    }

    @Test(
        "refusals name the field at fault",
        arguments: [
            ("run.runId", "missing required field 'run.runId'"),
            ("job.name", "missing required field 'job.name'"),
            ("eventTime", "missing required field 'eventTime'"),
            ("producer", "missing required field 'producer'"),
        ]
    )
    func missingFields(path: String, message: String) throws {
        var object = try sample("openlineage-runevent")
        let parts = path.split(separator: ".").map(String.init)
        if parts.count == 2, var inner = object[parts[0]] as? [String: Any] {
            inner[parts[1]] = nil
            object[parts[0]] = inner
        } else {
            object[path] = nil
        }
        let error = #expect(throws: LineageEventError.self) { try decode(object) }
        #expect(error?.description == message)
    }

    @Test("a runId that is not a UUID, an unknown eventType and a bad time are refused")
    func invalidValues() throws {
        var object = try sample("openlineage-runevent")
        object["run"] = ["runId": "run-42"]
        #expect(throws: LineageEventError.invalidRunID(field: "run.runId", value: "run-42")) { try decode(object) }

        object = try sample("openlineage-runevent")
        object["eventType"] = "FINISHED"
        let unknown = #expect(throws: LineageEventError.self) { try decode(object) }
        #expect(
            unknown?.description
                == "field 'eventType' is 'FINISHED'; expected one of START, RUNNING, COMPLETE, ABORT, FAIL, OTHER"
        )

        object = try sample("openlineage-runevent")
        object["eventTime"] = "yesterday"
        #expect(throws: LineageEventError.invalidTime(field: "eventTime", value: "yesterday")) { try decode(object) }

        object = try sample("openlineage-runevent")
        object["inputs"] = ["not an object"]
        #expect(throws: LineageEventError.wrongType(field: "inputs[0]", expected: "an object")) { try decode(object) }
    }

    @Test("a body that is not a JSON object is refused")
    func malformed() {
        #expect(throws: LineageEventError.malformedJSON) {
            try LineageEventDecoder.decode(Data("{\"eventType\":".utf8))
        }
        #expect(throws: LineageEventError.malformedJSON) { try LineageEventDecoder.decode(Data("[1, 2]".utf8)) }
    }

    @Test("a NUL character and a bad parent run id are refused, naming the field")
    func nulAndParent() throws {
        var object = try sample("openlineage-runevent")
        object["job"] = ["namespace": "airflow", "name": "bad\u{0}name"]
        #expect(throws: LineageEventError.nulCharacter(field: "job.name")) { try decode(object) }

        object = try sample("openlineage-runevent")
        object["run"] = [
            "runId": "01a21d17-f709-7ae8-ba25-6750e7881b32",
            "facets": ["parent": ["job": ["namespace": "airflow", "name": "dag"], "run": ["runId": "nope"]]],
        ]
        #expect(throws: LineageEventError.invalidRunID(field: "run.facets.parent.run.runId", value: "nope")) {
            try decode(object)
        }
    }
}
