import Foundation

/// The root config and every file it includes, read in include order, each file once.
struct ConfigFiles {
    static let topLevelKeys = [
        "team", "engineers", "stakeholders", "pipelines", "oncall", "escalation", "calendars", "api", "incidents",
        "actions", "sources", "alerts", "smtp", "include", "review",
    ]

    /// The top-level mapping of each file that parsed.
    private(set) var documents: [MappingReader] = []
    /// Every file read, as displayed.
    private(set) var displayPaths: [String] = []

    private var visited: Set<String> = []
    private let currentDirectory: URL
    private let log: DiagnosticLog
    /// The folders included files may be in: the root config's own, and those allowed.
    private let includeFolders: [String]

    /// Reads `root` and what it includes.
    ///
    /// - Parameter allowedIncludeFolders: Folders outside the root config's own tree that
    ///   includes may read (`PIPEWATCH_ALLOW_INCLUDE`).
    init(root: URL, currentDirectory: URL, allowedIncludeFolders: [URL] = [], log: DiagnosticLog) {
        self.currentDirectory = currentDirectory
        self.log = log
        includeFolders = ([root.deletingLastPathComponent()] + allowedIncludeFolders).map {
            $0.standardizedFileURL.resolvingSymlinksInPath().path
        }
        read(root)
    }

    /// Whether `url`, links resolved, lies in one of the folders the config may read files from
    /// (includes, calendar files).
    func mayInclude(_ url: URL) -> Bool {
        let path = url.standardizedFileURL.resolvingSymlinksInPath().path
        return includeFolders.contains { path.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") }
    }

    private mutating func read(_ url: URL) {
        let path = url.standardizedFileURL.path
        guard visited.insert(path).inserted else { return }
        let source = YAMLSource(
            url: url,
            displayPath: ConfigLocator.displayPath(of: url, relativeTo: currentDirectory),
            log: log
        )
        displayPaths.append(source.displayPath)
        guard let root = source.root, let document = MappingReader(root, allowed: Self.topLevelKeys, log: log) else {
            return
        }
        documents.append(document)
        for (pattern, site) in document["include"]?.strings(log) ?? [] {
            let matches = Self.expand(pattern, from: url.deletingLastPathComponent())
            if matches.isEmpty {
                let isGlob = pattern.contains("*") || pattern.contains("?")
                if isGlob {
                    site.warning("'\(pattern)' matches no file", in: log)
                } else {
                    site.error(
                        "included file '\(pattern)' does not exist",
                        hint: "paths are relative to the including file",
                        in: log
                    )
                }
            }
            for match in matches {
                // The config names what Pipewatch reads; it may not reach into the rest of the
                // machine (/etc, /proc), whose contents a parse error would otherwise show.
                guard mayInclude(match) else {
                    site.error(
                        "included file '\(pattern)' is outside the config's folder",
                        hint: "move it under the folder of the root config, or allow its folder with "
                            + "PIPEWATCH_ALLOW_INCLUDE=/path/to/folder",
                        in: log
                    )
                    continue
                }
                read(match)
            }
        }
    }

    /// The files `pattern` names, relative to `directory`; `*` and `?` match within the last path component.
    static func expand(_ pattern: String, from directory: URL) -> [URL] {
        let target = URL(fileURLWithPath: pattern, relativeTo: directory).standardizedFileURL
        let name = target.lastPathComponent
        guard name.contains("*") || name.contains("?") else {
            return FileManager.default.fileExists(atPath: target.path) ? [target] : []
        }
        let folder = target.deletingLastPathComponent()
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { matches($0, pattern: name) }.sorted().map { folder.appendingPathComponent($0) }
    }

    /// Shell-style wildcard match of `*` and `?`.
    static func matches(_ name: String, pattern: String) -> Bool {
        let n = Array(name)
        let p = Array(pattern)
        var (i, j, star, mark) = (0, 0, -1, 0)
        while i < n.count {
            if j < p.count, p[j] == "?" || p[j] == n[i] {
                i += 1
                j += 1
            } else if j < p.count, p[j] == "*" {
                star = j
                mark = i
                j += 1
            } else if star >= 0 {
                j = star + 1
                mark += 1
                i = mark
            } else {
                return false
            }
        }
        while j < p.count, p[j] == "*" { j += 1 }
        return j == p.count
    }
}
