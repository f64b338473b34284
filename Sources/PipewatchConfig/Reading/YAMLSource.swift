import Foundation
import Yams

/// One config file read from disk and composed into a YAML tree.
struct YAMLSource {
    /// The path as it is shown in messages: relative to the working directory when below it.
    let displayPath: String
    let url: URL
    let root: YAMLValue?

    /// Reads and composes `url`; syntax errors and unreadable files are logged, and `root` is then `nil`.
    init(url: URL, displayPath: String, log: DiagnosticLog) {
        self.url = url
        self.displayPath = displayPath
        guard let data = FileManager.default.contents(atPath: url.path) else {
            let missing = !FileManager.default.fileExists(atPath: url.path)
            log.error(
                missing ? "no config file '\(displayPath)'" : "cannot read config file '\(displayPath)'",
                at: SourceLocation(file: displayPath, line: 1, column: 1),
                hint: missing
                    ? "run 'pipewatch init' to write a starter config here, or pass another with --config"
                    : "check that the file is readable, or pass another with --config"
            )
            root = nil
            return
        }
        guard let text = String(data: data, encoding: .utf8) else {
            log.error("config file is not UTF-8 text", at: SourceLocation(file: displayPath, line: 1, column: 1))
            root = nil
            return
        }
        if let key = AliasKeys.first(in: text) {
            log.error(
                "an alias cannot be a mapping key",
                at: SourceLocation(file: displayPath, line: key.line, column: key.column),
                hint: "write the key out; anchors and aliases are for values"
            )
            root = nil
            return
        }
        do {
            let node = try YAMLSource.compose(text, displayPath: displayPath, log: log)
            root = YAMLValue(node: node, file: displayPath, path: "")
        } catch let error as YamlError {
            let (problem, mark) = YAMLSource.describe(error)
            let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            let line = mark.flatMap { $0.line >= 1 && $0.line <= lines.count ? lines[$0.line - 1] : nil }
            let indentation = [
                "did not find expected key", "mapping values are not allowed", "did not find expected '-'",
            ]
            let hint =
                line?.contains("\t") == true
                ? "YAML does not allow tabs for indentation; indent with spaces"
                : indentation.contains(where: problem.contains)
                    ? "check the indentation here and on the line above: the keys of one mapping start in the same "
                        + "column, and a value nested under a key is indented further than the key" : nil
            var location = SourceLocation(file: displayPath, line: mark?.line ?? 1, column: mark?.column ?? 1)
            // At the end of a file without a final line break libyaml counts one more line; an
            // editor has none there, so point just after the last character instead.
            if location.line > lines.count, let last = lines.last {
                location.line = lines.count
                location.column = last.unicodeScalars.count + 1
            }
            log.error(problem, at: location, hint: hint)
            root = nil
        } catch {
            log.error("cannot parse YAML: \(error)", at: SourceLocation(file: displayPath, line: 1, column: 1))
            root = nil
        }
    }

    /// Composes `text`, reporting each repeated key where it stands and reading on past it.
    private static func compose(_ text: String, displayPath: String, log: DiagnosticLog) throws -> Node {
        var text = text
        for count in 0..<100 {
            do {
                return try Yams.compose(yaml: text) ?? Node.mapping(Node.Mapping([]))
            } catch YamlError.duplicatedKeysInMapping(let keys, let context) {
                guard let key = keys.sorted().first,
                    let found = RepeatedKeys.rename(key, in: text, mapping: context.mark, count: count)
                else { throw YamlError.duplicatedKeysInMapping(duplicates: keys, context: context) }
                log.error(
                    found.message,
                    at: SourceLocation(file: displayPath, line: found.repeat.line, column: found.repeat.column),
                    hint: "first given at \(displayPath):\(found.first.line):\(found.first.column)"
                )
                text = found.text
            }
        }
        return try Yams.compose(yaml: text) ?? Node.mapping(Node.Mapping([]))
    }

    /// libyaml's problem text and position for a syntax error.
    private static func describe(_ error: YamlError) -> (String, (line: Int, column: Int)?) {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            if problem.hasPrefix("Maximum nesting level reached") {
                return ("lists and mappings are nested more than 1000 levels deep", (mark.line, mark.column))
            }
            return (problem, (mark.line, mark.column))
        case .reader(let problem, let offset, let value, let text):
            // libyaml rejects control characters (NUL, escape, form feed …) before it scans; its
            // offset counts characters, and columns count Unicode scalars, as in the other marks.
            let found = Unicode.Scalar(UInt32(bitPattern: value)).map { String(format: ", found U+%04X", $0.value) }
            return ("\(problem)\(found ?? "")", offset.map { position(atCharacterOffset: $0, in: text) })
        case .duplicatedKeysInMapping(let duplicates, let context):
            let mark = context.mark
            return (
                "key '\(duplicates.sorted().joined(separator: "', '"))' is repeated in this mapping",
                (mark.line, mark.column)
            )
        default:
            return ("\(error)", nil)
        }
    }

    /// The 1-based line and column of the character `offset` characters into `text`.
    private static func position(atCharacterOffset offset: Int, in text: String) -> (line: Int, column: Int) {
        let before = text.prefix(offset)
        let lineStart = before.lastIndex(where: \.isNewline).map { before.index(after: $0) } ?? before.startIndex
        return (before.count(where: \.isNewline) + 1, before[lineStart...].unicodeScalars.count + 1)
    }
}
