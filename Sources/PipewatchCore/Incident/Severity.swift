/// How urgent an incident is; by default it follows the pipeline's audience.
public enum Severity: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case critical
    case high
    case normal

    /// The default for an audience: investors critical, experiments high, internal normal.
    public init(audience: Audience) {
        switch audience {
        case .investors: self = .critical
        case .experiments: self = .high
        case .internal: self = .normal
        }
    }

    private var rank: Int {
        switch self {
        case .critical: 0
        case .high: 1
        case .normal: 2
        }
    }

    /// More urgent sorts first.
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}
