/// Percentiles by the nearest-rank method: the p-th percentile of n sorted values is the value
/// at rank ⌈p/100 × n⌉ (1-based), so it is always one of the values, never an interpolation.
///
/// For [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]: the median (p50) is 5, p90 is 9.
public enum Percentile {
    /// The `percent`-th percentile of `values`, or `nil` when there are none.
    ///
    /// - Parameters:
    ///   - percent: Between 0 (exclusive) and 100 (inclusive).
    ///   - values: In any order.
    /// - Returns: The value at rank ⌈percent/100 × n⌉ of the sorted values.
    public static func nearestRank(_ percent: Int, of values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        // Integer arithmetic, so 90% of 10 is rank 9 exactly, not 9.000000001 → 10.
        let rank = max(1, (percent * sorted.count + 99) / 100)
        return sorted[min(rank, sorted.count) - 1]
    }
}
