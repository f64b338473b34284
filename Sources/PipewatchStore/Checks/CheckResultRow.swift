import Foundation
import PipewatchCore

/// A row of `check_results`; lists and observations are JSON text. The coding keys name the
/// columns, so rows decode without converting each key from snake case (which was a tenth of a
/// check run's time).
struct CheckResultRow: Decodable {
    var checkId: String
    var pipeline: String
    var state: String
    var value: Double?
    var threshold: String?
    var message: String
    var examples: String
    var statements: String
    var observations: String
    var startedAtMs: Int64
    var durationMs: Int64
    var stateSinceMs: Int64

    enum CodingKeys: String, CodingKey {
        case checkId = "check_id"
        case pipeline, state, value, threshold, message, examples, statements, observations
        case startedAtMs = "started_at_ms"
        case durationMs = "duration_ms"
        case stateSinceMs = "state_since_ms"
    }

    /// The binds of an `INSERT`, in column order.
    static let columns =
        "check_id, pipeline, state, value, threshold, message, examples, statements, observations, started_at_ms, duration_ms, "
        + "state_since_ms"

    func result() throws(StoreError) -> CheckResult {
        guard let state = CheckState(rawValue: state) else {
            throw .unavailable("a stored check result has the unknown state '\(state)'", underlying: nil)
        }
        return CheckResult(
            check: CheckID(checkId),
            pipeline: PipelineID(pipeline),
            state: state,
            value: value,
            threshold: threshold,
            message: message,
            examples: JSONStringList.decode(examples) ?? [],
            sql: JSONStringList.decode(statements) ?? [],
            observations: observations == "{}" ? [:] : Self.decode([String: Double].self, observations) ?? [:],
            startedAt: EpochMilliseconds(startedAtMs).date,
            duration: .milliseconds(durationMs),
            stateSince: EpochMilliseconds(stateSinceMs).date
        )
    }

    static func encode(_ value: some Encodable) -> String {
        (try? JSONEncoder().encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "null"
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String) -> T? {
        try? JSONDecoder().decode(type, from: Data(text.utf8))
    }
}
