/// How many rows may fail a check: a count, or a percentage of the rows looked at.
public enum RowLimit: Sendable, Equatable, CustomStringConvertible {
    case count(Int)
    /// A fraction of the rows, `0.05` for 5%.
    case fraction(Double)

    /// Whether `failing` of `total` rows exceeds the limit.
    public func isExceeded(by failing: Int, of total: Int) -> Bool {
        switch self {
        case .count(let limit): failing > limit
        case .fraction(let limit): total > 0 && Double(failing) / Double(total) > limit
        }
    }

    public var description: String {
        switch self {
        case .count(let count): "\(count)"
        case .fraction(let fraction): "\((fraction * 100).formattedPlain)%"
        }
    }
}
