import ArgumentParser
import Foundation

/// `--as NAME`: who makes a change, for the audit log. Without it, the login name (`$USER`); a
/// change nobody can be named for is refused, so the audit never says "unknown".
struct AuthorOption: ParsableArguments {
    @Option(
        name: .customLong("as"),
        help: ArgumentHelp("Who makes the change, for the audit log (default: $USER).", valueName: "name")
    )
    var actor: String?

    /// The name to audit.
    /// - Throws: a usage error when neither `--as` nor `$USER` names anyone.
    func name(in context: CommandContext) throws -> String {
        let given = actor?.trimmingCharacters(in: .whitespaces)
        if let given, !given.isEmpty { return given }
        if let user = context.environment["USER"], !user.isEmpty { return user }
        throw ValidationError("say who makes this change with --as NAME; the audit log records it")
    }
}
