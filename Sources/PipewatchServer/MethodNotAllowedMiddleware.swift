import HTTPTypes
import Hummingbird

/// Answers a known path asked with a method it does not take with 405 and `Allow`, instead of
/// the router's 404, as HTTP says (RFC 9110, 15.5.6).
struct MethodNotAllowedMiddleware<Context: RequestContext>: RouterMiddleware {
    /// Each route's path segments (`nil` for a parameter) and the methods it takes.
    private let routes: [(segments: [Substring?], methods: [HTTPRequest.Method])]

    /// Reads the routes of `router`, which must be complete.
    init(_ router: Router<Context>) {
        var methods: [String: [HTTPRequest.Method]] = [:]
        for route in router.routes { methods[route.path.description, default: []].append(route.method) }
        routes = methods.map { path, methods in
            let segments = path.split(separator: "/").map { $0.hasPrefix("{") || $0.hasPrefix(":") ? nil : $0 }
            let withHead = methods.contains(.get) && !methods.contains(.head) ? methods + [.head] : methods
            return (segments, withHead.sorted { $0.rawValue < $1.rawValue })
        }
    }

    func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            let path = request.uri.path.split(separator: "/")
            guard
                let route = routes.first(where: { route in
                    route.segments.count == path.count
                        && zip(route.segments, path).allSatisfy { expected, actual in
                            expected.map { $0 == actual } ?? true
                        }
                }), !route.methods.contains(request.method)
            else { throw error }
            var response = try APIError(
                .methodNotAllowed,
                "\(request.method) is not allowed on \(request.uri.path); use \(route.methods.map(\.rawValue).joined(separator: ", "))"
            ).response(from: request, context: context)
            response.headers[.allow] = route.methods.map(\.rawValue).joined(separator: ", ")
            return response
        }
    }
}
