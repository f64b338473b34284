/// How far two numbers may differ and still agree: relative to the larger, or absolute.
public enum Tolerance: Sendable, Equatable, CustomStringConvertible {
    /// A fraction of the larger magnitude, `0.001` for 0.1%.
    case relative(Double)
    case absolute(Double)

    /// How far apart `left` and `right` are, in this tolerance's terms (a fraction or an amount).
    public func difference(_ left: Double, _ right: Double) -> Double {
        let gap = abs(left - right)
        switch self {
        case .absolute: return gap
        case .relative:
            let scale = max(abs(left), abs(right))
            return scale == 0 ? 0 : gap / scale
        }
    }

    /// Whether `left` and `right` agree within the tolerance.
    public func admits(_ left: Double, _ right: Double) -> Bool {
        switch self {
        case .relative(let limit), .absolute(let limit): difference(left, right) <= limit
        }
    }

    public var description: String {
        switch self {
        case .relative(let fraction): "\(RowLimit.hundredths(fraction * 100).formattedPlain)%"
        case .absolute(let amount): amount.formattedPlain
        }
    }
}
