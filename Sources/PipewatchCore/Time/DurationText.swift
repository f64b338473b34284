import Foundation

/// Reads and writes the durations people put in config: `15m`, `6h`, `1 week`, `7 days`, `1h30m`.
public enum DurationText {
    private static let unitSeconds: [(names: [String], seconds: Int64)] = [
        (["w", "week", "weeks"], 604_800),
        (["d", "day", "days"], 86_400),
        (["h", "hr", "hrs", "hour", "hours"], 3_600),
        (["m", "min", "mins", "minute", "minutes"], 60),
        (["s", "sec", "secs", "second", "seconds"], 1),
    ]

    /// The longest duration read: a century, so that any arithmetic on one (milliseconds,
    /// instants, sums) stays in range.
    public static let longest = Duration.seconds(100 * 366 * 86_400)

    /// Why a text is not a duration.
    public enum Problem: Error, Equatable {
        /// It is not `NUMBER UNIT` parts.
        case malformed
        /// It is longer than ``longest``.
        case tooLong
    }

    /// Parses a duration made of one or more `NUMBER UNIT` parts; `nil` when it does not parse or
    /// is longer than ``longest``.
    public static func parse(_ text: String) -> Duration? {
        try? read(text).get()
    }

    /// Parses a duration, saying why it is not one.
    public static func read(_ text: String) -> Result<Duration, Problem> {
        var total: Int64 = 0
        var rest = Substring(text.trimmingCharacters(in: .whitespaces))
        guard !rest.isEmpty else { return .failure(.malformed) }
        let limit = longest.components.seconds
        while !rest.isEmpty {
            let digits = rest.prefix(while: \.isNumber)
            guard !digits.isEmpty, digits.allSatisfy(\.isASCII) else { return .failure(.malformed) }
            rest = rest.dropFirst(digits.count).drop(while: { $0 == " " })
            let unit = rest.prefix(while: \.isLetter)
            guard let seconds = unitSeconds.first(where: { $0.names.contains(unit.lowercased()) })?.seconds else {
                return .failure(.malformed)
            }
            // Digits beyond Int64 are too long, not malformed.
            guard let amount = Int64(digits) else { return .failure(.tooLong) }
            let (part, overflow) = amount.multipliedReportingOverflow(by: seconds)
            guard !overflow, part <= limit - total else { return .failure(.tooLong) }
            total += part
            rest = rest.dropFirst(unit.count).drop(while: { $0 == " " || $0 == "," })
        }
        return .success(.seconds(total))
    }

    /// Writes a duration compactly: `1w`, `2d`, `6h`, `1h30m`, `45s`.
    public static func format(_ duration: Duration) -> String {
        var seconds = duration.components.seconds
        guard seconds > 0 else { return "0s" }
        var parts: [String] = []
        for (names, size) in unitSeconds where seconds >= size {
            parts.append("\(seconds / size)\(names[0])")
            seconds %= size
        }
        return parts.joined()
    }
}
