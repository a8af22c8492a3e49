import VanguardStore
import Vapor

/// Serves a public page to an anonymous visitor from `PublicPageCache` while the content it was made
/// from is unchanged, with an `ETag` a browser can send back for a 304.
///
/// Signed-in people and API tokens always get a page made for them: theirs show their name, their
/// rights and forms bound to their session. A kept page never holds a form token: a rendering that
/// contains this visitor's token, sets a cookie or is not a plain 200 is answered but not kept.
struct PublicPageCacheMiddleware: Middleware {
    func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        guard request.method == .GET, request.caller == nil, request.headers[.authorization].isEmpty else {
            return next.respond(to: request)
        }
        let cache = request.application.publicPageCache
        let uri = request.url.string
        let minute = Int64((request.now.timeIntervalSince1970 / 60).rounded(.down))
        // All on the event loop: a kept page costs one single-row query and no task.
        return ContentVersion.read(on: request.db)
            .flatMapErrorThrowing { error in throw request.databaseUnavailable(after: error) }
            .flatMap { version in
                let stamp = PublicPageCache.Stamp(version: version, minute: minute)
                return cache.claim(uri, at: stamp, on: request.eventLoop).flatMap { claim in
                    switch claim {
                    case .kept(let page):
                        return request.eventLoop.makeSucceededFuture(Self.answer(page, to: request))
                    case .renderUnkept:
                        return next.respond(to: request)
                    case .render:
                        return next.respond(to: request)
                            .map { response in
                                let page = Self.keepable(response, csrfToken: request.csrfTokenIfMade)
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

    static func keepable(_ response: Response, csrfToken: String?) -> PublicPageCache.Page? {
        guard response.status == .ok, response.headers[.setCookie].isEmpty, let body = response.body.buffer else { return nil }
        if let csrfToken, !csrfToken.isEmpty, body.readableBytesView.firstRange(of: Array(csrfToken.utf8)) != nil { return nil }
        // The handler's own headers (type, disposition, its caching) go with the page; the server
        // writes length and date for each answer.
        let headers = response.headers.filter { name, _ in !Self.perAnswerHeaders.contains(name.lowercased()) }
        return PublicPageCache.Page(
            body: body, headers: headers.map { ($0.name, $0.value) }, entityTag: PublicPageCache.entityTag(of: body))
    }

    static let perAnswerHeaders: Set<String> = ["content-length", "transfer-encoding", "connection", "date", "set-cookie"]

    static func answer(_ page: PublicPageCache.Page, to request: Request) -> Response {
        var headers = HTTPHeaders(page.headers)
        headers.replaceOrAdd(name: .eTag, value: page.entityTag)
        // Unless the handler said otherwise (an image is immutable): kept by the browser, asked
        // about again each time, since content can change at any moment.
        if !headers.contains(name: .cacheControl) { headers.add(name: .cacheControl, value: "private, no-cache") }
        let asked = request.headers[.ifNoneMatch].flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }
        if asked.contains(page.entityTag) || asked.contains("*") {
            return Response(status: .notModified, headers: headers)
        }
        return Response(status: .ok, headers: headers, body: .init(buffer: page.body))
    }
}
