import Foundation
import PostgresNIO

/// A PostgreSQL value as text, whatever its type: numbers as written, timestamps as
/// `YYYY-MM-DD HH:MM:SS` (with `Z` for `timestamptz`), dates as `YYYY-MM-DD`.
enum PostgresText {
    static func text(_ cell: PostgresCell) -> String? {
        guard let bytes = cell.bytes else { return nil }
        if cell.format == .text { return String(buffer: bytes) }
        switch cell.dataType {
        case .int2, .int4, .int8:
            return (try? cell.decode(Int64.self)).map { "\($0)" }
        case .float4, .float8:
            return (try? cell.decode(Double.self)).map { "\($0)" }
        case .numeric:
            return (try? cell.decode(Decimal.self)).map { "\($0)" }
        case .bool:
            return (try? cell.decode(Bool.self)).map { $0 ? "true" : "false" }
        case .timestamp, .timestamptz, .date:
            guard let date = try? cell.decode(Date.self) else { return nil }
            let text = Self.utc(date)
            switch cell.dataType {
            case .date: return String(text.prefix(10))
            case .timestamptz: return text + "Z"
            default: return text
            }
        default:
            return (try? cell.decode(String.self)) ?? "<\(cell.dataType)>"
        }
    }

    private static func utc(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(
            format: "%04d-%02d-%02d %02d:%02d:%02d",
            c.year ?? 0,
            c.month ?? 0,
            c.day ?? 0,
            c.hour ?? 0,
            c.minute ?? 0,
            c.second ?? 0
        )
    }
}
