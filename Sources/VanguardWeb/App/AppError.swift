import Vapor
import VanguardCore

/// The errors a request can end in, each with the status and words a person or program sees.
enum AppError: AbortError, Equatable {
    case notFound(String)
    case badRequest(String)
    case databaseUnavailable
    case unauthorized(String)
    case forbidden(String)

    var status: HTTPResponseStatus {
        switch self {
        case .notFound: .notFound
        case .badRequest: .badRequest
        case .databaseUnavailable: .serviceUnavailable
        case .unauthorized: .unauthorized
        case .forbidden: .forbidden
        }
    }

    var reason: String {
        switch self {
        case .notFound(let what): "\(what) was not found."
        case .badRequest(let message), .unauthorized(let message), .forbidden(let message): message
        case .databaseUnavailable: "The database cannot be reached just now. The service will recover by itself when it is back; please try again shortly."
        }
    }

    init(_ invalid: InvalidParameter) {
        self = .badRequest(invalid.description)
    }
}
