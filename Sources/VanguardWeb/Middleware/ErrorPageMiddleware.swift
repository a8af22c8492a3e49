import Plot
import VanguardCore
import VanguardStore
import Vapor

/// Turns every error into an answer: an NHS.UK-styled page for people, a JSON body for the API.
///
/// Errors that are not ours (a database driver's, say) are logged with their detail and shown
/// only as a generic message; a failure to reach the database becomes a 503.
struct ErrorPageMiddleware: Middleware {
    let context: @Sendable (Request) -> PageContext

    func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        next.respond(to: request).flatMapErrorThrowing { error in try answer(error, to: request) }
    }

    private func answer(_ error: any Error, to request: Request) throws -> Response {
        var error = error
        if DatabaseOutage.explains(error) {
            request.logger.error("the database is unavailable", metadata: ["error": "\(String(reflecting: error))"])
            error = AppError.databaseUnavailable
        }
        let (status, reason) = Self.describe(error, request: request)
        let response: Response
        if Self.wantsJSON(request) {
            response = Response(status: status)
            try response.content.encode(APIErrorDTO(error: true, status: Int(status.code), reason: reason), as: .json)
        } else {
            let page = ErrorPage.document(status: status, reason: reason, context: context(request))
            response = Response(status: status, body: .init(string: page.render()))
            response.headers.contentType = .html
        }
        if let abort = error as? any AbortError {
            for (name, value) in abort.headers where name.lowercased() != "content-type" {
                response.headers.replaceOrAdd(name: name, value: value)
            }
        }
        return response
    }

    static func wantsJSON(_ request: Request) -> Bool {
        request.url.path.hasPrefix("/api/") || request.url.path == SiteURL.healthz.path
    }

    static func describe(_ error: any Error, request: Request) -> (HTTPResponseStatus, String) {
        switch error {
        case let abort as any AbortError:
            if abort.status.code >= 500 {
                request.logger.error(
                    "request failed", metadata: ["status": "\(abort.status.code)", "error": "\(String(reflecting: error))"])
            }
            return (abort.status, abort.reason)
        case let invalid as ValidationError:
            // A rule a feature's form did not catch to show beside its field: still the sender's to fix.
            return (.badRequest, invalid.description)
        default:
            request.logger.error("unexpected error", metadata: ["error": "\(String(reflecting: error))"])
            return (.internalServerError, "Something went wrong on our side. It has been logged.")
        }
    }
}

/// The JSON body of every API error.
struct APIErrorDTO: Content, Equatable {
    let error: Bool
    let status: Int
    let reason: String
}

/// The page shown for 400, 404, 503 and the rest.
enum ErrorPage {
    static func document(status: HTTPResponseStatus, reason: String, context: PageContext) -> HTML {
        let title =
            switch status.code {
            case 404: "Page not found"
            case 400: "There is a problem with the request"
            case 401: "Sign in to continue"
            case 403: "You do not have permission to do this"
            case 413: "The request is too large"
            case 429: "Too many attempts"
            case 503: "Sorry, the service is unavailable"
            default: "Sorry, there is a problem with the service"
            }
        return Layout.document(
            title: title, context: context,
            body: .group(
                .h1(.text(title)),
                .p(.class("nhsuk-body-l"), .text(reason)),
                .p(.text("Status \(status.code).")),
                .p(.a(.safeHref(SiteURL.home.path), .text("Go to the programme at a glance")))
            )
        )
    }
}
