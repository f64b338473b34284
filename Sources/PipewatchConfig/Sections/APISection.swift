import PipewatchCore

/// Reads `api:`: whether reads need a token, the tokens, as SHA-256 hashes with a scope, and the
/// address people reach the server at (`public_url`, which links in pages use), and who signs in
/// to the dashboard (`users`, read by ``DashboardUserSection``).
enum APISection {
    static let keys = ["read_access", "tokens", "public_url", "users"]

    static func access(_ value: YAMLValue, context: ReadingContext) -> (access: APIAccess, publicURL: String?)? {
        let log = context.log
        guard let fields = MappingReader(value, allowed: keys, log: log) else { return nil }
        let publicURL = fields["public_url"]?.httpURL(log, example: "https://pipewatch.example.com").map {
            $0.hasSuffix("/") ? String($0.dropLast()) : $0
        }
        let modes = Dictionary(uniqueKeysWithValues: APIAccess.ReadAccess.allCases.map { ($0.rawValue, $0) })
        let readAccess = fields["read_access"].map { context.choice($0, "read access", modes) } ?? .open
        var tokens: [APIAccess.Token] = []
        for item in fields["tokens"]?.list(log) ?? [] {
            guard let token = Self.token(item, context: context) else { continue }
            if tokens.contains(where: { $0.name == token.name }) {
                item.error("token name '\(token.name)' is used twice", hint: "give each token its own name", in: log)
                continue
            }
            tokens.append(token)
        }
        let users = fields["users"].map { DashboardUserSection.users($0, context: context, tokens: tokens) } ?? []
        guard let readAccess else { return nil }
        return (APIAccess(readAccess: readAccess, tokens: tokens, users: users), publicURL)
    }

    private static func token(_ value: YAMLValue, context: ReadingContext) -> APIAccess.Token? {
        let log = context.log
        guard let fields = MappingReader(value, allowed: ["name", "sha256", "scope"], log: log) else { return nil }
        let name = fields.required("name", log: log)?.string(log)
        let hash = fields.required("sha256", log: log, hint: "'pipewatch token new' prints a token and its hash")?
            .parse(log, expected: "64 lower-case hex digits (the token's SHA-256)") { text in
                text.count == 64 && text.allSatisfy { $0.isHexDigit && !$0.isUppercase } ? text : nil
            }
        let scopes = Dictionary(uniqueKeysWithValues: APIAccess.Scope.allCases.map { ($0.rawValue, $0) })
        let scope = fields.required("scope", log: log, hint: "read, write or admin").flatMap {
            context.choice($0, "scope", scopes)
        }
        guard let name, let hash, let scope else { return nil }
        return APIAccess.Token(name: name, sha256: hash, scope: scope)
    }
}
