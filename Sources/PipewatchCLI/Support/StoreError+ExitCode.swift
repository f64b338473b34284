import ArgumentParser
import PipewatchStore

extension StoreError {
    /// The exit status for a command the store stopped: 3 when the database could not be reached
    /// or failed (a breakage, not a finding, so scripts can tell the two apart), 1 when it refused
    /// the change (not found, a conflict, a bad value), 2 for a location that cannot be used.
    var exitCode: ExitCode {
        switch self {
        case .unavailable: ExitCode(3)
        case .invalidLocation: ExitCode(2)
        case .notFound, .conflict, .invalidValue: ExitCode(1)
        }
    }
}
