/// The two engineers answerable for a pipeline's data being current.
public struct PipelineOwners: Sendable, Equatable {
    public var primary: EngineerID
    public var secondary: EngineerID

    /// Creates an owner pair.
    public init(primary: EngineerID, secondary: EngineerID) {
        self.primary = primary
        self.secondary = secondary
    }
}
