/// The median and the scaled median absolute deviation: a centre and a spread that a few
/// outliers do not drag, shared by slow-run detection and anomaly checks.
public enum RobustSpread {
    /// The middle value (the mean of the two middle values for an even count); 0 when empty.
    public static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// The median absolute deviation from `median`, scaled by 1.4826 so that it estimates the
    /// standard deviation of normally distributed values.
    public static func scaledMAD(_ values: [Double], median: Double) -> Double {
        Self.median(values.map { abs($0 - median) }) * 1.4826
    }
}
