public import Foundation

/// Reads an OpenLineage RunEvent (spec 2-0-2) from JSON, checking each required field so that
/// a refusal can name it.
public enum LineageEventDecoder {
    /// Decodes and validates one RunEvent.
    /// - Parameter data: the request body (already decompressed).
    /// - Returns: the event.
    /// - Throws: ``LineageEventError`` naming the first field at fault.
    public static func decode(_ data: Data) throws(LineageEventError) -> LineageEvent {
        guard let object = try? JSONSerialization.jsonObject(with: data), let root = object as? [String: Any] else {
            throw .malformedJSON
        }
        let reader = Fields(object: root, path: "")
        let timeText = try reader.string("eventTime")
        guard let eventTime = ISO8601Text.parse(timeText) else {
            throw .invalidTime(field: "eventTime", value: timeText)
        }
        let eventType: RunEventType
        if let typeText = try reader.optionalString("eventType") {
            guard let known = RunEventType(rawValue: typeText) else { throw .unknownEventType(typeText) }
            eventType = known
        } else {
            eventType = .other
        }
        let producer = try reader.string("producer")
        _ = try reader.string("schemaURL")
        let run = try reader.object("run")
        let runID = try runIdentifier(run.string("runId"), field: "run.runId")
        let job = try jobName(reader.object("job"))
        let runFacets = try run.optionalObject("facets")
        let parent = try runFacets?.optionalObject("parent").map { facet throws(LineageEventError) in
            ParentRun(
                job: try jobName(facet.object("job")),
                runID: try runIdentifier(facet.object("run").string("runId"), field: "run.facets.parent.run.runId")
            )
        }
        let errorMessage = failedTasks(
            runFacets,
            stated: try runFacets?.optionalObject("errorMessage")?.optionalString("message")
        )
        return LineageEvent(
            eventType: eventType,
            eventTime: eventTime,
            runID: runID,
            job: job,
            parent: parent,
            errorMessage: errorMessage,
            reportedStart: reportedStart(runFacets, endedAt: eventTime),
            inputs: try datasets(reader, "inputs", facetsKey: "inputFacets"),
            outputs: try datasets(reader, "outputs", facetsKey: "outputFacets"),
            producer: producer
        )
    }

    /// The run's error message; for an Airflow DAG whose FAIL says only `task_failure` (or
    /// nothing), the tasks its `airflowState` facet lists as failed: `task 'load_profit' failed`.
    private static func failedTasks(_ facets: Fields?, stated: String?) -> String? {
        guard stated == nil || stated == "task_failure",
            let states = (facets?.object["airflowState"] as? [String: Any])?["tasksState"] as? [String: Any]
        else { return stated }
        let failed = states.filter { ($0.value as? String) == "failed" }.keys.sorted().map { "'\($0)'" }
        switch failed.count {
        case 0: return stated
        case 1: return "task \(failed[0]) failed"
        default: return "tasks \(failed.dropLast().joined(separator: ", ")) and \(failed[failed.count - 1]) failed"
        }
    }

    /// The start an orchestrator reports in the run's facets: `airflowDagRun.dagRun.start_date`,
    /// else its end (`end_date`, or the event's time) less `duration`, else
    /// `nominalTime.nominalStartTime`. Facets that do not hold a readable time are passed over,
    /// never refused: they are extras, not the event.
    private static func reportedStart(_ facets: Fields?, endedAt eventTime: Date) -> Date? {
        let dagRun = (facets?.object["airflowDagRun"] as? [String: Any])?["dagRun"] as? [String: Any]
        if let text = dagRun?["start_date"] as? String, let start = ISO8601Text.parse(text) { return start }
        if let duration = dagRun?["duration"] as? Double, duration.isFinite, duration >= 0 {
            let end = (dagRun?["end_date"] as? String).flatMap { ISO8601Text.parse($0) } ?? eventTime
            return end.addingTimeInterval(-duration)
        }
        let nominal = facets?.object["nominalTime"] as? [String: Any]
        return (nominal?["nominalStartTime"] as? String).flatMap { ISO8601Text.parse($0) }
    }

    private static func runIdentifier(_ text: String, field: String) throws(LineageEventError) -> String {
        guard UUID(uuidString: text) != nil else { throw .invalidRunID(field: field, value: text) }
        return text.lowercased()
    }

    private static func jobName(_ job: Fields) throws(LineageEventError) -> JobName {
        JobName(namespace: try job.name("namespace"), name: try job.name("name"))
    }

