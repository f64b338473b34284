import NIOCore
import NIOPosix
import Synchronization

/// Waits for `body` at most `limit`, then throws `timeout()` and cancels it.
///
/// Unlike a task group, it does not wait for the body to notice the cancellation: a driver call
/// that cannot be interrupted (an SQLite statement) goes on in the background while the caller
/// reports its timeout.
package func withDeadline<T: Sendable>(
    _ limit: Duration,
    timeout: @autoclosure @escaping @Sendable () -> any Error,
    _ body: @escaping @Sendable () async throws -> T
) async throws -> T {
    let work = Task { try await body() }
    let outcome = Mutex<CheckedContinuation<T, any Error>?>(nil)
    let resume: @Sendable (Result<T, any Error>) -> Void = { result in
        outcome.withLock { continuation in
            continuation?.resume(with: result)
            continuation = nil
        }
    }
    return try await withTaskCancellationHandler {
        try await withCheckedThrowingContinuation { continuation in
            outcome.withLock { $0 = continuation }
            let timer = MultiThreadedEventLoopGroup.singleton.any().scheduleTask(
                in: TimeAmount(limit)
            ) {
                resume(.failure(timeout()))
                work.cancel()
            }
            Task {
                let result = await work.result
                timer.cancel()
                resume(result)
            }
        }
    } onCancel: {
        work.cancel()
    }
}
