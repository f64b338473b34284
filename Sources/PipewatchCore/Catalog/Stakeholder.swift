/// A person or group outside the data team who owns a metric or must hear when it is late,
/// such as investor relations or the finance analysts.
public struct Stakeholder: Sendable, Equatable, Identifiable {
    public var id: StakeholderID
    public var name: String
    public var email: String?

    /// Creates a stakeholder.
    public init(id: StakeholderID, name: String, email: String? = nil) {
        self.id = id
        self.name = name
        self.email = email
    }
}
