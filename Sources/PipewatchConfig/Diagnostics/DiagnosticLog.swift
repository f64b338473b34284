/// Collects the findings of one config load, so validation reports every problem at once.
final class DiagnosticLog {
    private(set) var diagnostics: [Diagnostic] = []

    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    func error(_ message: String, at location: SourceLocation, hint: String? = nil) {
        diagnostics.append(Diagnostic(location: location, severity: .error, message: message, hint: hint))
    }

    func warning(_ message: String, at location: SourceLocation, hint: String? = nil) {
        diagnostics.append(Diagnostic(location: location, severity: .warning, message: message, hint: hint))
    }

    /// The findings sorted by file order of appearance, then line and column.
    func sorted(fileOrder: [String]) -> [Diagnostic] {
        let rank = Dictionary(fileOrder.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        return diagnostics.enumerated().sorted { lhs, rhs in
            let l = lhs.element.location
            let r = rhs.element.location
            let key = { (loc: SourceLocation) in (rank[loc.file] ?? Int.max, loc.line, loc.column) }
            if key(l) != key(r) { return key(l) < key(r) }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }
}
