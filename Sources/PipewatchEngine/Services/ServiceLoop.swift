import Foundation
import Logging
import PipewatchCore
import ServiceLifecycle

/// The loop every engine service runs: do the work due now, log a failure (the next turn tries
/// again), then sleep on the injected clock until the next turn or until woken. It ends when the
/// task is cancelled, and at graceful shutdown, so a sleep never holds the server up.
struct ServiceLoop: Sendable {
    let clock: any Clock<Duration>
    let wallClock: any WallClock
    let interval: Duration
    let logger: Logger
    /// What the log says when a turn fails, such as "cannot escalate".
    let failure: String

    /// Runs `turn` with "now" once per interval, or sooner when `wakeup` is signalled.
    func run(wakeup: Wakeup? = nil, _ turn: @escaping @Sendable (Date) async throws -> Void) async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    try await turn(wallClock.now)
                } catch  where !Task.isCancelled {
                    logger.error("\(failure)", metadata: ["error": "\(error)"])
                } catch {
                    // A turn cut short by shutdown, or by a config reload that restarts the
                    // service, did not fail: the next turn (or the next service) does it again.
                }
                if let wakeup {
                    await wakeup.wait(upTo: interval, on: clock)
                } else {
                    try? await clock.sleep(for: interval)
                }
            }
        }
    }
}
