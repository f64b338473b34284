import Foundation
import PipewatchCore

/// A region's year of holidays: computed cold (a fresh engine each time) and from the memo.
let holidayBenchmark = Benchmark(name: "holidays") {
    let cases = ["US-CA", "GB-SCT", "DE-BY", "AU-NSW", "JP", "IN-KA", "CN"].compactMap { Region(code: $0) }
    for region in cases {
        let cold = medianSeconds(iterations: 2_000) {
            _ = try? HolidayCalendar().holidays(in: region, year: 2027)
        }
        let memo = HolidayCalendar()
        _ = try? memo.holidays(in: region, year: 2027)
        let warm = medianSeconds(iterations: 200_000) {
            _ = try? memo.holidays(in: region, year: 2027)
        }
        let coldText = String(format: "%.2f", cold * 1e6)
        let warmText = String(format: "%.3f", warm * 1e6)
        print("\(region.code) 2027: cold \(coldText) µs, memoized \(warmText) µs")
    }
}
