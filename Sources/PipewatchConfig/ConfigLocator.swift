public import Foundation

/// Finds the config: `--config PATH`, else `PIPEWATCH_CONFIG`, else `./pipewatch.yaml`.
public enum ConfigLocator {
    /// The file name looked for in the working directory.
    public static let defaultFileName = "pipewatch.yaml"

    /// The config file to read.
    /// - Parameters:
    ///   - explicit: the `--config` option, when given.
    ///   - environment: the process environment, for `PIPEWATCH_CONFIG`.
    ///   - currentDirectory: where relative paths start.
    /// - Returns: the file URL, whether or not it exists (reading reports a missing file).
    public static func locate(explicit: String?, environment: [String: String], currentDirectory: URL) -> URL {
        let chosen = explicit ?? environment["PIPEWATCH_CONFIG"].flatMap { $0.isEmpty ? nil : $0 } ?? defaultFileName
        return URL(fileURLWithPath: chosen, relativeTo: currentDirectory).standardizedFileURL
    }

    /// `url`'s path relative to `directory` when it lies below it, otherwise absolute.
    public static func displayPath(of url: URL, relativeTo directory: URL) -> String {
        let base = directory.standardizedFileURL.path
        let path = url.standardizedFileURL.path
        let prefix = base.hasSuffix("/") ? base : base + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}
