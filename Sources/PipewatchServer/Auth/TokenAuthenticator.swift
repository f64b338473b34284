import Foundation
import HTTPTypes
import Hummingbird
import PipewatchCore

/// Lets a request through when it carries a bearer token of at least `scope`; otherwise 401 (403
/// for a token of a narrower scope), before the handler runs, so nothing is stored. The tokens and
/// whether reads need one come from the config served now, so a reload can add or revoke a token.
struct TokenAuthenticator<Context: RequestContext>: RouterMiddleware {
    let config: LiveConfig
    let scope: APIAccess.Scope

    func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws
        -> Response
    {
        let access = config.current.plan.api
        if scope == .read, access.readAccess == .open { return try await next(request, context) }
        guard let header = request.headers[.authorization] else {
            throw APIError(.unauthorized, "missing bearer token; send 'Authorization: Bearer <token>'")
        }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else {
            throw APIError(.unauthorized, "the Authorization header must be 'Bearer <token>'")
        }
        guard let token = access.token(hashed: TokenHash.sha256(String(parts[1]))) else {
            throw APIError(.unauthorized, "unknown token")
        }
        guard token.scope.allows(scope) else {
            throw APIError(
                .forbidden,
                token.scope == .read
                    ? "token '\(token.name)' may only read"
                    : "token '\(token.name)' has scope '\(token.scope.rawValue)'; this needs '\(scope.rawValue)'"
            )
        }
        return try await next(request, context)
    }
}
