/// The engineers answerable for a pipeline's data being current: a primary owner and a backup.
public struct PipelineOwners: Sendable, Equatable {
    public var primary: EngineerID
    /// The backup owner; investor-facing pipelines must have one.
    public var secondary: EngineerID?

    /// Creates an owner pair.
    public init(primary: EngineerID, secondary: EngineerID?) {
        self.primary = primary
        self.secondary = secondary
    }
}
