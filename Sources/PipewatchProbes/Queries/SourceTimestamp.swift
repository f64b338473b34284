import Foundation
import PipewatchCore

/// Reads the timestamps a source returns as text: `YYYY-MM-DD`, `YYYY-MM-DD HH:MM[:SS[.f]]`
/// (or with `T`), with `Z` or an offset (`+02`, `+05:30`, `-0400`) when absolute, or seconds
/// (milliseconds past 1e11) since 1970. Values without a zone are read in the source's zone.
enum SourceTimestamp {
    static func parse(_ raw: String, in zone: TimeZone) -> Date? {
        let text = raw.trimmingCharacters(in: .whitespaces)
        if let number = Double(text) {
            return Date(timeIntervalSince1970: number > 1e11 ? number / 1000 : number)
        }
        guard text.count >= 10 else { return nil }
        var body = String(text.prefix(10))
        var rest = text.dropFirst(10)
        if rest.isEmpty {
            body += "T00:00:00"
        } else {
            guard rest.first == " " || rest.first == "T" else { return nil }
            rest = rest.dropFirst()
            let clock = rest.prefix { $0.isNumber || $0 == ":" }
            body += "T" + clock + (clock.count == 5 ? ":00" : "")
            rest = rest.dropFirst(clock.count)
            if rest.first == "." { rest = rest.dropFirst().drop(while: \.isNumber) }
        }
        let zoneText = rest.trimmingCharacters(in: .whitespaces)
        if zoneText.isEmpty {
            guard let asUTC = ISO8601Text.parse(body + "Z") else { return nil }
            let offset = zone.secondsFromGMT(for: asUTC)
            return asUTC.addingTimeInterval(
                -Double(zone.secondsFromGMT(for: asUTC.addingTimeInterval(-Double(offset))))
            )
        }
        if zoneText == "Z" || zoneText == "UTC" || zoneText == "+00" { return ISO8601Text.parse(body + "Z") }
        let offset = zoneText.count == 3 ? zoneText + ":00" : zoneText
        return ISO8601Text.parse(body + offset)
    }
}
