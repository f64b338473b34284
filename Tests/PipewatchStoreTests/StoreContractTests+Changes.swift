import Foundation
import PipewatchCore
import PipewatchStore
import PipewatchTestSupport
import Testing

extension StoreContractTests {
    @Test("a pipeline's changes come back as stored, newest first, only its own", arguments: StoreBackend.available)
    func changes(backend: StoreBackend) async throws {
        try await withTestStore(backend) { store in
            // Given two changes of one pipeline and one of another
            let deploy = try await store.recordChange(
                PipelineChange(
                    pipeline: "profit",
                    at: Fixtures.at(hours: 1),
                    summary: "Deployed v2",
                    source: "ci",
                    details: ["commit": "abc123"],
                    links: [.init(href: "https://ci.example.com/7", text: "build")]
                )
            )
            let config = try await store.recordChange(
                PipelineChange(pipeline: "profit", at: Fixtures.at(hours: 2), summary: "Raised the memory limit")
            )
            _ = try await store.recordChange(
                PipelineChange(pipeline: "growth", at: Fixtures.at(hours: 3), summary: "x")
            )
            // When reading profit's
            let found = try await store.changes(of: "profit", limit: 10)
            // Then
            #expect(deploy.id > 0 && config.id > deploy.id)
            #expect(found == [config, deploy])
            #expect(try await store.changes(of: "profit", limit: 1) == [config])
        }
    }
}
