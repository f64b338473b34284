public import Foundation

/// A data engineer who owns pipelines and takes on-call shifts.
public struct Engineer: Sendable, Equatable, Identifiable {
    public var id: EngineerID
    public var name: String
    public var email: String?
    /// Where the engineer works; their region's public holidays are days off.
    public var region: Region
    /// The engineer's own time zone: a day off runs from local midnight to midnight here.
    public var timeZone: TimeZone
    /// Holiday categories the engineer observes (python-holidays' names); `public` by default.
    public var holidayCategories: [String]
    /// Names of regional holidays the engineer works through anyway.
    public var holidayExceptions: [String]
    /// Where pages reach the engineer, in order of preference.
    public var contacts: [ContactMethod]
    /// Which channels for which severity, and quiet hours (`notify:`, `quiet_hours:`).
    public var preferences: NotificationPreferences

    /// Creates an engineer.
    public init(
        id: EngineerID,
        name: String,
        email: String? = nil,
        region: Region,
        timeZone: TimeZone,
        holidayCategories: [String] = ["public"],
        holidayExceptions: [String] = [],
        contacts: [ContactMethod] = [],
        preferences: NotificationPreferences = NotificationPreferences()
    ) {
        self.id = id
        self.name = name
        self.email = email
        self.region = region
        self.timeZone = timeZone
        self.holidayCategories = holidayCategories
        self.holidayExceptions = holidayExceptions
        self.contacts = contacts
        self.preferences = preferences
    }
}
