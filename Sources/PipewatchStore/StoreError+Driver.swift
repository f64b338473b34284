import PipewatchCore
import PostgresKit
import SQLiteKit

extension StoreError {
    /// Wraps whatever a driver threw while the store was `doing` something, such as
    /// "cannot add time off", into a message without SQL or bound values.
    static func wrapping(_ error: any Error, doing operation: String) -> StoreError {
        if let error = error as? StoreError { return error }
        if let error = error as? SQLiteError {
            return .unavailable("\(operation): \(reason(of: error))", underlying: error)
        }
        if let error = error as? PSQLError {
            return .unavailable("\(operation): \(reason(of: error))", underlying: error)
        }
        if let unreachable = error as? DatabaseUnreachable {
            let waited = unreachable.waited.map { " within \(Double($0.wholeMilliseconds) / 1_000) s" } ?? ""
            return .unavailable(
                "\(operation): the database gave no connection\(waited); check that the server runs and is reachable",
                underlying: error
            )
        }
        if error is DecodingError {
            return .unavailable(
                "\(operation): a stored row could not be read; the database may have been edited by hand",
                underlying: error
            )
        }
        return .unavailable("\(operation): the database reported an error", underlying: error)
    }

    /// Whether `error` came from a driver or from reading a row, rather than from the caller's own code.
    static func isDriverError(_ error: any Error) -> Bool {
        error is StoreError || error is SQLiteError || error is PSQLError || error is DecodingError
            || error is DatabaseUnreachable
    }

    private static func reason(of error: SQLiteError) -> String {
        switch error.reason {
        case .busy, .busyTimeout, .locked:
            "the SQLite database is locked by another process; try again"
        case .readOnly, .readonlyDirectory, .permission, .readonlyCantLock:
            "the SQLite database is read-only; check the file's permissions"
        case .cantOpen, .cantOpenDirectory, .cantOpenInvalidPath:
            "the SQLite database file cannot be opened; check the path and its permissions"
        case .corrupt, .notADatabase:
            "the file is not a valid SQLite database"
        case .full:
            "the disk is full"
        case .constraint, .constraintCheckFailed, .constraintNotNullFailed, .constraintUniqueFailed,
            .constraintPrimaryKeyFailed, .constraintForeignKeyFailed:
            "the change breaks a rule of the database schema"
        default:
            "SQLite reported an error (\(error.reason))"
        }
    }

    private static func reason(of error: PSQLError) -> String {
        switch error.code {
        case .connectionError, .serverClosedConnection, .clientClosedConnection:
            return "cannot connect to the PostgreSQL database server; check that it runs and the URL's host and port"
        case .sslUnsupported, .failedToAddSSLHandler:
            return "the PostgreSQL server does not accept TLS; add '?sslmode=disable' to the URL"
        case .unsupportedAuthMechanism, .authMechanismRequiresPassword, .saslError:
            return "cannot log in to PostgreSQL; check the user name and password in the URL"
        case .poolClosed:
            return "the connection to the PostgreSQL database is closed"
        case .server:
            let state = error.serverInfo?[.sqlState] ?? ""
            switch state {
            case "28P01", "28000": return "PostgreSQL refused the login; check the user name and password in the URL"
            case "3D000": return "the PostgreSQL database named in the URL does not exist"
            case "42501": return "the PostgreSQL user lacks a permission the store needs"
            case _ where state.hasPrefix("23"): return "the change breaks a rule of the database schema"
            case _ where state.hasPrefix("08"): return "the connection to the PostgreSQL database failed"
            default: return "PostgreSQL reported an error (SQLSTATE \(state))"
            }
        default:
            return "PostgreSQL reported an error (\(error.code))"
        }
    }
}
