import Foundation
import PipewatchCore
import Testing

/// The vectors that scripts/holidays/generate_vectors.py wrote from python-holidays 0.109.
enum HolidayVectors {
    static let years = 2000...2035

    /// Years the engine answers as python-holidays does but marks provisional (docs/holidays.md):
    /// China's declared days off are known through 2026; later years have the statutory days only.
    static let undeclaredYears: [String: ClosedRange<Int>] = ["CN": 2027...2035]

    static var directory: URL {
        get throws {
            try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
                .appendingPathComponent("holidays")
        }
    }

    /// The vector files' names without `.tsv`: a region code, then `@category` for the files that
    /// hold a category's holidays besides the public ones.
    static let regionCodes: [String] = {
        guard let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil),
            let files = try? FileManager.default.contentsOfDirectory(
                atPath: url.appendingPathComponent("holidays").path
            )
        else { return [] }
        return files.filter { $0.hasSuffix(".tsv") }.map { String($0.dropLast(4)) }.sorted()
    }()

    /// The vector lines of `code`, grouped by year.
    static func lines(of code: String) throws -> [Int: [String]] {
        let text = try String(contentsOf: directory.appendingPathComponent("\(code).tsv"), encoding: .utf8)
        var byYear: [Int: [String]] = [:]
        for line in text.split(separator: "\n") {
            guard let year = Int(line.prefix(4)) else { continue }
            byYear[year, default: []].append(String(line))
        }
        return byYear
    }
}

@Suite("holiday engine against python-holidays vectors")
struct HolidayVectorTests {
    @Test("every supported region has vectors and every vector file is a supported region")
    func vectorsMatchSupportedRegions() {
        // Given the engine's list and the vector files
        let supported = HolidayCalendar.supportedRegions.map(\.region.code).sorted()
        // Then they name the same regions
        #expect(supported == HolidayVectors.regionCodes.filter { !$0.contains("@") })
    }

    @Test(
        "a region's holidays 2000–2035 match python-holidays date by date and name by name",
        arguments: HolidayVectors.regionCodes
    )
    func regionMatchesVectors(code: String) throws {
        // Given the vectors and a fresh engine
        let expected = try HolidayVectors.lines(of: code)
        let parts = code.split(separator: "@")
        let region = try #require(Region(code: String(parts[0])))
        let categories: Set<HolidayCategory> =
            parts.count == 2 ? [.public, HolidayCategory(String(parts[1]))] : [.public]
        let calendar = HolidayCalendar()
        var mismatches: [String] = []
        for year in HolidayVectors.years {
            // When the engine computes the year
            let undeclared = HolidayVectors.undeclaredYears[region.code]?.contains(year) ?? false
            let provisional = try? calendar.provisional(in: region, year: year, categories: categories)
            #expect(
                (provisional != nil) == undeclared,
                "\(code) \(year) provisional: \(String(describing: provisional))"
            )
            let wanted = (expected[year] ?? []).sorted()
            let actual: [String]
            do {
                actual = try calendar.holidays(in: region, year: year, categories: categories).map(\.description)
                    .sorted()
            } catch {
                // python-holidays' rules start later too (ES from 2008): it answers nothing there.
                guard case .yearBeforeRules = error, wanted.isEmpty else { throw error }
                continue
            }
            // Then the lines are the same
            if actual != wanted {
                let missing = Set(wanted).subtracting(actual).sorted().map { "missing \($0)" }
                let extra = Set(actual).subtracting(wanted).sorted().map { "extra   \($0)" }
                mismatches += missing + extra
                if actual.count == wanted.count && missing.isEmpty { mismatches.append("duplicate names in \(year)") }
            }
        }
        let report = mismatches.prefix(40).joined(separator: "\n")
        #expect(mismatches.count == 0, "\(code):\n\(report)")
    }
}
