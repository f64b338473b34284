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
    /// Past this many queued events, new ones are refused with 503 rather than held in memory.
    private let maxQueued: Int
    private let logger: Logger
    /// Given the pipelines a committed batch touched, before the requests are answered, so their
    /// signals are stored by the time a client hears its event was.
    private let onCommit: @Sendable (Set<PipelineID>) async -> Void
    private let state = Mutex(State())
    private let wakeups: AsyncStream<Void>
    private let wake: AsyncStream<Void>.Continuation

    init(
        store: any RunStore,
        clock: any WallClock,
        maxBatch: Int,
        maxQueued: Int = 20_000,
        logger: Logger,
        onCommit: @escaping @Sendable (Set<PipelineID>) async -> Void = { _ in }
    ) {
        self.store = store
        self.clock = clock
        self.maxBatch = maxBatch
        self.maxQueued = maxQueued
        self.logger = logger
        self.onCommit = onCommit
        (wakeups, wake) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    /// Queues `event` and returns once it is committed: `true` when it was new, `false` for a repeat.
    /// - Throws: ``APIError`` 503 when the server is shutting down; the store's error when the commit fails.
    func submit(_ event: IncomingEvent) async throws -> Bool {
        try await withCheckedThrowingContinuation { reply in
            let refusal = state.withLock { state -> String? in
                if state.isClosed { return "the server is shutting down; send the event again later" }
                if state.pending.count >= maxQueued {
                    return "the server is behind on storing events; send it again later"
                }
                state.pending.append(Job(event: event, reply: reply))
                return nil
            }
            if let refusal {
                reply.resume(throwing: APIError(.serviceUnavailable, refusal))
            } else {
                wake.yield()
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
            await commit(batch)
        }
    }

    /// Commits a batch and answers each request; when the batch fails, each event is tried on its
    /// own, so one event the database refuses does not fail the others.
    private func commit(_ batch: [Job]) async {
        do {
            let inserted = try await store.record(batch.map(\.event), receivedAt: clock.now)
            guard inserted.count == batch.count else {
                throw APIError(.internalServerError, "the store answered \(inserted.count) of \(batch.count) events")
            }
            let touched = Set(zip(batch, inserted).compactMap { job, isNew in isNew ? job.event.pipeline : nil })
            if !touched.isEmpty { await onCommit(touched) }
            for (job, isNew) in zip(batch, inserted) { job.reply.resume(returning: isNew) }
        } catch {
            guard batch.count == 1, let job = batch.first else {
                for job in batch { await commit([job]) }
                return
            }
            logger.error(
                "cannot store a lineage event",
                metadata: ["error": "\(error)", "run.id": "\(job.event.event.runID)"]
            )
            job.reply.resume(throwing: APIError(.serviceUnavailable, "cannot store the event: \(error)"))
        }
    }
}
