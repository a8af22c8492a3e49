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
        let state = CSRFState(cookie: (existing?.count ?? 0) >= 32 ? existing : nil, session: request.cookies[cookies.session]?.string)
        request.storage[CSRFStateKey.self] = state
        return next.respond(to: request).map { response in
            // Only a browser that was shown a form needs the cookie: a kept public page has none.
            if let issued = state.issuedCookie {
                response.cookies[cookies.csrf] = HTTPCookies.Value(
                    string: issued, path: "/", isSecure: cookies.secure, isHTTPOnly: true, sameSite: .strict
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

/// One request's CSRF token, made only when a page or a guard asks for it.
final class CSRFState: @unchecked Sendable {  // a request's storage is read by one task at a time
    private let cookie: String?
    private let session: String?
    /// A browser cookie made for this request, to be set on its response.
    private(set) var issuedCookie: String?

    init(cookie: String?, session: String?) {
        self.cookie = cookie
        self.session = session
    }

    /// The form token, if anything on this request has asked for it.
    private(set) var madeFormToken: String?

    lazy var formToken: String = {
        let browser = cookie ?? Secrets.make()
        if cookie == nil { issuedCookie = browser }
        let token = CSRFMiddleware.formToken(cookie: browser, session: session)
        madeFormToken = token
        return token
    }()
}

struct CSRFStateKey: StorageKey {
    typealias Value = CSRFState
}

extension Request {
    /// The token every form on this page must carry.
    var csrfToken: String { storage[CSRFStateKey.self]?.formToken ?? "" }

    /// The token, if this request has made it (a page that never asked cannot hold it).
    var csrfTokenIfMade: String? { storage[CSRFStateKey.self]?.madeFormToken }

    var cookieNames: CookieNames { CookieNames(secure: application.appConfig.secureCookies) }
}
