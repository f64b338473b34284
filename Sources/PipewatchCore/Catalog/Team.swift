public import Foundation

/// The team that owns the pipelines, and the time zone its rotation and deadlines are read in.
public struct Team: Sendable, Equatable {
    public var name: String
    public var timeZone: TimeZone
    /// Where the whole team is told (a shared channel), when nobody else can be reached.
    public var contacts: [ContactMethod]
    /// The data source checks query when neither they nor their pipeline name one.
    public var source: SourceID?

    /// Creates a team.
    public init(name: String, timeZone: TimeZone, contacts: [ContactMethod] = [], source: SourceID? = nil) {
        self.name = name
        self.timeZone = timeZone
        self.contacts = contacts
        self.source = source
    }
}
