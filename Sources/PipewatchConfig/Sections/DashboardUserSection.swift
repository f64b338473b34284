import PipewatchCore

/// Reads `api.users`: who may sign in to the web dashboard, each with the SHA-256 of their
/// sign-in token, a role (viewer, engineer, admin) and, for engineers, the engineer they act as.
enum DashboardUserSection {
    static let keys = ["name", "engineer", "role", "sha256"]

    static func users(_ value: YAMLValue, context: ReadingContext, tokens: [APIAccess.Token]) -> [DashboardUser] {
        let log = context.log
        var users: [DashboardUser] = []
        for item in value.list(log) ?? [] {
            guard let user = Self.user(item, context: context) else { continue }
            if users.contains(where: { $0.name == user.name }) {
                item.error("user name '\(user.name)' is used twice", hint: "give each user their own name", in: log)
                continue
            }
            if users.contains(where: { $0.sha256 == user.sha256 })
                || tokens.contains(where: { $0.sha256 == user.sha256 })
            {
                item.error(
                    "user '\(user.name)' has the same sha256 as another user or API token",
                    hint: "give each person their own token: 'pipewatch token new --name \(user.name)'",
                    in: log
                )
                continue
            }
            users.append(user)
        }
        return users
    }

    private static func user(_ value: YAMLValue, context: ReadingContext) -> DashboardUser? {
        let log = context.log
        guard let fields = MappingReader(value, allowed: keys, log: log) else { return nil }
        let name = fields.required("name", log: log)?.string(log)
        let hash = fields.required("sha256", log: log, hint: "'pipewatch token new' prints a token and its hash")?
            .parse(log, expected: "64 lower-case hex digits (the sign-in token's SHA-256)") { text in
                text.count == 64 && text.allSatisfy { $0.isHexDigit && !$0.isUppercase } ? text : nil
            }
        let roles = Dictionary(uniqueKeysWithValues: DashboardUser.Role.allCases.map { ($0.rawValue, $0) })
        let roleValue = fields.required("role", log: log, hint: "viewer, engineer or admin")
        let role = roleValue.flatMap { context.choice($0, "role", roles) }
        let engineerValue = fields["engineer"]
        let engineer = engineerValue.flatMap { context.engineer($0) }
        if role == .engineer, engineerValue == nil, let roleValue {
            roleValue.error(
                "a user with role 'engineer' must name the engineer they are",
                hint: "add 'engineer: <id>' (an id under 'engineers:'), or make the role 'viewer'",
                in: log
            )
            return nil
        }
        guard let name, let hash, let role else { return nil }
        if engineerValue != nil, engineer == nil { return nil }
        return DashboardUser(name: name, engineer: engineer, role: role, sha256: hash)
    }
}
