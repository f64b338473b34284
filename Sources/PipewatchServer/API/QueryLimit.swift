import HTTPTypes

/// `?limit=` of a list: a whole number from 1 to 1000, as `/openapi.yaml` declares; anything
/// else is a 400 naming the parameter.
enum QueryLimit {
    static let range = 1...1000

    static func read(_ text: String?, default value: Int) throws -> Int {
        guard let text else { return value }
        guard let limit = Int(text), range.contains(limit) else {
            throw APIError(.badRequest, "limit: expected a whole number from 1 to 1000, found '\(text)'")
        }
        return limit
    }
}
