public import Foundation

/// A person or group outside the data team who owns a metric or must hear when it is late,
/// such as investor relations or the finance analysts.
public struct Stakeholder: Sendable, Equatable, Identifiable {
    public var id: StakeholderID
    public var name: String
    public var email: String?
    /// Where notices reach the stakeholder.
    public var contacts: [ContactMethod]
    /// The zone deadlines are shown in for this reader; the team's when `nil`.
    public var timeZone: TimeZone?
    /// Which channels for which severity, and quiet hours in ``timeZone``.
    public var preferences: NotificationPreferences

    /// Creates a stakeholder.
    public init(
        id: StakeholderID,
        name: String,
        email: String? = nil,
        contacts: [ContactMethod] = [],
        timeZone: TimeZone? = nil,
        preferences: NotificationPreferences = NotificationPreferences()
    ) {
        self.id = id
        self.name = name
        self.email = email
        self.contacts = contacts
        self.timeZone = timeZone
        self.preferences = preferences
    }
}
