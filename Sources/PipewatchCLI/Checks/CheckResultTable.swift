import Foundation
import PipewatchCore
import PipewatchServer

/// Check results as a table for people: the verdict first, then the number against its limit.
enum CheckResultTable {
    static func render(_ results: [CheckResult]) -> String {
        var table = TextTable("state", "check", "pipeline", "value", "threshold", "ms", "message")
        for result in results.map(CheckResultDocument.init) {
            table.append(
                result.state.uppercased(),
                result.check,
                result.pipeline,
                result.value.map(Self.number) ?? "",
                result.threshold ?? "",
                "\(result.durationMs)",
                result.message
            )
        }
        let counts = CheckState.allCases.compactMap { state -> String? in
            let count = results.filter { $0.state == state }.count
            return count == 0 ? nil : "\(count) \(state.rawValue)"
        }
        return table.rendered + "\n" + counts.joined(separator: ", ")
    }

    /// One result on a line: `FAIL newest updated_at is 30h old (checked 2026-12-03T10:54:15+00:00)`.
    static func line(_ result: CheckResultDocument) -> String {
        "\(result.state.uppercased()) \(result.message) (checked \(result.startedAt))"
    }

    private static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(format: "%.4g", value)
    }
}
