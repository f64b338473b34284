public import Foundation

/// The last time a dataset was written by a run that completed.
public struct DatasetUpdate: Sendable, Hashable {
    public var namespace: String
    public var name: String
    public var at: Date

    /// Creates an update.
    public init(namespace: String, name: String, at: Date) {
        self.namespace = namespace
        self.name = name
        self.at = at
    }
}
