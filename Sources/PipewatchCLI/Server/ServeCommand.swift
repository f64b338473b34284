import ArgumentParser
import Foundation
import Logging
import PipewatchConfig
import PipewatchCore
import PipewatchEngine
import PipewatchProbes
import PipewatchServer
import PipewatchStore

/// `pipewatch serve`: the HTTP server.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the Pipewatch server: ingest endpoints, the JSON API, /metrics and /healthz.",
        discussion: """
            Orchestrators post OpenLineage RunEvents to /api/v1/lineage (the official clients' endpoint) and dbt \
            artifacts to /api/v1/ingest/dbt, with a bearer token of write scope from the config's 'api.tokens'. \
            A request is answered 201 only once its event is durably stored. State lives in SQLite beside the \
            config by default, or in PostgreSQL with --database postgres://… (migrations run at start).
            SIGTERM or Ctrl-C stops the server gracefully: requests in flight are answered and queued events \
            committed first. SIGHUP (or POST /-/reload with a token of admin scope) reads the config again: a valid \
            one is served from the next request on, an invalid one is refused with its errors logged, and the last \
            good one keeps serving (pipewatch_config_last_reload_successful in /metrics).

              pipewatch serve --config examples/seed/pipewatch.yaml
              curl -s localhost:8080/api/v1/pipelines
              curl -s localhost:8080/openapi.yaml

            --tls-cert and --tls-key serve HTTPS instead (PEM files), as PagerDuty's clients require.
            """
    )

    @OptionGroup var configOptions: ConfigOptions
    @OptionGroup var storeOptions: StoreOptions

    @Option(help: "The address to listen on.") var host = "127.0.0.1"
    @Option(help: "The port to listen on.") var port = 8080
    @Option(help: ArgumentHelp("The largest request body accepted, in bytes.", valueName: "bytes"))
    var maxBodyBytes = 1 << 20

    @Option(
        help: ArgumentHelp(
            "How long a request body may take to arrive; a stalled one gets 408 and its memory is freed.",
            valueName: "duration"
        )
    )
    var bodyTimeout = "30s"

    @Option(
        help: ArgumentHelp(
            "The most memory all request bodies in flight may hold together; past it requests get 503 with Retry-After.",
            valueName: "bytes"
        )
    )
    var maxBodiesInFlight = 64 << 20

    @Option(
        help: ArgumentHelp(
            "How long a connection may stay open without a complete request head (keep-alive, and slow heads).",
            valueName: "duration"
        )
    )
    var idleTimeout = "30s"

    @Option(
        help: ArgumentHelp(
            "The most connections held at once; more are closed when accepted. Default: the open-file limit less 256.",
            valueName: "count"
        )
    )
    var maxConnections: Int?

    @Option(
        help: ArgumentHelp(
            "How far ahead of this server's clock an event may be dated; later ones get a 400.",
            valueName: "duration"
        )
    )
    var maxEventSkew = "1h"

    @Option(
        help: ArgumentHelp(
            "Serve HTTPS with this PEM certificate (and its chain); needs --tls-key.",
            valueName: "file"
        )
    )
    var tlsCert: String?

    @Option(help: ArgumentHelp("The PEM private key of --tls-cert.", valueName: "file"))
    var tlsKey: String?

    @Flag(
        help: ArgumentHelp(
            "Do not run data checks here (another instance or 'pipewatch check run' does); the demo warehouse is not written."
        )
    )
    var noChecks = false

    @Flag(help: ArgumentHelp("Benchmarks only: validate and answer events without storing them.", visibility: .hidden))
    var discardEvents = false

    @Flag(
        help: ArgumentHelp(
            "End-to-end tests only: the clock starts at PIPEWATCH_NOW and moves only by POST /-/clock.",
            visibility: .hidden
        )
    )
    var testClock = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard maxBodyBytes > 0 else { throw ValidationError("--max-body-bytes must be positive") }
        guard maxBodiesInFlight >= maxBodyBytes else {
            throw ValidationError("--max-bodies-in-flight must be at least --max-body-bytes (\(maxBodyBytes))")
        }
        for (flag, text) in [("--body-timeout", bodyTimeout), ("--idle-timeout", idleTimeout)] {
            guard let duration = DurationText.parse(text), duration > .zero else {
                throw ValidationError("\(flag) '\(text)' is not a duration such as '30s' or '2m'")
            }
        }
        if let maxConnections, maxConnections < 1 { throw ValidationError("--max-connections must be positive") }
        if (tlsCert == nil) != (tlsKey == nil) {
            throw ValidationError("--tls-cert and --tls-key go together: give the certificate and its private key")
        }
        if let tlsCert, let tlsKey {
            do {
                try TLSFiles(certificate: tlsCert, privateKey: tlsKey).check()
            } catch {
                throw ValidationError(error.description)
            }
        }
        guard DurationText.parse(maxEventSkew) != nil else {
            throw ValidationError("--max-event-skew '\(maxEventSkew)' is not a duration such as '1h' or '15m'")
        }
    }

    func run() async throws {
        let context = CommandContext.current
        // PIPEWATCH_NOW pins the server's clock too, so a run's signals can be reproduced.
        if testClock, context.environment["PIPEWATCH_NOW"] == nil {
            throw ValidationError("--test-clock needs PIPEWATCH_NOW, the instant the clock starts at")
        }
        let clock: any WallClock =
            testClock
            ? AdjustableWallClock(try context.now())
            : context.environment["PIPEWATCH_NOW"] == nil ? context.clock : FixedWallClock(try context.now())
        let logger = {
            var logger = Logger(label: "pipewatch.server")
            logger.logLevel = .info
            return logger
        }()
        // Read as `pipewatch validate` reads it, now and at every reload.
        let (configURL, directory) = (configOptions.configURL(in: context), context.currentDirectory)
        let includes = configOptions.allowedIncludeFolders(in: context)
        let read: @Sendable () -> ConfigReading = {
            ConfigLoader.check(configURL, currentDirectory: directory, allowedIncludeFolders: includes).reading
        }
        let first = read()
        guard let plan = first.plan else {
            for finding in first.errors + first.warnings { context.printError(finding) }
            throw ExitCode(1)
        }
        for warning in first.warnings where !warning.hasPrefix(APIAccess.ingestDisabled) {
            context.printError(warning)
        }
        let files = FileLimit.raise()
        if let files, files.after < 4_096 {
            logger.warning(
                "the open-file limit is \(files.after); it bounds how many connections the server holds",
                metadata: ["hint": "raise it with 'ulimit -n' or LimitNOFILE= in the systemd unit"]
            )
        }
        var settings = ServerSettings(
            host: host,
            port: port,
            maxBodyBytes: maxBodyBytes,
            bodyTimeout: DurationText.parse(bodyTimeout) ?? .seconds(30),
            maxBodiesInFlightBytes: maxBodiesInFlight,
            idleTimeout: DurationText.parse(idleTimeout) ?? .seconds(30),
            maxConnections: maxConnections ?? max(64, Int(clamping: files?.after ?? 1_024) - 256),
            storesEvents: !discardEvents,
            runsChecks: !noChecks,
            eventTimes: EventTimeWindow(maxSkew: DurationText.parse(maxEventSkew) ?? .seconds(3600)),
            reloadsOnHangup: true
        )
        if let tlsCert, let tlsKey { settings.tls = TLSFiles(certificate: tlsCert, privateKey: tlsKey) }
        let location = try storeOptions.location(configURL: configURL, in: context)
        for source in plan.sources where !noChecks && source.isDemo && !DemoWarehouse.exists(in: source) {
            try await DemoWarehouse.write(into: source, at: clock.now, logger: logger)
            logger.info(
                "wrote the demo warehouse ('pipewatch demo' writes it again as of now)",
                metadata: ["source": "\(source.id)"]
            )
        }
        if !plan.api.acceptsIngest {
            logger.warning("\(APIAccess.ingestDisabled); \(APIAccess.ingestHint)")
        }
        let store: SQLStateStore
        let engineLock: EngineFileLock?
        do {
            store = try await SQLStateStore.open(at: location, logger: logger)
        } catch {
            context.printError("error: \(error.description)")
            throw error.exitCode
        }
        do {
            engineLock = try SingleInstance.lock(location)
        } catch {
            try? await store.close()
            context.printError("error: \(error.description)")
            throw error.exitCode
        }
        defer { withExtendedLifetime(engineLock) {} }
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { await store.run() }
                try await store.migrate()
                // Runs stored while the config did not map their job are the config's now.
                let moved = try await store.reattribute(catalog: plan.catalog)
                if moved.runs > 0 {
                    logger.info(
                        "attributed stored runs to the pipelines the config maps their jobs to",
                        metadata: ["runs": "\(moved.runs)", "pipelines": "\(moved.pipelines.map(\.rawValue).sorted())"]
                    )
                }
                let scheme = tlsCert == nil ? "http" : "https"
                logger.info("serving", metadata: ["address": "\(scheme)://\(host):\(port)", "store": "\(location)"])
                let environment = context.environment
                let makeEngine: @Sendable (TeamPlan) -> Engine = { plan in
                    Engine(
                        plan: plan,
                        store: store,
                        clock: ContinuousClock(),
                        wallClock: clock,
                        environment: environment,
                        logger: logger
                    )
                }
                logger.info(
                    "loaded the config",
                    metadata: [
                        "config.files": "\(first.files.joined(separator: ", "))",
                        "config.pipelines": "\(plan.catalog.pipelines.count)",
                        "config.engineers": "\(plan.catalog.engineers.count)",
                    ]
                )
                let config = LiveConfig(
                    engine: makeEngine(plan),
                    files: first.files,
                    source: ConfigSource(read: read, makeEngine: makeEngine),
                    clock: clock,
                    logger: logger
                )
                try await serve(settings: settings, config: config, store: store, clock: clock, logger: logger)
                group.cancelAll()
            }
            try await store.close()
        } catch {
            try? await store.close()
            if let error = error as? StoreError {
                context.printError("error: \(error.description)")
                throw error.exitCode
            }
            throw error
        }
    }
}
