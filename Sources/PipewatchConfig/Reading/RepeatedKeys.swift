import Yams

/// Yams rejects a mapping with a repeated key as a whole, pointing at the mapping, which would
/// hide every other finding in the file. This finds the repeated key in the text, reports it
/// where it stands, and renames it so that the rest of the file can still be read.
enum RepeatedKeys {
    /// Keys renamed here start with this; ``MappingReader`` skips them.
    static let marker = "__pipewatch_repeated_"

    /// The text with the repeat of `key` renamed, and the message and positions to report;
    /// `nil` when the repeat cannot be found (a flow mapping, say).
    static func rename(
        _ key: String,
        in text: String,
        mapping mark: Mark,
        count: Int
    )
        -> (text: String, message: String, repeat: (line: Int, column: Int), first: (line: Int, column: Int))?
    {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let indent = mark.column - 1
        var first: Int?
        for index in (mark.line - 1)..<lines.count {
            let line = lines[index]
            let content = line.drop(while: { $0 == " " })
            let lineIndent = line.count - content.count
            if index > mark.line - 1, !content.isEmpty, !content.hasPrefix("#"), lineIndent < indent { break }
            guard lineIndent == indent, startsWithKey(content, key) else { continue }
            guard let firstLine = first else {
                first = index
                continue
            }
            let quote = content.first == "\"" || content.first == "'" ? 1 : 0
            let start = line.index(line.startIndex, offsetBy: indent + quote)
            lines[index].replaceSubrange(
                start..<line.index(start, offsetBy: key.count),
                with: "\(marker)\(count)-\(key)"
            )
            let path = parentKeys(of: firstLine, indent: indent, in: lines)
            let kinds = [
                "engineers": "engineer", "stakeholders": "stakeholder", "pipelines": "pipeline", "checks": "check",
            ]
            let message =
                if path.count == 1, let kind = kinds[path[0]] {
                    "\(path[0]): duplicate \(kind) id '\(key)'"
                } else if path.count == 3, path[0] == "pipelines", path[2] == "checks" {
                    "\(path.joined(separator: ".")): duplicate check id '\(key)'"
                } else {
                    (path.isEmpty ? "" : path.joined(separator: ".") + ": ") + "key '\(key)' is repeated"
                }
            return (lines.joined(separator: "\n"), message, (index + 1, indent + 1), (firstLine + 1, indent + 1))
        }
        return nil
    }

    private static func startsWithKey(_ content: Substring, _ key: String) -> Bool {
        for form in [key, "\"\(key)\"", "'\(key)'"] where content.hasPrefix(form) {
            let rest = content.dropFirst(form.count).drop(while: { $0 == " " })
            if rest.hasPrefix(":") { return true }
        }
        return false
    }

    /// The keys of the block mappings that enclose line `index`, outermost first.
    private static func parentKeys(of index: Int, indent: Int, in lines: [String]) -> [String] {
        var keys: [String] = []
        var limit = indent
        var row = index - 1
        while row >= 0, limit > 0 {
            let line = lines[row]
            let content = line.drop(while: { $0 == " " })
            let lineIndent = line.count - content.count
            if !content.isEmpty, !content.hasPrefix("#"), lineIndent < limit {
                if let colon = content.firstIndex(of: ":"), !content.hasPrefix("-") {
                    keys.insert(String(content[..<colon]), at: 0)
                }
                limit = lineIndent
            }
            row -= 1
        }
        return keys
    }
}
