import Foundation
import HTTPTypes
import Logging
import PipewatchCore
import PipewatchStore
import ServiceLifecycle
import Synchronization

/// Commits incoming lineage events in groups: each request waits until its event is in a
/// committed transaction, and every transaction carries all the events that arrived while the
/// previous one was committing. One durable commit then serves many requests, which is what
/// lets SQLite keep up with thousands of events a second.
final class IngestWriter: Service, Sendable {
    private struct Job: Sendable {
        let event: IncomingEvent
        let reply: CheckedContinuation<Bool, any Error>
    }

    private struct State {
        var pending: [Job] = []
        var isClosed = false
    }

    private let store: any RunStore
    private let clock: any WallClock
    private let maxBatch: Int
    private let logger: Logger
    private let state = Mutex(State())
    private let wakeups: AsyncStream<Void>
    private let wake: AsyncStream<Void>.Continuation

    init(store: any RunStore, clock: any WallClock, maxBatch: Int, logger: Logger) {
        self.store = store
        self.clock = clock
        self.maxBatch = maxBatch
        self.logger = logger
        (wakeups, wake) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    /// Queues `event` and returns once it is committed: `true` when it was new, `false` for a repeat.
    /// - Throws: ``APIError`` 503 when the server is shutting down; the store's error when the commit fails.
    func submit(_ event: IncomingEvent) async throws -> Bool {
        try await withCheckedThrowingContinuation { reply in
            let accepted = state.withLock { state in
                guard !state.isClosed else { return false }
                state.pending.append(Job(event: event, reply: reply))
                return true
            }
            if accepted {
                wake.yield()
            } else {
                reply.resume(
                    throwing: APIError(.serviceUnavailable, "the server is shutting down; send the event again later")
                )
            }
        }
    }

    func run() async {
        for await _ in wakeups.cancelOnGracefulShutdown() {
            await drain()
        }
        // Shutting down: refuse new work, then commit what was queued, so nothing acknowledged is lost.
        state.withLock { $0.isClosed = true }
        await drain()
    }

    private func drain() async {
        while true {
            let batch = state.withLock { state -> [Job] in
                let batch = Array(state.pending.prefix(maxBatch))
                state.pending.removeFirst(batch.count)
                return batch
            }
            guard !batch.isEmpty else { return }
            do {
                let inserted = try await store.record(batch.map(\.event), receivedAt: clock.now)
                for (job, isNew) in zip(batch, inserted) { job.reply.resume(returning: isNew) }
            } catch {
                logger.error("cannot store lineage events", metadata: ["error": "\(error)", "batch": "\(batch.count)"])
                for job in batch {
                    job.reply.resume(throwing: APIError(.serviceUnavailable, "cannot store the event: \(error)"))
                }
            }
        }
    }
}
