/// When a run counts as slow: beyond what the job's own recent history predicts
/// (median plus k scaled median absolute deviations), or beyond a configured maximum.
public struct SlowRunPolicy: Sendable, Hashable {
    /// How many deviations above the median a run may take.
    public var k: Double
    /// How many recent successful runs make the history.
    public var history: Int
    /// Fewer successful runs than this, and history alone never calls a run slow.
    public var minimumHistory: Int
    /// The least slack above the median, as a fraction of it, so jobs with steady durations
    /// are not called slow for a few seconds.
    public var minimumSlack: Double

    /// Creates a policy; the defaults are k = 3 over the last 20 runs, with at least 5 and 20% slack.
    public init(k: Double = 3, history: Int = 20, minimumHistory: Int = 5, minimumSlack: Double = 0.2) {
        self.k = k
        self.history = history
        self.minimumHistory = minimumHistory
        self.minimumSlack = minimumSlack
    }

    /// The longest a run may take, and what that limit rests on; `nil` when nothing sets one.
    func threshold(durations: [Double], maxDuration: Duration?) -> (seconds: Double, basis: String, median: Double?)? {
        var limits: [(Double, String, Double?)] = []
        if let maxDuration {
            limits.append(
                (Double(maxDuration.components.seconds), "max_duration \(DurationText.format(maxDuration))", nil)
            )
        }
        if durations.count >= minimumHistory {
            let median = RobustSpread.median(durations)
            let mad = RobustSpread.scaledMAD(durations, median: median)
            let limit = median + max(k * mad, minimumSlack * median)
            limits.append(
                (
                    limit,
                    "median \(SignalDetector.minutes(median)) + \(Int(k))·MAD of the last \(durations.count) runs",
                    median
                )
            )
        }
        return limits.min { $0.0 < $1.0 }.map { (seconds: $0.0, basis: $0.1, median: $0.2) }
    }
}
