import Vapor

/// Security headers on every response. The policy allows only the site's own scripts and styles,
/// which is all the NHS.UK frontend needs when served from here.
struct SecurityHeadersMiddleware: Middleware {
    /// Whether the site is served over https (`PUBLIC_URL`); then browsers are told never to use plain http.
    let strictTransport: Bool

    static let contentSecurityPolicy = [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ].joined(separator: "; ")

    func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        next.respond(to: request).map { response in
            addHeaders(to: &response.headers)
            return response
        }
    }

    /// Adds each header the answer does not already set.
    func addHeaders(to headers: inout HTTPHeaders) {
        for (name, value) in Self.headers where !headers.contains(name: name) { headers.add(name: name, value: value) }
        if strictTransport, !headers.contains(name: "Strict-Transport-Security") {
            headers.add(name: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains")
        }
    }

    private static let headers: [(String, String)] = [
        ("Content-Security-Policy", contentSecurityPolicy),
        ("X-Content-Type-Options", "nosniff"),
        ("X-Frame-Options", "DENY"),
        ("Referrer-Policy", "strict-origin-when-cross-origin"),
        ("Permissions-Policy", "geolocation=(), camera=(), microphone=()"),
        ("Cross-Origin-Opener-Policy", "same-origin"),
    ]
}

struct SecurityHeadersKey: StorageKey {
    typealias Value = SecurityHeadersMiddleware
}

extension Application {
    var securityHeaders: SecurityHeadersMiddleware { configured(SecurityHeadersKey.self) }
}
