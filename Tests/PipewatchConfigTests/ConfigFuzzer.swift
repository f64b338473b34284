import Foundation
import PipewatchConfig
import Testing

/// Reads a fuzz case with ``ConfigLoader/check(_:currentDirectory:allowedIncludeFolders:)`` and
/// records an issue unless the read finished within the time limit, every error points at a
/// place in a file, and a config without a plan says why.
enum ConfigFuzzer {
    /// How long one read may take before it counts as a hang.
    static let timeLimit = 10.0
    /// The stack of a main thread, and on Linux of Swift concurrency's threads, where the CLI and
    /// the server read the config. libyaml stops at about 1,000 levels of nesting, and reading
    /// that deep needs about 4 MiB in a debug build.
    static let stackSize = 8 * 1_024 * 1_024

    /// Reads `fuzzCase` in `directory`, records what is wrong, and returns `false` when the read
    /// hung, after which a run of cases should stop.
    static func expectSound(
        _ fuzzCase: FuzzCase,
        in directory: URL,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) async throws -> Bool {
        let root = try fuzzCase.write(to: directory)
        let report = await Deadline.run(within: timeLimit, stackSize: stackSize) {
            ConfigLoader.check(root, currentDirectory: directory)
        }
        guard let report else {
            Issue.record(
                "\(fuzzCase.name): reading took more than \(Int(timeLimit)) s\n--- pipewatch.yaml ---\n\(fuzzCase.excerpt())",
                sourceLocation: sourceLocation
            )
            return false
        }
        let problems = problems(in: report, directory: directory)
        if !problems.isEmpty {
            Issue.record(
                "\(fuzzCase.name):\n\(problems.joined(separator: "\n"))\n--- pipewatch.yaml ---\n\(fuzzCase.excerpt())",
                sourceLocation: sourceLocation
            )
        }
        return true
    }

    /// What is wrong with `report`: errors without a place in a file, and no plan without an error.
    static func problems(in report: ConfigReport, directory: URL) -> [String] {
        let errors = report.diagnostics.filter { $0.severity == .error }
        var problems: [String] = []
        if report.plan == nil, errors.isEmpty {
            problems.append("there is no plan and no error says why")
        }
        var lineCounts: [String: Int?] = [:]
        for error in errors {
            let location = error.location
            if lineCounts[location.file] == nil {
                lineCounts[location.file] = lineCount(of: directory.appendingPathComponent(location.file))
            }
            let lines = lineCounts[location.file] ?? nil
            if location.file.isEmpty || location.line < 1 || location.column < 1 {
                problems.append("not located: \(error.description)")
            } else if let lines, location.line > lines {
                problems.append("past the end of its \(lines)-line file: \(error.description)")
            } else if !error.description.hasPrefix("\(location.file):\(location.line):\(location.column): error: ") {
                problems.append("not printed as FILE:LINE:COLUMN: error: …: \(error.description)")
            } else if error.message.contains(": error: ") {
                problems.append("another error printed whole inside the message: \(error.description)")
            }
        }
        return problems
    }

    /// The lines of the file at `url` as any YAML reader may count them (every kind of line
    /// break, one more for a position after the last), or `nil` when it is not a readable file.
    private static func lineCount(of url: URL) -> Int? {
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        return String(decoding: data, as: UTF8.self).count(where: \.isNewline) + 1
    }
}
