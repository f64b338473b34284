import Logging
import PipewatchCore
import PipewatchEngine
import PipewatchStore
import ServiceLifecycle

/// Runs the engine's services (signal evaluator, escalator, dispatcher, notice planner, check
/// runner) of the current ``ConfigGeneration``, and after a reload swaps them for the new
/// generation's: the old ones are cancelled and have ended before the new ones start, so two
/// evaluators never tick side by side. A service's loop stops between turns or mid-turn as it does
/// at shutdown; its work is in the store, and the new one continues from there.
struct GenerationServices: Service {
    let config: LiveConfig
    let runningChecks: Bool
    let logger: Logger

    func run() async throws {
        var generation = config.current
        while !Task.isCancelled {
            let next = await run(generation)
            guard let next, !Task.isShuttingDownGracefully else { return }
            logger.info(
                "restarted the engine's services on the reloaded config",
                metadata: ["config.generation": "\(next.number)"]
            )
            generation = next
            await attributeStoredRuns(generation)
        }
    }

    /// Moves runs stored while no pipeline claimed their job to the pipelines the reloaded config
    /// maps them to, and evaluates those pipelines at once (as `serve` does at start).
    private func attributeStoredRuns(_ generation: ConfigGeneration) async {
        let engine = generation.engine
        do {
            let moved = try await engine.signals.runs.reattribute(catalog: engine.plan.catalog)
            guard moved.runs > 0 else { return }
            logger.info(
                "attributed stored runs to the pipelines the reloaded config maps their jobs to",
                metadata: ["runs": "\(moved.runs)", "pipelines": "\(moved.pipelines.map(\.rawValue).sorted())"]
            )
            _ = try await engine.evaluator.evaluate(moved.pipelines, at: config.clock.now)
        } catch {
            logger.error("could not attribute stored runs to the reloaded config", metadata: ["error": "\(error)"])
        }
    }

    /// Runs `generation`'s services until a new generation is installed (returned), or until
    /// shutdown or cancellation (`nil`).
    private func run(_ generation: ConfigGeneration) async -> ConfigGeneration? {
        await withTaskGroup(of: ConfigGeneration?.self) { group in
            for service in generation.engine.services(runningChecks: runningChecks) {
                group.addTask {
                    do {
                        try await service.run()
                    } catch {
                        logger.error("an engine service stopped", metadata: ["error": "\(error)"])
                    }
                    return nil
                }
            }
            group.addTask {
                await cancelWhenGracefulShutdown { await config.generation(after: generation.number) }
            }
            while let finished = await group.next() {
                if let next = finished {
                    group.cancelAll()
                    return next
                }
            }
            return nil
        }
    }
}
