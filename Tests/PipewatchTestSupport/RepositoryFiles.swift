public import Foundation

/// Files of this repository that tests read: the seed example and the plan it implements.
public enum RepositoryFiles {
    /// The repository's root folder, found from this source file's path.
    public static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `examples/seed/pipewatch.yaml`.
    public static let seedConfig = root.appendingPathComponent("examples/seed/pipewatch.yaml")

    /// `examples/seed/PLAN.md`, the seed's management plan as its user wrote it.
    public static let seedPlan = root.appendingPathComponent("examples/seed/PLAN.md")
}
