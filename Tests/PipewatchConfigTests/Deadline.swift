import Dispatch
import Foundation
import Synchronization

/// Runs synchronous work on a thread of its own and waits for it only so long, so that a test
/// can report a hang instead of hanging. Work that overruns cannot be stopped: its thread goes on
/// in the background until the test process ends.
enum Deadline {
    /// The result of `work`, or `nil` when it did not finish within `seconds`.
    /// - Parameter stackSize: The thread's stack, fixed so that how deep the work may recurse does
    ///   not depend on which thread the test happens to run on.
    static func run<T: Sendable>(
        within seconds: Double,
        stackSize: Int,
        _ work: @escaping @Sendable () -> T
    ) async -> T? {
        await withCheckedContinuation { (continuation: CheckedContinuation<T?, Never>) in
            let waiter = Waiter(continuation)
            let thread = Thread { waiter.resume(with: work()) }
            thread.stackSize = stackSize
            thread.start()
            // Resuming again after the work has finished does nothing.
            DispatchQueue.global().asyncAfter(deadline: .now() + seconds) { waiter.resume(with: nil) }
        }
    }

    /// Resumes the continuation once: with the result or with the timeout, whichever comes first.
    private final class Waiter<T: Sendable>: Sendable {
        private let continuation: Mutex<CheckedContinuation<T?, Never>?>

        init(_ continuation: CheckedContinuation<T?, Never>) {
            self.continuation = Mutex(continuation)
        }

        func resume(with result: T?) {
            continuation.withLock { $0.take() }?.resume(returning: result)
        }
    }
}
