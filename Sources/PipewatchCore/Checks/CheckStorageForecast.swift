import Foundation

/// A storage check's verdict: size against `max_size`, free space against `min_free`, and the
/// days until full, extrapolated from the sizes earlier runs kept.
struct CheckStorageForecast {
    let bytes: Int64?
    let freeBytes: Int64?
    let minFreeBytes: Int64?
    let maxBytes: Int64?
    let minDaysUntilFull: Int?
    let history: [(at: Date, values: [String: Double])]
    let now: Date

    /// How far back growth is read.
    static let growthWindow: TimeInterval = 14 * 86_400

    var verdict: CheckVerdict {
        var observations: [String: Double] = [:]
        observations["bytes"] = bytes.map(Double.init)
        observations["free_bytes"] = freeBytes.map(Double.init)
        var facts: [String] = []
        var failures: [String] = []
        var thresholds: [String] = []
        if let bytes {
            facts.append("size \(ByteCount.format(bytes))")
            if let maxBytes {
                thresholds.append("size <= \(ByteCount.format(maxBytes))")
                if bytes > maxBytes {
                    failures.append("size \(ByteCount.format(bytes)) is over \(ByteCount.format(maxBytes))")
                }
            }
        }
        if let freeBytes {
            facts.append("\(ByteCount.format(freeBytes)) free")
            if let minFreeBytes {
                thresholds.append("free >= \(ByteCount.format(minFreeBytes))")
                if freeBytes < minFreeBytes {
                    failures.append("only \(ByteCount.format(freeBytes)) free, below \(ByteCount.format(minFreeBytes))")
                }
            }
        }
        var days: Double?
        if let minDaysUntilFull {
            thresholds.append("full in >= \(minDaysUntilFull) days")
            days = daysUntilFull()
            if let days {
                facts.append(String(format: "full in %.1f days at the current growth", days))
                if days < Double(minDaysUntilFull) {
                    failures.append(String(format: "full in %.1f days, sooner than %d", days, minDaysUntilFull))
                }
            } else {
                facts.append("not growing, or too little history to forecast")
            }
        }
        return CheckVerdict(
            failures.isEmpty ? .pass : .fail,
            value: days ?? freeBytes.map(Double.init) ?? bytes.map(Double.init),
            threshold: thresholds.joined(separator: ", "),
            message: failures.isEmpty ? facts.joined(separator: ", ") : failures.joined(separator: "; "),
            observations: observations
        )
    }

    /// Days until the free space (or the room under `max_size`) runs out at the growth of the
    /// last two weeks, by least squares; `nil` when it does not grow or history is too short.
    func daysUntilFull() -> Double? {
        let (key, current, limit): (String, Double, Double)
        if let freeBytes {
            (key, current, limit) = ("free_bytes", Double(freeBytes), 0)
        } else if let bytes, let maxBytes {
            (key, current, limit) = ("bytes", Double(bytes), Double(maxBytes))
        } else {
            return nil
        }
        typealias Point = (x: Double, y: Double)
        let earlier: [Point] = history.filter { now.timeIntervalSince($0.at) <= Self.growthWindow }.compactMap {
            entry in
            entry.values[key].map { (x: entry.at.timeIntervalSince(now) / 86_400, y: $0) }
        }
        let points = earlier + [(x: 0, y: current)]
        guard points.count >= 3, let first = points.first, -first.x >= 1.0 / 24 else { return nil }
        let meanX = points.map(\.x).reduce(0, +) / Double(points.count)
        let meanY = points.map(\.y).reduce(0, +) / Double(points.count)
        let covariance = points.map { ($0.x - meanX) * ($0.y - meanY) }.reduce(0, +)
        let variance = points.map { ($0.x - meanX) * ($0.x - meanX) }.reduce(0, +)
        guard variance > 0 else { return nil }
        let slope = covariance / variance
        // Free space shrinks toward 0; a size grows toward its limit.
        let perDay = key == "free_bytes" ? -slope : slope
        guard perDay > 0 else { return nil }
        return max(abs(limit - current), 0) / perDay
    }
}
