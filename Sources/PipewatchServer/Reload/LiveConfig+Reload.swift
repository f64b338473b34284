import Foundation
import Logging
import PipewatchCore
import Synchronization

extension LiveConfig {
    /// Reads the config files again and, when they are valid, serves them: a new generation on
    /// the same store. When they are not, each error is logged as `pipewatch validate` prints it
    /// and the last good config keeps serving.
    ///
    /// - Parameter trigger: What asked for the reload (`SIGHUP`, `POST /-/reload`), for the log.
    /// - Returns: The new generation, or the errors that kept the old one.
    @discardableResult
    public func reload(trigger: String) -> ReloadOutcome {
        guard let source else {
            logger.warning(
                "cannot reload: the server was not started from config files",
                metadata: ["reload.trigger": "\(trigger)"]
            )
            return .unavailable
        }
        return reloading.withLock { _ in
            let reading = source.read()
            for warning in reading.warnings { logger.warning("\(warning)") }
            guard let plan = reading.plan, reading.errors.isEmpty else {
                refuse()
                for error in reading.errors { logger.error("\(error)") }
                logger.error(
                    "the config has errors; still serving the last good one",
                    metadata: [
                        "reload.trigger": "\(trigger)",
                        "config.errors": "\(reading.errors.count)",
                        "config.generation": "\(current.number)",
                    ]
                )
                return .refused(errors: reading.errors, warnings: reading.warnings)
            }
            let generation = install(source.makeEngine(plan), files: reading.files, at: clock.now)
            logger.info(
                "reloaded the config",
                metadata: [
                    "reload.trigger": "\(trigger)",
                    "config.files": "\(reading.files.joined(separator: ", "))",
                    "config.generation": "\(generation.number)",
                    "config.pipelines": "\(plan.catalog.pipelines.count)",
                ]
            )
            return .reloaded(generation, warnings: reading.warnings)
        }
    }
}
