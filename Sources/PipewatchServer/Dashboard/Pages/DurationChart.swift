import Foundation
import PipewatchCore

/// Runs over time as a bar chart of their durations, drawn on the server: the `chart` partial
/// writes it as inline SVG from these numbers (no script, no image file).
struct DurationChart: Sendable {
    struct Bar: Sendable {
        let x: String
        let y: String
        let width: String
        let height: String
        let state: String
        /// The tooltip and the accessible name: when it started, how long it took, how it ended.
        let label: String
    }

    struct Tick: Sendable {
        let y: String
        let label: String
    }

    let width = Self.width
    let height = 180
    let left = Self.left
    let bottom = Self.bottom
    static let width = 640
    static let left = 56
    static let bottom = 160
    let bars: [Bar]
    let ticks: [Tick]
    let caption: String
    let hasBars: Bool

    /// The chart of `runs` (any order; drawn oldest on the left), durations as of `now`.
    init(runs: [Run], now: Date, time: DashboardTime) {
        let ordered = runs.sorted { $0.startedAt < $1.startedAt }
        let durations = ordered.map { max($0.duration(at: now), 0) }
        let top = Self.niceCeiling(durations.max() ?? 0)
        let (left, bottom) = (Self.left, Self.bottom)
        let plotWidth = Double(Self.width - left - 8)
        let plotHeight = Double(bottom - 12)
        let slot = ordered.isEmpty ? plotWidth : plotWidth / Double(ordered.count)
        let barWidth = max(min(slot * 0.8, 40), 1)
        bars = zip(ordered, durations).enumerated().map { index, pair in
            let (run, duration) = pair
            let barHeight = top > 0 ? max(duration / top * plotHeight, 1) : 1
            return Bar(
                x: Self.number(Double(left) + Double(index) * slot + (slot - barWidth) / 2),
                y: Self.number(Double(bottom) - barHeight),
                width: Self.number(barWidth),
                height: Self.number(barHeight),
                state: run.state.rawValue,
                label: "\(time.dayAndClock(run.startedAt)): \(run.state.rawValue), \(DashboardTime.span(duration))"
            )
        }
        ticks = [0, 0.5, 1].map { fraction in
            Tick(
                y: Self.number(Double(bottom) - fraction * plotHeight),
                label: DashboardTime.span(top * fraction)
            )
        }
        caption =
            ordered.isEmpty
            ? "No runs yet"
            : "Durations of the last \(ordered.count) runs, oldest on the left; longest \(DashboardTime.span(durations.max() ?? 0))"
        hasBars = !bars.isEmpty
    }

    /// A round axis top at or above `value` seconds: 1, 2, 5 × 10ⁿ (at least a minute).
    static func niceCeiling(_ value: Double) -> Double {
        guard value > 60 else { return 60 }
        let magnitude = pow(10, floor(log10(value)))
        for step in [1.0, 2, 5, 10] where step * magnitude >= value { return step * magnitude }
        return 10 * magnitude
    }

    static func number(_ value: Double) -> String {
        String(format: "%.1f", value)
    }
}
