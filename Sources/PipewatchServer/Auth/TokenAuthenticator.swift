import Foundation
import HTTPTypes
import Hummingbird
import PipewatchCore

/// Lets a request through when it carries a bearer token of at least `scope`; otherwise 401,
/// before the handler runs, so nothing is stored.
struct TokenAuthenticator<Context: RequestContext>: RouterMiddleware {
    let access: APIAccess
    let scope: APIAccess.Scope

    func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws
        -> Response
    {
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
        guard token.scope == .write || scope == .read else {
            throw APIError(.forbidden, "token '\(token.name)' may only read")
        }
        return try await next(request, context)
    }

}
