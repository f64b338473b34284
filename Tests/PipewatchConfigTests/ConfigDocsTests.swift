import Foundation
import PipewatchConfig
import PipewatchTestSupport
import Testing

/// docs/configuration.md names every key the reader accepts, so the reference cannot drift.
@Suite("configuration docs")
struct ConfigDocsTests {
    @Test("every key the reader accepts in the seed's sections is documented")
    func everyKeyDocumented() throws {
        let root = RepositoryFiles.root
        let seed = root.appendingPathComponent("examples/seed/pipewatch.yaml")
        _ = ConfigLoader.check(seed, currentDirectory: root)
        let docs = try String(contentsOf: root.appendingPathComponent("docs/configuration.md"), encoding: .utf8)
        let keys = ConfigVocabulary.keysRead
        #expect(keys.count > 100, "the seed should exercise most sections; read \(keys.count) keys")
        let missing = keys.filter { !docs.contains("`\($0)`") && !docs.contains("\($0):") }.sorted()
        #expect(missing.isEmpty, "docs/configuration.md does not name: \(missing.joined(separator: ", "))")
    }
}
