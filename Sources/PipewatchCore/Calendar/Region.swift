/// Where an engineer works, as ISO 3166: a country (`DE`) or a country subdivision (`DE-BY`).
public struct Region: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The ISO 3166-1 alpha-2 country code, upper case.
    public let country: String
    /// The subdivision part of an ISO 3166-2 code (`BY` in `DE-BY`), upper case.
    public let subdivision: String?

    /// Parses `CC` or `CC-SUB`, where `CC` is two letters and `SUB` one to three letters or digits.
    public init?(code: String) {
        let parts = code.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
        let country = parts[0]
        guard country.count == 2, country.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
        if parts.count == 2 {
            let subdivision = parts[1]
            guard (1...3).contains(subdivision.count),
                subdivision.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) })
            else { return nil }
            self.subdivision = subdivision.uppercased()
        } else {
            self.subdivision = nil
        }
        self.country = country.uppercased()
    }

    /// The code as written in config: `US-CA`.
    public var code: String {
        subdivision.map { "\(country)-\($0)" } ?? country
    }

    public var description: String { code }

    public static func < (lhs: Region, rhs: Region) -> Bool { lhs.code < rhs.code }
}
