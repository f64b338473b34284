/// Thrown when a config has errors: every problem found, not just the first.
public struct ConfigErrors: Error, Sendable, CustomStringConvertible {
    /// Every finding, errors and warnings, in file order.
    public var diagnostics: [Diagnostic]

    /// Creates the error from the findings of a load.
    public init(diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    /// Only the errors.
    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    public var description: String {
        let count = errors.count
        let lines = diagnostics.map(\.description)
        return
            (lines + ["\(count) error\(count == 1 ? "" : "s") in the config; run 'pipewatch validate' to see them all"])
            .joined(separator: "\n")
    }
}
