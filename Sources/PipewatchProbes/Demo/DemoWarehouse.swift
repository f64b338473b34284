public import Foundation
public import Logging
public import PipewatchCore
import SQLiteNIO

/// Writes the demo warehouse into an SQLite source marked `demo: true`: the seed's tables,
/// with weeks of rows ending at a given instant and the faults the seed's checks look for.
public enum DemoWarehouse {
    /// Why the demo cannot be written.
    public struct Problem: Error, CustomStringConvertible {
        public let description: String
    }

    /// Whether the source's files are all there already.
    public static func exists(in source: DataSource) -> Bool {
        guard case .sqlite(let path) = source.location else { return false }
        return ([path] + source.attachments.map(\.path)).allSatisfy { FileManager.default.fileExists(atPath: $0) }
    }

    /// Writes (or rewrites) every demo table as it looks at `now`, in one transaction.
    ///
    /// - Parameters:
    ///   - source: An SQLite source that attaches the schemas ``DemoWarehouseSQL`` writes.
    ///   - now: The instant the data ends at.
    ///   - logger: For the connection.
    /// - Returns: The files written.
    @discardableResult
    public static func write(into source: DataSource, at now: Date, logger: Logger) async throws -> [String] {
        guard case .sqlite(let path) = source.location else {
            throw Problem(
                description: "source '\(source.id)' is not SQLite: the demo is written into SQLite files only"
            )
        }
        let attached = Dictionary(source.attachments.map { ($0.schema, $0.path) }) { first, _ in first }
        let missing = DemoWarehouseSQL.schemas.filter { attached[$0] == nil }
        guard missing.isEmpty else {
            throw Problem(
                description: "source '\(source.id)' does not attach \(missing.joined(separator: ", ")); "
                    + "the demo needs 'attach:' with \(DemoWarehouseSQL.schemas.joined(separator: ", "))"
            )
        }
        let files = [path] + DemoWarehouseSQL.schemas.compactMap { attached[$0] }
        for file in files {
            try FileManager.default.createDirectory(
                at: URL(fileURLWithPath: file).deletingLastPathComponent(),
                withIntermediateDirectories: true
            )
        }
        let connection = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
        do {
            for schema in DemoWarehouseSQL.schemas {
                let file = attached[schema]!.replacingOccurrences(of: "'", with: "''")
                _ = try await connection.query("ATTACH DATABASE '\(file)' AS \"\(schema)\"", [])
            }
            let instant = ISO8601Text.format(now, in: TimeZone(identifier: "UTC")!).prefix(19)
                .replacingOccurrences(of: "T", with: " ")
            _ = try await connection.query("BEGIN", [])
            for statement in DemoWarehouseSQL.script(now: instant).components(separatedBy: ";\n")
            where !statement.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                _ = try await connection.query(statement, [])
            }
            _ = try await connection.query("COMMIT", [])
        } catch {
            try? await connection.close()
            throw Problem(description: "cannot write the demo warehouse: \(error)")
        }
        try await connection.close()
        return files
    }
}
