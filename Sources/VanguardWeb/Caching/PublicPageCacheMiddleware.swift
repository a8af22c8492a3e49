import VanguardStore
import Vapor

/// Serves a public page to an anonymous visitor from `PublicPageCache` while the content it was made
/// from is unchanged, with an `ETag` a browser can send back for a 304.
///
/// Signed-in people and API tokens always get a page made for them: theirs show their name, their
/// rights and forms bound to their session. A kept page never holds a form token: a rendering that
/// contains this visitor's token, sets a cookie or is not a plain 200 is answered but not kept.
/// Most kept pages are answered before this, by `KeptPageResponder`; this makes and keeps them.
struct PublicPageCacheMiddleware: Middleware {
    func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        guard request.method == .GET, request.caller == nil, request.headers[.authorization].isEmpty else {
            return next.respond(to: request)
        }
        let cache = request.application.publicPageCache
        let uri = request.url.string
        // All on the event loop: a kept page costs its share of one single-row query and no task.
        return cache.stamp(for: request).flatMap { stamp in
            cache.claim(uri, at: stamp, on: request.eventLoop).flatMap { claim in
                switch claim {
                case .kept(let page):
                    return request.eventLoop.makeSucceededFuture(Self.answer(page, to: request))
                case .renderUnkept:
                    return next.respond(to: request)
                case .render:
                    return next.respond(to: request)
                        .map { response in
                            let page = Self.keepable(
                                response, csrfToken: request.csrfTokenIfMade,
                                route: RequestMonitoringMiddleware.pattern(of: request.route),
                                securityHeaders: request.application.securityHeaders)
                            cache.finish(uri, at: stamp, with: page)
                            return page.map { Self.answer($0, to: request) } ?? response
                        }
                        .flatMapErrorThrowing { error in
                            cache.finish(uri, at: stamp, with: nil)
                            throw error
                        }
                }
            }
        }
    }

    static func keepable(_ response: Response, csrfToken: String?, route: String, securityHeaders: SecurityHeadersMiddleware)
        -> PublicPageCache.Page?
    {
        guard response.status == .ok, response.headers[.setCookie].isEmpty, let body = response.body.buffer else { return nil }
        if let csrfToken, !csrfToken.isEmpty, body.readableBytesView.firstRange(of: Array(csrfToken.utf8)) != nil { return nil }
        // The handler's own headers (type, disposition, its caching) go with the page; the server
        // writes length and date for each answer.
        var headers = HTTPHeaders(response.headers.filter { name, _ in !Self.perAnswerHeaders.contains(name.lowercased()) })
        let entityTag = PublicPageCache.entityTag(of: body)
        headers.replaceOrAdd(name: .eTag, value: entityTag)
        // Unless the handler said otherwise (an image is immutable): kept by the browser, asked
        // about again each time, since content can change at any moment.
        if !headers.contains(name: .cacheControl) { headers.add(name: .cacheControl, value: "private, no-cache") }
        // What the outer middleware would add, added once here, so an answer from the kept page
        // before the middleware runs (`KeptPageResponder`) carries the same headers.
        securityHeaders.addHeaders(to: &headers)
        return PublicPageCache.Page(body: body, headers: headers, entityTag: entityTag, route: route)
    }

    static let perAnswerHeaders: Set<String> = ["content-length", "transfer-encoding", "connection", "date", "set-cookie"]

    static func answer(_ page: PublicPageCache.Page, to request: Request) -> Response {
        let asked = request.headers[.ifNoneMatch].flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }
        if asked.contains(page.entityTag) || asked.contains("*") {
            return Response(status: .notModified, headers: page.headers)
        }
        return Response(status: .ok, headers: page.headers, body: .init(buffer: page.body))
    }
}
