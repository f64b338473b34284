import HTTPTypes
import Hummingbird

/// Why a dashboard request ends without its page: the handler wrapper renders each as an HTML
/// page (or a redirect), never the API's JSON.
enum DashboardError: Error, CustomStringConvertible {
    /// Sign in first: redirect to `/login?next=…`.
    case signInRequired(next: String)
    /// Signed in, but the role does not allow it (403).
    case forbidden(String)
    /// The form's CSRF token is missing or wrong (403).
    case badCSRF
    /// No such page or record (404).
    case notFound(String)
    /// The form is not valid (400), shown on the page.
    case invalid(String)
    case templatesMissing
    case templatesUnreadable(String)

    var status: HTTPResponse.Status {
        switch self {
        case .signInRequired: .seeOther
        case .forbidden, .badCSRF: .forbidden
        case .notFound: .notFound
        case .invalid: .badRequest
        case .templatesMissing, .templatesUnreadable: .internalServerError
        }
    }

    var description: String {
        switch self {
        case .signInRequired: "sign in to see this page"
        case .forbidden(let message): message
        case .badCSRF:
            "the form was stale or came from another site (its CSRF token did not match); reload the page and try again"
        case .notFound(let message): message
        case .invalid(let message): message
        case .templatesMissing: "the dashboard's templates are missing from the installation"
        case .templatesUnreadable(let message): "the dashboard's templates cannot be used: \(message)"
        }
    }
}
