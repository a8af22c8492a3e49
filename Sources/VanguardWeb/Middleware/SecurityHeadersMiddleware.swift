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
        next.respond(to: request).map { response in addHeaders(to: response) }
    }

    private func addHeaders(to response: Response) -> Response {
        var headers: [(String, String)] = [
            ("Content-Security-Policy", Self.contentSecurityPolicy),
            ("X-Content-Type-Options", "nosniff"),
            ("X-Frame-Options", "DENY"),
            ("Referrer-Policy", "strict-origin-when-cross-origin"),
            ("Permissions-Policy", "geolocation=(), camera=(), microphone=()"),
            ("Cross-Origin-Opener-Policy", "same-origin"),
        ]
        if strictTransport { headers.append(("Strict-Transport-Security", "max-age=31536000; includeSubDomains")) }
        for (name, value) in headers where !response.headers.contains(name: name) {
            response.headers.replaceOrAdd(name: name, value: value)
        }
        return response
    }
}
