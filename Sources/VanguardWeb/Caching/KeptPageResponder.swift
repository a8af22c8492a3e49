import Vapor

/// Answers an anonymous visitor's GET of a kept public page before routing and the middleware, and
/// hands every other request to the application's own responder.
///
/// Why: a kept page's bytes are ready, yet going through the router and ten middleware was about
/// half of what the server spent on it (a profile under wrk). What the middleware would have done
/// to such a request is known from when the page was kept: nobody is signed in (no session cookie,
/// no token, so nothing to identify and no permission that differs), the same address passed the
/// same checks then, the security headers are stored with the page, and the request is counted
/// under the route it was kept from. The content version is still read for each request (perhaps
/// with others, `ContentVersionReader`), so a change shows on the very next request as before; a
/// page that is not current goes the whole way and is made again (`PublicPageCacheMiddleware`).
struct KeptPageResponder: Responder {
    let next: any Responder
    let cache: PublicPageCache
    let monitoring: Monitoring
    let sessionCookie: String

    func respond(to request: Request) -> EventLoopFuture<Response> {
        guard request.method == .GET, request.headers[.authorization].isEmpty,
            (request.cookies[sessionCookie]?.string ?? "").isEmpty
        else { return next.respond(to: request) }
        let uri = request.url.string
        guard cache.stamp(of: uri) != nil else { return next.respond(to: request) }
        let started = ContinuousClock.now
        // A failed read goes the whole way too, to be answered as any other request would be.
        return cache.stamp(for: request).map(Optional.some).recover { _ in nil }.flatMap { stamp in
            guard let stamp, let page = cache.page(uri, at: stamp) else { return next.respond(to: request) }
            let response = PublicPageCacheMiddleware.answer(page, to: request)
            monitoring.requestFinished(method: .GET, route: page.route, status: response.status, after: ContinuousClock.now - started)
            return request.eventLoop.makeSucceededFuture(response)
        }
    }
}
