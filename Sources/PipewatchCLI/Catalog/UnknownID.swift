import PipewatchConfig

/// The message for an id given on the command line that the config does not declare.
enum UnknownID {
    static func message(_ id: String, kind: String, known: [String]) -> String {
        let suggestion = Suggestion.didYouMean(id, in: known) ?? "known: \(known.joined(separator: ", "))"
        return "unknown \(kind) '\(id)'; \(suggestion)"
    }
}
