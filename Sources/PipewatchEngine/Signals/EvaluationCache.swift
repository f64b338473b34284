import Foundation
import PipewatchCore
import PipewatchStore
import Synchronization

/// What the signal evaluator keeps between passes, so that a tick where nothing happened reads
/// nothing from the store: each pipeline's evidence as last read, the signals stored open, and
/// since when each pipeline is watched.
///
/// The store stays the truth. Evidence is read again when an ingest touches a pipeline and on
/// every full pass (which also picks up what another process wrote); a change is always written
/// in a transaction that reads the stored states again, so a stale entry costs one transaction
/// that changes nothing, never a wrong transition.
final class EvaluationCache: Sendable {
    private struct State {
        var evidence: [PipelineID: SignalDetector.Evidence] = [:]
        var open: [PipelineID: [String: Signal]]?
        var watched: [PipelineID: Date] = [:]
    }

    private let state = Mutex(State())

    /// The cached evidence of `pipeline`, if read before.
    func evidence(of pipeline: PipelineID) -> SignalDetector.Evidence? {
        state.withLock { $0.evidence[pipeline] }
    }

    /// Keeps a pipeline's evidence as just read.
    func keep(_ evidence: SignalDetector.Evidence, of pipeline: PipelineID) {
        state.withLock { $0.evidence[pipeline] = evidence }
    }

    /// The signals stored open, by pipeline and key; `nil` until loaded.
    var openSignals: [PipelineID: [String: Signal]]? { state.withLock { $0.open } }

    /// Keeps every open signal as read from the store.
    func keepOpen(_ states: [SignalState]) {
        var open: [PipelineID: [String: Signal]] = [:]
        for state in states { open[state.signal.pipeline, default: [:]][state.signal.key] = state.signal }
        state.withLock { $0.open = open }
    }

    /// Records that a pipeline's open signals are now exactly `signals`.
    func keepOpen(_ signals: [Signal], of pipeline: PipelineID) {
        state.withLock { state in
            state.open?[pipeline] = Dictionary(signals.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        }
    }

    /// Since when each pipeline is watched, for those known.
    var watched: [PipelineID: Date] { state.withLock { $0.watched } }

    /// Keeps the first-watched instants read from the store.
    func keepWatched(_ found: [PipelineID: Date]) {
        state.withLock { $0.watched.merge(found) { old, _ in old } }
    }

    /// The pipelines whose signals can change with time alone: a deadline, inputs that age, or a
    /// run still going (which can turn slow).
    func timeSensitive(in catalog: Catalog) -> Set<PipelineID> {
        let evidence = state.withLock { $0.evidence }
        return Set(
            catalog.pipelines.filter { pipeline in
                pipeline.deliverBy != nil || !pipeline.inputs.isEmpty
                    || evidence[pipeline.id]?.runs.contains { $0.state == .running } ?? true
            }.map(\.id)
        )
    }
}
