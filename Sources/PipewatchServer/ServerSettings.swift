public import PipewatchCore

/// How `pipewatch serve` runs: where it listens and how much it accepts. Every field has a default.
public struct ServerSettings: Sendable, Equatable {
    public var host: String
    public var port: Int
    /// The certificate and key to serve HTTPS with; plain HTTP when `nil` (the default).
    public var tls: TLSFiles? = nil
    /// The largest request body accepted, after decompression; larger ones get 413.
    public var maxBodyBytes: Int
    /// How long a request body may take to arrive in full; a stalled one gets 408.
    public var bodyTimeout: Duration
    /// The most memory all request bodies in flight may hold together; past it, 503.
    public var maxBodiesInFlightBytes: Int
    /// How long a connection may stay open without a complete request head: between keep-alive
    /// requests, and while the head of one trickles in.
    public var idleTimeout: Duration
    /// The most connections held open at once; more are closed as soon as they are accepted.
    public var maxConnections: Int
    /// The most events committed in one transaction.
    public var maxBatch: Int
    /// `false` only to measure what storing costs: events are validated and answered, never stored.
    public var storesEvents: Bool
    /// Whether the engine's services (signal evaluator, escalator, dispatcher) run beside the server.
    public var runsEngine: Bool
    /// Whether the engine's check runner runs data checks on their schedule (`serve --no-checks`
    /// leaves them to another instance or to `pipewatch check run`).
    public var runsChecks: Bool
    /// Which event times ingest accepts.
    public var eventTimes: EventTimeWindow
    /// Whether SIGHUP reloads the config (`pipewatch serve`); tests leave the signal alone.
    public var reloadsOnHangup: Bool

    /// Creates settings; the defaults listen on 127.0.0.1:8080, accept bodies up to 1 MiB arriving
    /// within 30 s, 64 MiB of bodies at once, and close connections idle for 30 s.
    public init(
        host: String = "127.0.0.1",
        port: Int = 8080,
        maxBodyBytes: Int = 1 << 20,
        bodyTimeout: Duration = .seconds(30),
        maxBodiesInFlightBytes: Int = 64 << 20,
        idleTimeout: Duration = .seconds(30),
        maxConnections: Int = 10_000,
        maxBatch: Int = 512,
        storesEvents: Bool = true,
        runsEngine: Bool = true,
        runsChecks: Bool = true,
        eventTimes: EventTimeWindow = EventTimeWindow(),
        reloadsOnHangup: Bool = false
    ) {
        self.host = host
        self.port = port
        self.maxBodyBytes = maxBodyBytes
        self.bodyTimeout = bodyTimeout
        self.maxBodiesInFlightBytes = maxBodiesInFlightBytes
        self.idleTimeout = idleTimeout
        self.maxConnections = maxConnections
        self.maxBatch = maxBatch
        self.storesEvents = storesEvents
        self.runsEngine = runsEngine
        self.runsChecks = runsChecks
        self.eventTimes = eventTimes
        self.reloadsOnHangup = reloadsOnHangup
    }
}
