/// Reads and writes sizes as people write them: `500 MB`, `10GB`, `1.5 TiB`.
public enum ByteCount {
    private static let units: [(name: String, bytes: Double)] = [
        ("TiB", 1_099_511_627_776), ("GiB", 1_073_741_824), ("MiB", 1_048_576), ("KiB", 1024),
        ("TB", 1e12), ("GB", 1e9), ("MB", 1e6), ("KB", 1e3), ("kB", 1e3), ("B", 1),
    ]

    /// The largest size read, 1 EB, far above any disk and far below `Int64.max`.
    public static let largest: Int64 = 1_000_000_000_000_000_000

    /// Parses a size; `nil` when it does not parse, is negative or is over ``largest``.
    public static func parse(_ text: String) -> Int64? {
        let trimmed = text.filter { $0 != " " }
        for unit in units where trimmed.hasSuffix(unit.name) {
            guard let amount = Double(trimmed.dropLast(unit.name.count)), amount >= 0,
                amount * unit.bytes <= Double(largest)
            else { return nil }
            return Int64(amount * unit.bytes)
        }
        return Int64(trimmed).flatMap { (0...largest).contains($0) ? $0 : nil }
    }

    /// Writes a size in the largest decimal unit that keeps it at or above one.
    public static func format(_ bytes: Int64) -> String {
        for unit in units where ["TB", "GB", "MB", "KB"].contains(unit.name) && Double(bytes) >= unit.bytes {
            let tenths = (Double(bytes) / unit.bytes * 10).rounded() / 10
            return "\(tenths.formattedPlain) \(unit.name)"
        }
        return "\(bytes) B"
    }
}
