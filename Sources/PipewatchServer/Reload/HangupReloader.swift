import Foundation
import ServiceLifecycle
import UnixSignals

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reloads the config on `SIGHUP`, as Prometheus does (`kill -HUP PID`). Without it a hang-up
/// would end the process: that is the signal's default action.
struct HangupReloader: Service {
    let config: LiveConfig

    func run() async throws {
        // Ignored first, so a hang-up while the trap is set up is lost rather than fatal. The
        // dispatch source then installs its own handler; ignoring the signal after that would
        // discard it before the source sees it (tested on Linux).
        signal(SIGHUP, SIG_IGN)
        let hangups = await UnixSignalsSequence(trapping: .sighup)
        for await _ in hangups.cancelOnGracefulShutdown() {
            config.reload(trigger: "SIGHUP")
        }
    }
}
