import Foundation
import Synchronization

/// The body of `/api/v1/pipelines`, kept until the signal evaluator reads or stores something new,
/// and for at most two seconds (a change another process stored shows within them).
final class PipelineListCache: Sendable {
    private struct Kept: Sendable {
        var generation: UInt64
        var builtAt: ContinuousClock.Instant
        var body: Data
    }

    private let kept = Mutex<Kept?>(nil)

    /// The kept body while it is current for `generation`, else a new one from `build`.
    func body(generation: UInt64, build: () async throws -> Data) async throws -> Data {
        if let kept = kept.withLock({ $0 }), kept.generation == generation,
            kept.builtAt.duration(to: .now) < .seconds(2)
        {
            return kept.body
        }
        let body = try await build()
        kept.withLock { $0 = Kept(generation: generation, builtAt: .now, body: body) }
        return body
    }
}
