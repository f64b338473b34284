import Hummingbird
import PipewatchCore
import PipewatchEngine
import PipewatchStore

/// Turns the store's, the engine's and the schedule's errors into the documented
/// `{"error": "…"}` answers, the same for every route: not found 404, a refused change 409,
/// a bad value 400, a database that cannot be reached 503.
struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as StoreError {
            switch error {
            case .notFound(let message): throw APIError(.notFound, message)
            case .conflict(let message): throw APIError(.conflict, message)
            case .invalidValue(let message): throw APIError(.badRequest, message)
            case .unavailable(let message, _): throw APIError(.serviceUnavailable, message)
            case .invalidLocation(let message): throw APIError(.internalServerError, message)
            }
        } catch let error as IncidentError {
            throw APIError(.conflict, error.description)
        } catch let error as EngineError {
            switch error {
            case .invalidRequest(let message): throw APIError(.badRequest, message)
            case .unknownPipeline, .cannotPage: throw APIError(.conflict, error.description)
            }
        } catch let error as ScheduleError {
            throw APIError(.internalServerError, error.description)
        }
    }
}
