/// What the answer to a duplicates key tells the checks whose keys contain it: rows that share
/// a whole key share every part of it, so a key's duplicated values bound those of any key that
/// adds columns to it.
enum DuplicateValues: Sendable {
    /// No two rows share the key, so none share a key that contains it; `sql` showed it.
    case absent(sql: [String])
    /// Every duplicated value of the key.
    case listed(Listed)
    /// Too many to list, or not known (the query failed).
    case unknown

    /// A key's duplicated values, as text, with the key's columns and their types.
    struct Listed: Sendable {
        let columns: [String]
        let types: [String]
        let rows: [[String?]]
    }

    /// How many duplicated values a key lists for the keys that contain it; past that, those
    /// group the table themselves.
    static let listLimit = 1_000

    /// The types whose values come back as text that casts back to exactly the same value.
    static let literalTypes: Set<String> = ["smallint", "integer", "bigint"]
}
