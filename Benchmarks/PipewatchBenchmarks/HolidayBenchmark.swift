import Foundation
import PipewatchCore

/// A region's year of holidays: computed cold (a fresh engine each time) and from the memo.
let holidayBenchmark = Benchmark(name: "holidays") {
    // China's declared days off are known through 2026, so its year is 2026.
    let cases = [
        ("US-CA", 2027), ("GB-SCT", 2027), ("DE-BY", 2027), ("AU-NSW", 2027), ("JP", 2027), ("IN-KA", 2027),
        ("CN", 2026),
    ]
    for (code, year) in cases {
        guard let region = Region(code: code) else { continue }
        let cold = medianSeconds(iterations: 2_000) {
            _ = try? HolidayCalendar().holidays(in: region, year: year)
        }
        let memo = HolidayCalendar()
        _ = try? memo.holidays(in: region, year: year)
        let warm = medianSeconds(iterations: 200_000) {
            _ = try? memo.holidays(in: region, year: year)
        }
        let coldText = String(format: "%.2f", cold * 1e6)
        let warmText = String(format: "%.3f", warm * 1e6)
        print("\(code) \(year): cold \(coldText) µs, memoized \(warmText) µs")
    }
}
