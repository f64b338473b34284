import Yams

/// Yams rejects a mapping with a repeated key as a whole, pointing at the mapping, which would
/// hide every other finding in the file. This finds the repeated key in the text, reports it
/// where it stands, and renames it so that the rest of the file can still be read.
enum RepeatedKeys {
    /// Keys renamed here start with this; ``MappingReader`` skips them.
    static let marker = "__pipewatch_repeated_"

    /// The text with the repeat of `key` renamed, and the message and positions to report;
    /// `nil` when the repeat cannot be found.
    static func rename(
        _ key: String,
        in text: String,
        mapping mark: Mark,
        count: Int
    )
        -> (text: String, message: String, repeat: (line: Int, column: Int), first: (line: Int, column: Int))?
    {
        // Split as libyaml counts lines: "\r\n" is one break (and one Character in Swift).
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
        guard mark.line >= 1, mark.line <= lines.count else { return nil }
        let occurrences = Self.occurrences(of: key, in: lines, mapping: mark)
        guard occurrences.count >= 2 else { return nil }
        let (first, second) = (occurrences[0], occurrences[1])
        var line = Array(lines[second.line])
        let quote = line[second.column] == "\"" || line[second.column] == "'" ? 1 : 0
        line.replaceSubrange(
            (second.column + quote)..<(second.column + quote + key.count),
            with: Array("\(marker)\(count)-\(key)")
        )
        lines[second.line] = String(line)
        let path = Self.path(to: first, in: lines)
        let kinds = [
            "engineers": "engineer", "stakeholders": "stakeholder", "pipelines": "pipeline", "checks": "check",
            "actions": "action",
        ]
        let message =
            if path.count == 1, let kind = kinds[path[0]] {
                "\(path[0]): duplicate \(kind) id '\(key)'"
            } else if path.count == 3, path[0] == "pipelines", path[2] == "checks" {
                "\(path.joined(separator: ".")): duplicate check id '\(key)'"
            } else {
                (path.isEmpty ? "" : path.joined(separator: ".") + ": ") + "key '\(key)' is repeated"
            }
        return (
            lines.joined(separator: "\n"), message, (second.line + 1, second.column + 1),
            (first.line + 1, first.column + 1)
        )
    }

    /// The keys of the mappings that enclose an occurrence, outermost first: for a key in a flow
    /// mapping, the key written before its '{' and that key's own path; otherwise block parents by
    /// indentation.
    private static func path(to occurrence: (line: Int, column: Int), in lines: [String]) -> [String] {
        let characters = Array(lines[occurrence.line])
        guard let brace = enclosingBrace(of: occurrence.column, in: characters),
            let colon = characters[..<brace].lastIndex(where: { $0 != " " }), characters[colon] == ":"
        else { return parentKeys(of: occurrence.line, indent: occurrence.column, in: lines) }
        let start = characters[..<colon].lastIndex { $0 == " " || $0 == "{" || $0 == "," }.map { $0 + 1 } ?? 0
        return path(to: (occurrence.line, start), in: lines) + [String(characters[start..<colon])]
    }

    /// Where `key` stands as a key of the mapping that starts at `mark` (0-based line and column).
    private static func occurrences(
        of key: String,
        in lines: [String],
        mapping mark: Mark
    ) -> [(line: Int, column: Int)] {
        let startLine = mark.line - 1
        let indent = mark.column - 1
        let first = Array(lines[startLine])
        guard indent < first.count else { return [] }
        // In a flow mapping the mark is at its '{' or at one of its keys: find the '{' that opens it.
        if first[indent] == "{" { return flowOccurrences(of: key, in: lines, from: (startLine, indent)) }
        if let brace = enclosingBrace(of: indent, in: first) {
            return flowOccurrences(of: key, in: lines, from: (startLine, brace))
        }
        var found: [(line: Int, column: Int)] = []
        for index in startLine..<lines.count {
            let characters = Array(lines[index])
            if index == startLine {
                // The mapping's first key may follow '- ' on its line.
                if startsWithKey(Substring(String(characters[indent...])), key) { found.append((index, indent)) }
                continue
            }
            let lineIndent = characters.prefix { $0 == " " }.count
            let content = Substring(String(characters[lineIndent...]))
            if !content.isEmpty, !content.hasPrefix("#"), lineIndent < indent { break }
            if lineIndent == indent, startsWithKey(content, key) { found.append((index, indent)) }
        }
        return found
    }

    /// The '{' that opens the flow mapping a key at `column` belongs to, when the key follows '{' or ','.
    private static func enclosingBrace(of column: Int, in line: [Character]) -> Int? {
        guard let previous = line[..<column].lastIndex(where: { $0 != " " }),
            line[previous] == "{" || line[previous] == ","
        else { return nil }
        var depth = 0
        for index in stride(from: previous, through: 0, by: -1) {
            switch line[index] {
            case "}", "]": depth += 1
            case "[": depth -= 1
            case "{":
                if depth == 0 { return index }
                depth -= 1
            default: break
            }
        }
        return nil
    }

    /// Keys of a flow mapping `{ a: 1, a: 2 }`, which may span lines: those at its own depth.
    private static func flowOccurrences(
        of key: String,
        in lines: [String],
        from start: (Int, Int)
    )
        -> [(line: Int, column: Int)]
    {
        var found: [(line: Int, column: Int)] = []
        var depth = 0
        var quote: Character?
        var expectingKey = false
        for index in start.0..<lines.count {
            let characters = Array(lines[index])
            var column = index == start.0 ? start.1 : 0
            while column < characters.count {
                let character = characters[column]
                if let open = quote {
                    if character == open { quote = nil }
                } else if expectingKey, depth == 1, character != " " {
                    expectingKey = false
                    if startsWithKey(Substring(String(characters[column...])), key) { found.append((index, column)) }
                    continue
                } else if character == "\"" || character == "'" {
                    quote = character
                } else if character == "{" || character == "[" {
                    depth += 1
                    expectingKey = character == "{" && depth == 1
                } else if character == "}" || character == "]" {
                    depth -= 1
                    if depth == 0 { return found }
                } else if character == ",", depth == 1 {
                    expectingKey = true
                } else if character == "#" {
                    break
                }
                column += 1
            }
        }
        return found
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
