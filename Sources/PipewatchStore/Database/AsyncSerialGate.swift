import Synchronization

/// Runs async critical sections one at a time, in the order they arrived.
///
/// sqlite-nio hands every caller the same connection, and an actor does not serialize
/// work that suspends (its methods re-enter at every `await`). So a transaction on SQLite
/// holds this gate from `BEGIN IMMEDIATE` to `COMMIT` or `ROLLBACK`; waiters queue in
/// arrival order on checked continuations. Cancellation does not skip the queue: a
/// cancelled waiter still waits its turn, and the body sees the cancellation.
package final class AsyncSerialGate: Sendable {
    private struct State {
        var isHeld = false
        var waiters: [CheckedContinuation<Void, Never>] = []
        var nextWaiter = 0
    }

    private let state = Mutex(State())

    package init() {}

    /// Runs `body` once every caller that arrived earlier has finished.
    package func withGate<Result>(_ body: () async throws -> Result) async rethrows -> Result {
        await enter()
        defer { leave() }
        return try await body()
    }

    private func enter() async {
        let isFree = state.withLock { state in
            guard !state.isHeld else { return false }
            state.isHeld = true
            return true
        }
        if isFree { return }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let isFreeNow = state.withLock { state in
                guard state.isHeld else {
                    state.isHeld = true
                    return true
                }
                state.waiters.append(continuation)
                return false
            }
            if isFreeNow { continuation.resume() }
        }
    }

    private func leave() {
        let next: CheckedContinuation<Void, Never>? = state.withLock { state in
            guard state.nextWaiter < state.waiters.count else {
                state.waiters.removeAll(keepingCapacity: true)
                state.nextWaiter = 0
                state.isHeld = false
                return nil
            }
            // The gate passes straight to the next waiter and stays held.
            let continuation = state.waiters[state.nextWaiter]
            state.nextWaiter += 1
            if state.nextWaiter >= 1024 {
                state.waiters.removeFirst(state.nextWaiter)
                state.nextWaiter = 0
            }
            return continuation
        }
        next?.resume()
    }
}
