import ArgumentParser
import PipewatchCore
import PipewatchServer

/// `pipewatch token`: API tokens for the config.
struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "Make API tokens: the config keeps only their SHA-256.",
        subcommands: [New.self, Hash.self]
    )

    struct New: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "new",
            abstract: "Print a new random token and the config entry that declares it.",
            discussion:
                "Give the token to the client (e.g. OPENLINEAGE__TRANSPORT__AUTH__API_KEY); paste the entry under 'api.tokens'."
        )

        @Option(help: "A name for the token, such as the client that uses it.") var name: String
        @Option(help: "read, write or admin (admin may also reload the config: POST /-/reload).") var scope: String =
            "write"

        func validate() throws {
            guard APIAccess.Scope(rawValue: scope) != nil else {
                throw ValidationError("--scope must be 'read', 'write' or 'admin'")
            }
        }

        func run() async throws {
            let token = TokenHash.newToken()
            let context = CommandContext.current
            context.print("token: \(token)")
            context.print("config: - { name: \(name), sha256: \(TokenHash.sha256(token)), scope: \(scope) }")
        }
    }

    struct Hash: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "hash",
            abstract: "Print the SHA-256 of an existing token."
        )

        @Argument(help: "The token.") var token: String

        func run() async throws {
            CommandContext.current.print(TokenHash.sha256(token))
        }
    }
}
