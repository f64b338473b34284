public import Foundation

/// Identifies a data source in ``TeamPlan/sources``.
public typealias SourceID = Identifier<DataSource>

/// A database whose data the checks look at (`sources:`): where it is, how to sign in, and how
/// many connections checks may hold at once.
public struct DataSource: Sendable, Equatable, Identifiable {
    public var id: SourceID
    public var location: Location
    /// The environment variable holding the user name, when the URL does not give one.
    public var userEnvironment: String?
    /// The environment variable holding the password; a password is never written in the config.
    public var passwordEnvironment: String?
    /// The zone that timestamps without one are read in.
    public var timeZone: TimeZone
    /// The most checks that query the source at once (and connections it holds).
    public var maxConnections: Int
    /// Further SQLite files attached under a schema name, so `sales.orders` reads `orders` in
    /// the file attached as `sales`. Absolute paths.
    public var attachments: [Attachment]
    /// Whether `pipewatch demo` (and `serve`, when the files are missing) writes the demo
    /// warehouse into this SQLite source.
    public var isDemo: Bool

    /// Where a source's database is.
    public enum Location: Sendable, Equatable {
        /// A `postgres://` or `postgresql://` URL without a password.
        case postgres(url: String)
        /// An SQLite file, by absolute path.
        case sqlite(path: String)
    }

    /// An SQLite file attached under a schema name.
    public struct Attachment: Sendable, Equatable {
        public var schema: String
        public var path: String

        /// Creates an attachment.
        public init(schema: String, path: String) {
            self.schema = schema
            self.path = path
        }
    }

    /// Creates a source.
    public init(
        id: SourceID,
        location: Location,
        userEnvironment: String? = nil,
        passwordEnvironment: String? = nil,
        timeZone: TimeZone = TimeZone(identifier: "UTC")!,
        maxConnections: Int = 4,
        attachments: [Attachment] = [],
        isDemo: Bool = false
    ) {
        self.id = id
        self.location = location
        self.userEnvironment = userEnvironment
        self.passwordEnvironment = passwordEnvironment
        self.timeZone = timeZone
        self.maxConnections = maxConnections
        self.attachments = attachments
        self.isDemo = isDemo
    }
}
