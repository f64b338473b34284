import Yams

/// A YAML node together with the file it came from and its path in the config
/// (`pipelines.profit.owners.primary`), so every message can say where it points.
struct YAMLValue {
    let node: Node
    let file: String
    let path: String

    var location: SourceLocation {
        let mark = node.mark
        return SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    /// The value at `key` of a mapping value.
    func child(_ key: String, node: Node) -> YAMLValue {
        YAMLValue(node: node, file: file, path: path.isEmpty ? key : "\(path).\(key)")
    }

    /// The value at `index` of a sequence value.
    func element(_ index: Int, node: Node) -> YAMLValue {
        YAMLValue(node: node, file: file, path: "\(path)[\(index)]")
    }

    /// What the node is, in the words a user knows.
    var kindName: String {
        switch node {
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .scalar: "a value"
        case .alias: "an alias"
        }
    }

    /// Logs an error prefixed with this value's path, at this value.
    func error(_ message: String, hint: String? = nil, in log: DiagnosticLog) {
        log.error(path.isEmpty ? message : "\(path): \(message)", at: location, hint: hint)
    }

    /// Logs a warning prefixed with this value's path, at this value.
    func warning(_ message: String, hint: String? = nil, in log: DiagnosticLog) {
        log.warning(path.isEmpty ? message : "\(path): \(message)", at: location, hint: hint)
    }

    /// The scalar text, or `nil` after logging what was found instead.
    func string(_ log: DiagnosticLog) -> String? {
        guard case .scalar(let scalar) = node else {
            error("expected a value, found \(kindName)", in: log)
            return nil
        }
        return scalar.string
    }

    /// The scalar parsed by `parse`, or `nil` after logging `expected …, found '…'`.
    func parse<T>(_ log: DiagnosticLog, expected: String, hint: String? = nil, _ parse: (String) -> T?) -> T? {
        guard let text = string(log) else { return nil }
        guard let value = parse(text) else {
            error("expected \(expected), found '\(text)'", hint: hint, in: log)
            return nil
        }
        return value
    }

    /// The elements of a list; a single scalar counts as a list of one, as people write `notify: stakeholders`.
    func list(_ log: DiagnosticLog) -> [YAMLValue]? {
        switch node {
        case .sequence(let sequence):
            return sequence.enumerated().map { element($0.offset, node: $0.element) }
        case .scalar:
            return [element(0, node: node)]
        default:
            error("expected a list, found \(kindName)", in: log)
            return nil
        }
    }

    /// A list of strings, with the value each came from.
    func strings(_ log: DiagnosticLog) -> [(String, YAMLValue)] {
        (list(log) ?? []).compactMap { item in item.string(log).map { ($0, item) } }
    }

    /// A Boolean written as `true`/`false` (or `yes`/`no`).
    func bool(_ log: DiagnosticLog) -> Bool? {
        parse(log, expected: "true or false") { text in
            switch text.lowercased() {
            case "true", "yes", "on": true
            case "false", "no", "off": false
            default: nil
            }
        }
    }
}
