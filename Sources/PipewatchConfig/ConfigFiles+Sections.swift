/// The two ways a top-level section is spread over the root file and its includes.
extension ConfigFiles {
    /// A section that may appear in one file only (`team:`, `oncall:`, `incidents:`); a second is an error.
    func single(_ key: String, log: DiagnosticLog) -> YAMLValue? {
        let found = documents.compactMap { document in
            document.entries.first { $0.key == key }
        }
        for duplicate in found.dropFirst() {
            duplicate.keyValue.error(
                "'\(key)' is already given in another file",
                hint: "first given at \(found[0].keyValue.location); give it once",
                in: log
            )
        }
        return found.first?.value
    }

    /// The entries of a section that included files extend (`pipelines:`, `actions:`), with ids
    /// unique across files.
    func entries(_ key: String, kind: String, log: DiagnosticLog) -> [(id: String, value: YAMLValue)] {
        var seen: [String: SourceLocation] = [:]
        var result: [(id: String, value: YAMLValue)] = []
        for document in documents {
            guard let section = document[key],
                let mapping = MappingReader(section, allowed: nil, idKind: kind, log: log)
            else {
                continue
            }
            for entry in mapping.entries {
                if let first = seen[entry.key] {
                    entry.keyValue.error(
                        "duplicate \(kind) id '\(entry.key)'",
                        hint: "first given at \(first)",
                        in: log
                    )
                    continue
                }
                seen[entry.key] = entry.keyValue.location
                result.append((entry.key, entry.value))
            }
        }
        return result
    }
}
