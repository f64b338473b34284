/// A table as a check names it: `orders`, or `sales.orders` for table `orders` in schema (or
/// attached SQLite database) `sales`.
struct TableName: Hashable, CustomStringConvertible {
    let schema: String?
    let name: String

    /// Splits at the first dot; quotes are not part of the names.
    init(_ text: String) {
        let parts = text.split(separator: ".", maxSplits: 1).map { String($0).trimmingQuotes }
        (schema, name) = parts.count == 2 ? (parts[0], parts[1]) : (nil, parts.first ?? text)
    }

    var description: String { schema.map { "\($0).\(name)" } ?? name }
}

extension String {
    fileprivate var trimmingQuotes: String {
        count >= 2 && hasPrefix("\"") && hasSuffix("\"") ? String(dropFirst().dropLast()) : self
    }
}
