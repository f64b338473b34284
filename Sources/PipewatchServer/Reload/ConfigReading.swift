public import PipewatchCore

/// What reading the config files once found: the plan when they are valid, and every finding as
/// `pipewatch validate` prints it (`pipewatch.yaml:7:14: error: …`).
public struct ConfigReading: Sendable, Equatable {
    /// The plan, or `nil` when there is any error.
    public var plan: TeamPlan?
    /// The errors, each as `FILE:LINE:COLUMN: error: MESSAGE` (and its hint).
    public var errors: [String]
    /// The warnings, in the same form; they do not keep a plan from loading.
    public var warnings: [String]
    /// The files read, the main one first.
    public var files: [String]

    /// Creates a reading.
    ///
    /// - Parameters:
    ///   - plan: The plan, or `nil` when there is any error.
    ///   - errors: The errors, compiler style.
    ///   - warnings: The warnings, compiler style.
    ///   - files: The files read, the main one first.
    public init(plan: TeamPlan?, errors: [String] = [], warnings: [String] = [], files: [String] = []) {
        self.plan = plan
        self.errors = errors
        self.warnings = warnings
        self.files = files
    }
}
