import Crypto
import Foundation
import Hummingbird

/// A submitted dashboard form (`application/x-www-form-urlencoded`), read within the server's
/// body limits, whose CSRF token has been checked against the visitor's.
struct DashboardForm: Sendable {
    let fields: [String: String]

    /// Reads the form and checks its `csrf` field; a missing or wrong token is a 403 before any
    /// field is acted on.
    static func read(_ request: Request, limits: BodyLimits, visitor: DashboardVisitor) async throws -> DashboardForm {
        let data = try await RequestBody.read(request, limits: limits, form: true)
        let form = DashboardForm(fields: parse(String(decoding: data, as: UTF8.self)))
        guard let sent = form.fields["csrf"], Self.constantTimeEqual(sent, visitor.csrfToken) else {
            throw DashboardError.badCSRF
        }
        return form
    }

    /// The fields of an urlencoded body; a repeated name keeps its last value.
    static func parse(_ body: String) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let decode = { (text: Substring) in
                text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
            }
            guard let name = parts.first.map(decode), !name.isEmpty else { continue }
            fields[name] = parts.count > 1 ? decode(parts[1]) : ""
        }
        return fields
    }

    /// A field with surrounding spaces trimmed; `nil` when absent or blank.
    func text(_ name: String) -> String? {
        guard let value = fields[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else {
            return nil
        }
        return value
    }

    /// A required field, or a 400 naming it.
    func required(_ name: String, _ what: String) throws -> String {
        guard let value = text(name) else { throw DashboardError.invalid("\(what) is required") }
        return value
    }

    /// `text` for a query value.
    static func percentEncode(_ text: String) -> String {
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "&=+?#")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }

    /// Compares two tokens in time that does not depend on where they differ.
    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let left = Array(a.utf8)
        let right = Array(b.utf8)
        guard left.count == right.count, !left.isEmpty else { return false }
        var difference: UInt8 = 0
        for index in left.indices { difference |= left[index] ^ right[index] }
        return difference == 0
    }
}
