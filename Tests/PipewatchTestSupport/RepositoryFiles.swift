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

    /// A file under `Tests/Fixtures`, such as `lineage/openlineage-runevent.json`.
    public static func fixture(_ path: String) -> URL {
        root.appendingPathComponent("Tests/Fixtures").appendingPathComponent(path)
    }

    /// The contents of a file under `Tests/Fixtures`.
    public static func fixtureData(_ path: String) throws -> Data {
        try Data(contentsOf: fixture(path))
    }
}
