import Foundation
import PipewatchTestSupport
import Testing

/// The README's tour, run line by line as written, in a copy of the seed folder: the tour a new
/// user follows cannot drift from what the commands do.
@Suite("README tour")
struct ReadmeTourTests {
    /// One line of the tour: the arguments after `pipewatch`, a file its output is redirected to,
    /// and whether its comment says it exits 1 when it finds something.
    struct Line {
        let text: String
        let arguments: [String]
        let redirect: String?
        let mayFind: Bool
    }

    @Test("every command of the tour succeeds on the seed")
    func tour() async throws {
        let root = RepositoryFiles.root
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let (exports, lines) = try Self.tour(in: readme)
        #expect(lines.count >= 30, "the tour has \(lines.count) commands")
        try await TemporaryDirectory.with { directory in
            let seed = root.appendingPathComponent("examples/seed")
            // Not the demo warehouse, nor a store another run left beside the seed config.
            for name in try FileManager.default.contentsOfDirectory(atPath: seed.path)
            where !["demo-warehouse", ".pipewatch"].contains(name) {
                try FileManager.default.copyItem(
                    at: seed.appendingPathComponent(name),
                    to: directory.url.appendingPathComponent(name)
                )
            }
            // `ingest dbt target/` reads the folder dbt leaves its artifacts in.
            let target = directory.url.appendingPathComponent("target")
            try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
            for file in ["run_results.json", "sources.json", "manifest.json"] {
                try FileManager.default.copyItem(
                    at: root.appendingPathComponent("Tests/Fixtures/dbt/\(file)"),
                    to: target.appendingPathComponent(file)
                )
            }
            let environment = exports.merging(["USER": "lead"]) { given, _ in given }
            for line in lines {
                // `serve` runs until stopped; the server's own tests start it.
                if line.arguments.first == "serve" { continue }
                let result = await pipewatch(arguments: line.arguments, in: directory.url, environment: environment)
                let allowed: Set<Int32> = line.mayFind ? [0, 1] : [0]
                #expect(allowed.contains(result.status), "\(line.text)\n\(result.errorOutput)")
                if let redirect = line.redirect {
                    try result.output.write(
                        to: directory.url.appendingPathComponent(redirect),
                        atomically: true,
                        encoding: .utf8
                    )
                }
            }
        }
    }

    /// The `export NAME=VALUE` lines and the `pipewatch` commands of the tour's `sh` block.
    static func tour(in readme: String) throws -> (exports: [String: String], lines: [Line]) {
        let section = try #require(readme.range(of: "## A short tour"))
        let rest = readme[section.upperBound...]
        let open = try #require(rest.range(of: "```sh\n"))
        let close = try #require(rest[open.upperBound...].range(of: "\n```"))
        var exports: [String: String] = [:]
        var lines: [Line] = []
        for raw in rest[open.upperBound..<close.lowerBound].split(separator: "\n") {
            let comment = raw.range(of: #"\s{2,}#"#, options: .regularExpression)
            let command = comment.map { String(raw[..<$0.lowerBound]) } ?? String(raw)
            let note = comment.map { String(raw[$0.upperBound...]) } ?? ""
            var words = Self.words(command)
            if words.first == "export", words.count == 2, let equals = words[1].firstIndex(of: "=") {
                exports[String(words[1][..<equals])] = String(words[1][words[1].index(after: equals)...])
                continue
            }
            guard words.first == "pipewatch" else { continue }
            words.removeFirst()
            var redirect: String?
            if let arrow = words.firstIndex(of: ">"), arrow + 1 < words.count {
                redirect = words[arrow + 1]
                words.removeSubrange(arrow...)
            }
            lines.append(
                Line(text: String(raw), arguments: words, redirect: redirect, mayFind: note.contains("exit status 1"))
            )
        }
        return (exports, lines)
    }

    /// Splits a command line into words as a shell would for these lines: spaces separate,
    /// double quotes group.
    static func words(_ line: String) -> [String] {
        var words: [String] = []
        var current = ""
        var quoted = false
        var started = false
        for character in line {
            if character == "\"" {
                quoted.toggle()
                started = true
            } else if character == " ", !quoted {
                if started { words.append(current) }
                current = ""
                started = false
            } else {
                current.append(character)
                started = true
            }
        }
        if started { words.append(current) }
        return words
    }
}
