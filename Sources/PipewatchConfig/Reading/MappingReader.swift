import Synchronization
import Yams

/// Reads the keys of one YAML mapping: reports unknown keys (with a suggestion) and repeated
/// keys, and hands out the values of the known ones.
struct MappingReader {
    /// Every key a mapping read so far may have: the reader's vocabulary, which the docs test
    /// compares with docs/configuration.md after reading configs that use every section.
    static let keysRead = Mutex<Set<String>>([])

    let value: YAMLValue
    /// The entries in file order, keys as written.
    let entries: [(key: String, keyValue: YAMLValue, value: YAMLValue)]

    /// Reads `value` as a mapping whose keys must be among `allowed`; `nil` (logged) when it is no mapping.
    /// When the keys are ids (`engineers:`), `idKind` names them, so a repeated key reads "duplicate engineer id".
    init?(_ value: YAMLValue, allowed: [String]?, idKind: String? = nil, log: DiagnosticLog) {
        if let allowed { Self.keysRead.withLock { $0.formUnion(allowed) } }
        guard case .mapping(let mapping) = value.node else {
            value.error("expected a mapping, found \(value.kindName)", in: log)
            return nil
        }
        self.value = value
        var seen: [String: SourceLocation] = [:]
        var entries: [(String, YAMLValue, YAMLValue)] = []
        for (keyNode, valueNode) in mapping {
            let keyValue = YAMLValue(node: keyNode, file: value.file, path: value.path)
            guard let key = keyNode.scalar?.string else {
                keyValue.error("expected a key, found \(keyValue.kindName)", in: log)
                continue
            }
            if key.hasPrefix(RepeatedKeys.marker) { continue }  // reported when the file was read
            if let first = seen[key] {
                let message = idKind.map { "duplicate \($0) id '\(key)'" } ?? "key '\(key)' is repeated"
                keyValue.error(message, hint: "first given at \(first)", in: log)
                continue
            }
            seen[key] = keyValue.location
            if let allowed, !allowed.contains(key) {
                keyValue.error(
                    "unknown key '\(key)'",
                    hint: Suggestion.didYouMean(key, in: allowed)
                        ?? "expected one of \(allowed.joined(separator: ", "))",
                    in: log
                )
                continue
            }
            entries.append((key, keyValue, value.child(key, node: valueNode)))
        }
        self.entries = entries
    }

    /// The value at `key`, if present.
    subscript(_ key: String) -> YAMLValue? {
        entries.first { $0.key == key }?.value
    }

    /// The value at `key`, or `nil` after logging that the mapping lacks it.
    func required(_ key: String, log: DiagnosticLog, hint: String? = nil) -> YAMLValue? {
        if let found = self[key] { return found }
        value.error("missing key '\(key)'", hint: hint, in: log)
        return nil
    }
}
