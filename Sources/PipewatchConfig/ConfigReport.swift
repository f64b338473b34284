public import PipewatchCore

/// The outcome of reading a config: the plan when it has no errors, and every finding.
public struct ConfigReport: Sendable {
    /// The plan, present only when there are no errors.
    public var plan: TeamPlan?
    /// Errors and warnings, in file order.
    public var diagnostics: [Diagnostic]
    /// Every file read, the root first, as shown in messages.
    public var files: [String]
    /// Where `oncall:` was written, for findings about the schedule it produces.
    public var oncallLocation: SourceLocation?

    /// Whether any finding is an error.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// The warnings only.
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
}
