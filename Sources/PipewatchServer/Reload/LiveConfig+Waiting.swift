import Synchronization

extension LiveConfig {
    /// Waits until a generation after `number` is installed, and returns it; `nil` when the
    /// waiting task is cancelled first. Any number of tasks may wait.
    func generation(after number: Int) async -> ConfigGeneration? {
        let id = state.withLock { state in
            defer { state.nextWait += 1 }
            return state.nextWait
        }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                // Decided under the lock, resumed outside it.
                let answer: ConfigGeneration?? = state.withLock { state in
                    if state.generation.number > number { return .some(state.generation) }
                    if state.cancelledWaits.remove(id) != nil { return .some(nil) }
                    state.waiters[id] = continuation
                    return .none
                }
                if let answer { continuation.resume(returning: answer) }
            }
        } onCancel: {
            // The wait may not be registered yet: then it is marked, and gives up when it is.
            let waiter = state.withLock { state in
                guard let waiter = state.waiters.removeValue(forKey: id) else {
                    state.cancelledWaits.insert(id)
                    return CheckedContinuation<ConfigGeneration?, Never>?.none
                }
                return waiter
            }
            waiter?.resume(returning: nil)
        }
    }
}
