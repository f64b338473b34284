/// How many rows may fail a check: a count, or a percentage of the rows looked at.
public enum RowLimit: Sendable, Equatable, CustomStringConvertible {
    case count(Int)
    /// A fraction of the rows, `0.05` for 5%.
    case fraction(Double)

    /// Whether `failing` of `total` rows exceeds the limit. A percentage is rounded to two
    /// decimals first, as Soda's `missing_percent` is, so 5.004% is within 5%.
    public func isExceeded(by failing: Int, of total: Int) -> Bool {
        switch self {
        case .count(let limit):
            return failing > limit
        case .fraction(let limit):
            guard total > 0 else { return false }
            return Self.hundredths(Double(failing) * 100 / Double(total)) > Self.hundredths(limit * 100)
        }
    }

    public var description: String {
        switch self {
        case .count(let count): "\(count)"
        case .fraction(let fraction): "\(Self.hundredths(fraction * 100).formattedPlain)%"
        }
    }

    /// A percentage to two decimals, which also drops binary noise (`0.07 * 100`).
    static func hundredths(_ percent: Double) -> Double {
        (percent * 100).rounded() / 100
    }
}
