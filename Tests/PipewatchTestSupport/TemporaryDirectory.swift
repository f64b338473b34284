public import Foundation

/// A fresh directory under the system's temporary folder, removed when the body returns.
public struct TemporaryDirectory: Sendable {
    public let url: URL

    /// Runs `body` with a new empty directory, and removes it afterwards.
    public static func with<T>(_ body: (TemporaryDirectory) async throws -> T) async rethrows -> T {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("pipewatch-test-\(UUID().uuidString)", isDirectory: true)
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: url) }
        return try await body(TemporaryDirectory(url: url))
    }

    /// Writes `text` to `name` (which may contain folders) and returns its URL.
    @discardableResult
    public func write(_ name: String, _ text: String) throws -> URL {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
        return file
    }
}
