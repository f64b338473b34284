import Foundation
import PipewatchConfig
import PipewatchTestSupport
import Testing

/// `include:` reads only the config's own folder tree (and folders explicitly allowed): a config
/// cannot make Pipewatch read /etc/shadow or /proc/self/environ and show it in an error.
@Suite("include boundary")
struct IncludeBoundaryTests {
    private func check(
        _ yaml: String,
        allowing allowed: [String] = [],
        in directory: TemporaryDirectory
    ) throws -> [String] {
        let root = try directory.write("team/pipewatch.yaml", yaml)
        return ConfigLoader.check(
            root,
            currentDirectory: directory.url,
            allowedIncludeFolders: allowed.map { directory.url.appendingPathComponent($0) }
        ).diagnostics.map(\.description)
    }

    @Test(
        "a file outside the config's folder, by path, by '..' or through a link, is an error that shows nothing of it"
    )
    func outside() async throws {
        try await TemporaryDirectory.with { directory in
            try directory.write("shared/people.yaml", "engineers:\n  a: { name: SECRET-CONTENT, region: US-NY }\n")
            try FileManager.default.createDirectory(
                at: directory.url.appendingPathComponent("team"),
                withIntermediateDirectories: true
            )
            try FileManager.default.createSymbolicLink(
                atPath: directory.url.appendingPathComponent("team/link.yaml").path,
                withDestinationPath: directory.url.appendingPathComponent("shared/people.yaml").path
            )
            let found = try check(
                "team: { name: T, timezone: UTC }\ninclude: [../shared/people.yaml, /proc/self/environ, link.yaml]\n",
                in: directory
            )
            let outside = found.filter { $0.contains("is outside the config's folder") }
            #expect(outside.count == 3, "\(found)")
            #expect(
                outside.first?.hasPrefix(
                    "team/pipewatch.yaml:2:11: error: include[0]: included file '../shared/people.yaml'"
                ) == true
            )
            #expect(!found.joined().contains("SECRET-CONTENT"))
            #expect(!found.joined().contains("PATH="))
        }
    }

    @Test("a folder allowed explicitly may be included")
    func allowed() async throws {
        try await TemporaryDirectory.with { directory in
            try directory.write(
                "shared/people.yaml",
                "engineers:\n  a: { name: A, region: US-NY, contacts: [{ slack: { url_env: S_A } }] }\n"
            )
            let found = try check(
                "team: { name: T, timezone: UTC }\ninclude: [../shared/people.yaml]\n",
                allowing: ["shared"],
                in: directory
            )
            #expect(found.filter { $0.contains("error") }.isEmpty, "\(found)")
        }
    }

    @Test("a calendar file outside the config's folder is refused the same way")
    func calendarOutside() async throws {
        try await TemporaryDirectory.with { directory in
            let found = try check(
                "team: { name: T, timezone: UTC }\ncalendars:\n  company: { file: /proc/self/environ }\n",
                in: directory
            )
            #expect(
                found.contains { $0.contains("calendar file '/proc/self/environ' is outside the config's folder") },
                "\(found)"
            )
            #expect(!found.joined().contains("PATH="))
        }
    }
}
