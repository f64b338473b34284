import Foundation
import PipewatchConfig
import Testing

/// One config for the fuzzer to read: the root file's bytes, the files beside it, and anything
/// else its folder needs (sub-folders, links, permissions).
struct FuzzCase: Sendable, Identifiable, CustomTestStringConvertible {
    /// What the case is, and for a mutation its seed and index, so that it can be run again.
    let name: String
    let root: [UInt8]
    var others: [String: [UInt8]] = [:]
    var prepare: @Sendable (URL) throws -> Void = { _ in }

    /// Names are unique, so Swift Testing can tell the hostile cases apart from run to run.
    var id: String { name }
    var testDescription: String { name }

    init(_ name: String, root: [UInt8], others: [String: [UInt8]] = [:]) {
        self.name = name
        self.root = root
        self.others = others
    }

    init(_ name: String, _ root: String, others: [String: String] = [:]) {
        self.init(name, root: Array(root.utf8), others: others.mapValues { Array($0.utf8) })
    }

    /// The case with `prepare` run in its folder after the files are written.
    func preparing(_ prepare: @escaping @Sendable (URL) throws -> Void) -> FuzzCase {
        var copy = self
        copy.prepare = prepare
        return copy
    }

    /// Writes the case into `directory` and returns the root file's URL.
    func write(to directory: URL) throws -> URL {
        for (name, bytes) in others.sorted(by: { $0.key < $1.key }) {
            let url = directory.appendingPathComponent(name)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(),
                withIntermediateDirectories: true
            )
            try Data(bytes).write(to: url)
        }
        let root = directory.appendingPathComponent("pipewatch.yaml")
        try Data(self.root).write(to: root)
        try prepare(directory)
        return root
    }

    /// The root file as text for a failure message: cut to `limit` characters, with bytes that
    /// are not UTF-8 shown as U+FFFD.
    func excerpt(limit: Int = 2_000) -> String {
        let text = String(decoding: root, as: UTF8.self)
        guard text.count > limit else { return text }
        return "\(text.prefix(limit))… (\(root.count) bytes in all)"
    }
}
