import Vapor
import VanguardCore

/// Cross-site request forgery protection for every form (double-submit): each browser gets a random
/// token in a SameSite cookie, every form carries it in a hidden field, and a form post whose field
/// does not match its cookie is refused. The JSON API is exempt because it authenticates only with
/// bearer tokens, which a browser never sends by itself.
struct CSRFMiddleware: AsyncMiddleware {
    static let cookieName = "vanguard_csrf"
    static let fieldName = "csrf_token"
    let secureCookies: Bool

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let existing = request.cookies[Self.cookieName]?.string
        let token = (existing?.count ?? 0) >= 32 ? existing! : Secrets.make()
        request.storage[CSRFTokenKey.self] = token
        let isUnsafe = ![.GET, .HEAD, .OPTIONS].contains(request.method)
        if isUnsafe && !request.url.path.hasPrefix("/api/") {
            // The token is in the body, which a large upload has not delivered yet: read it first.
            if request.body.data == nil {
                let limit = request.url.path == SiteURL.uploadReturns.path ? ReturnsFile.defaultMaximumBytes + 1_000_000 : 1_000_000
                _ = try await request.body.collect(max: limit).get()
            }
            let submitted = try? request.content.get(String.self, at: Self.fieldName)
            guard let existing, let submitted, Secrets.equal(existing, submitted) else {
                throw AppError.forbidden("The form could not be accepted because its security token is missing or out of date. Go back, reload the page and try again.")
            }
        }
        let response = try await next.respond(to: request)
        if existing != token {
            response.cookies[Self.cookieName] = HTTPCookies.Value(
                string: token, path: "/", isSecure: secureCookies, isHTTPOnly: true, sameSite: .strict
            )
        }
        return response
    }
}

struct CSRFTokenKey: StorageKey {
    typealias Value = String
}

extension Request {
    /// The token every form on this page must carry.
    var csrfToken: String { storage[CSRFTokenKey.self] ?? "" }
}
