import VanguardCore
import Vapor

/// The errors a request can end in, each with the status and words a person or program sees.
enum AppError: AbortError, Equatable {
    case notFound(String)
    case badRequest(String)
    /// The request is well formed but the record's state refuses it (a field fixed for life, say).
    case conflict(String)
    case databaseUnavailable
    case unauthorized(String)
    case forbidden(String)
    case payloadTooLarge(limit: Int)
    /// Too many attempts; the caller may try again after `retryAfter` seconds.
    case tooManyRequests(String, retryAfter: Int)

    var status: HTTPResponseStatus {
        switch self {
        case .notFound: .notFound
        case .badRequest: .badRequest
        case .conflict: .conflict
        case .databaseUnavailable: .serviceUnavailable
        case .unauthorized: .unauthorized
        case .forbidden: .forbidden
        case .payloadTooLarge: .payloadTooLarge
        case .tooManyRequests: .tooManyRequests
        }
    }

    var reason: String {
        switch self {
        case .notFound(let what): "\(what) was not found."
        case .badRequest(let message), .conflict(let message), .unauthorized(let message), .forbidden(let message): message
        case .payloadTooLarge(let limit):
            "The request is larger than this address accepts (\(String(format: "%.1f", Double(limit) / 1_000_000)) MB)."
        case .tooManyRequests(let message, _): message
        case .databaseUnavailable:
            "The database cannot be reached just now. The service will recover by itself when it is back; please try again shortly."
        }
    }

    var headers: HTTPHeaders {
        switch self {
        case .tooManyRequests(_, let seconds): ["Retry-After": String(seconds)]
        case .databaseUnavailable: ["Retry-After": "5"]
        default: [:]
        }
    }

    init(_ invalid: InvalidParameter) {
        self = .badRequest(invalid.description)
    }
}
