public import PipewatchCore
public import PipewatchEngine

/// Where a reload gets the config from, and how it builds the engine for it: `pipewatch serve`
/// reads the files exactly as `pipewatch validate` does and builds the engine over its open store.
public struct ConfigSource: Sendable {
    /// Reads and validates the config files again.
    public var read: @Sendable () -> ConfigReading
    /// The engine for a plan, over the same store and clocks as the first one.
    public var makeEngine: @Sendable (TeamPlan) -> Engine

    /// Creates a source.
    ///
    /// - Parameters:
    ///   - read: Reads and validates the config files again (synchronously: the files are small).
    ///   - makeEngine: The engine for a plan, over the server's store.
    public init(read: @escaping @Sendable () -> ConfigReading, makeEngine: @escaping @Sendable (TeamPlan) -> Engine) {
        self.read = read
        self.makeEngine = makeEngine
    }
}
