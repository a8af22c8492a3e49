import Crypto
import Foundation
import VanguardCore
import Vapor

/// Cross-site request forgery protection for every form. Each browser gets a random token in a
/// SameSite=Strict cookie; the token every form carries is derived from that cookie and the session
/// secret, so a token taken from one session is worthless in another (and one planted before
/// sign-in stops working at sign-in). `RouteGuard` checks it, after the permission check and only
/// once the body has been read within the route's limit. The JSON API is exempt because it
/// authenticates only with bearer tokens, which a browser never sends by itself.
struct CSRFMiddleware: Middleware {
    static let fieldName = "csrf_token"
    let cookies: CookieNames

    func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        let existing = request.cookies[cookies.csrf]?.string
        let browserToken = (existing?.count ?? 0) >= 32 ? existing! : Secrets.make()
        let session = request.cookies[cookies.session]?.string
        request.storage[CSRFTokenKey.self] = Self.formToken(cookie: browserToken, session: session)
        return next.respond(to: request).map { response in
            if existing != browserToken {
                response.cookies[cookies.csrf] = HTTPCookies.Value(
                    string: browserToken, path: "/", isSecure: cookies.secure, isHTTPOnly: true, sameSite: .strict
                )
            }
            return response
        }
    }

    /// The token forms carry: bound to the browser's cookie and to the session, if there is one.
    static func formToken(cookie: String, session: String?) -> String {
        let digest = SHA256.hash(data: Data("vanguard-csrf|\(cookie)|\(session ?? "")".utf8))
        return Data(digest).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }
}

/// The cookies' names. Over https they carry the `__Host-` prefix, which browsers accept only from
/// a secure origin, for the whole site, with no Domain: no subdomain or plain-http page can set or
/// overwrite them. Over plain http (development) browsers refuse that prefix, so the names are bare.
struct CookieNames: Sendable {
    let secure: Bool

    var session: String { secure ? "__Host-vanguard_session" : "vanguard_session" }
    var csrf: String { secure ? "__Host-vanguard_csrf" : "vanguard_csrf" }
}

struct CSRFTokenKey: StorageKey {
    typealias Value = String
}

extension Request {
    /// The token every form on this page must carry.
    var csrfToken: String { storage[CSRFTokenKey.self] ?? "" }

    var cookieNames: CookieNames { CookieNames(secure: application.appConfig.secureCookies) }
}