    private static func datasets(
        _ reader: Fields,
        _ key: String,
        facetsKey: String
    ) throws(LineageEventError)
        -> [DatasetObservation]
    {
        var result: [DatasetObservation] = []
        for dataset in try reader.optionalArray(key) {
            let facets = try dataset.optionalObject("facets")
            let schema = try facets?.optionalObject("schema").map { facet throws(LineageEventError) in
                try fields(facet.optionalArray("fields"), prefix: "")
            }
            var failed: [String] = []
            for facetSet in [facets, try dataset.optionalObject(facetsKey)].compactMap({ $0 }) {
                let assertions = try facetSet.optionalObject("dataQualityAssertions")?.optionalArray("assertions") ?? []
                for assertion in assertions where assertion.object["success"] as? Bool == false {
                    let name =
                        (assertion.object["name"] as? String) ?? (assertion.object["assertion"] as? String)
                        ?? "assertion"
                    // dbt-ol repeats the facet in `facets` and `inputFacets`: each assertion once.
                    let text = assertionText(assertion.object, name: name)
                    if !failed.contains(text) { failed.append(text) }
                }
            }
            result.append(
                DatasetObservation(
                    namespace: try dataset.name("namespace"),
                    name: try dataset.name("name"),
                    schema: schema,
                    failedAssertions: failed
                )
            )
        }
        return result
    }

    /// A failed assertion as people read it: `unique_orders_order_id on order_id (unique: actual 1,
    /// expected 0)`; the name, then the column, then what was checked and found, when given.
    private static func assertionText(_ assertion: [String: Any], name: String) -> String {
        var text = name
        if let column = assertion["column"] as? String { text += " on \(column)" }
        var details: [String] = []
        if let kind = assertion["assertion"] as? String, kind != name { details.append(kind) }
        let found = [("actual", "actual"), ("expected", "expected")].compactMap { key, label -> String? in
            guard let value = assertion[key] else { return nil }
            let shown = (value as? String) ?? (value as? NSNumber)?.stringValue
            return shown.map { "\(label) \($0)" }
        }
        if !found.isEmpty { details.append((details.isEmpty ? "" : ": ") + found.joined(separator: ", ")) }
        let written = details.isEmpty ? text : text + " (" + details.joined() + ")"
        // It reaches signal summaries, which PostgreSQL keeps as text: no U+0000 there.
        return written.replacingOccurrences(of: "\u{0}", with: "")
    }

    /// Schema fields with nested ones flattened to `parent.child`.
    private static func fields(_ items: [Fields], prefix: String) throws(LineageEventError) -> [SchemaField] {
        var result: [SchemaField] = []
        for item in items {
            let name = prefix + (try item.string("name"))
            result.append(SchemaField(name: name, type: (try item.optionalString("type")) ?? ""))
            result += try fields(item.optionalArray("fields"), prefix: name + ".")
        }
        return result
    }
}

/// A JSON object being read, with its path for messages.
private struct Fields {
    let object: [String: Any]
    let path: String

    private func at(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    func string(_ key: String) throws(LineageEventError) -> String {
        guard let value = try optionalString(key) else { throw .missingField(at(key)) }
        return value
    }

    /// A namespace or name: a string of at most 1,024 characters (a longer one is no real name,
    /// and would be repeated in every list, metric and page that shows it).
    func name(_ key: String) throws(LineageEventError) -> String {
        let value = try string(key)
        guard value.utf8.count <= 1_024 || value.count <= 1_024 else { throw .tooLong(field: at(key), limit: 1_024) }
        return value
    }

    func optionalString(_ key: String) throws(LineageEventError) -> String? {
        guard let value = object[key], !(value is NSNull) else { return nil }
        guard let text = value as? String else { throw .wrongType(field: at(key), expected: "a string") }
        // PostgreSQL cannot store U+0000 in text; no real name or message has one.
        guard !text.unicodeScalars.contains("\u{0}") else { throw .nulCharacter(field: at(key)) }
        return text
    }

    func object(_ key: String) throws(LineageEventError) -> Fields {
        guard let found = try optionalObject(key) else { throw .missingField(at(key)) }
        return found
    }

    func optionalObject(_ key: String) throws(LineageEventError) -> Fields? {
        guard let value = object[key], !(value is NSNull) else { return nil }
        guard let dictionary = value as? [String: Any] else { throw .wrongType(field: at(key), expected: "an object") }
        return Fields(object: dictionary, path: at(key))
    }

    func optionalArray(_ key: String) throws(LineageEventError) -> [Fields] {
        guard let value = object[key], !(value is NSNull) else { return [] }
        guard let array = value as? [Any] else { throw .wrongType(field: at(key), expected: "an array") }
        var result: [Fields] = []
        for (index, element) in array.enumerated() {
            guard let dictionary = element as? [String: Any] else {
                throw .wrongType(field: "\(at(key))[\(index)]", expected: "an object")
            }
            result.append(Fields(object: dictionary, path: "\(at(key))[\(index)]"))
        }
        return result
    }
}
