import VanguardCore
import Vapor

/// Where a route's scope comes from: nowhere, or a path parameter naming a vanguard or organisation.
enum ScopeSource: Sendable {
    case none
    case vanguard(parameter: String)
    case organisation(parameter: String)

    func scope(of request: Request) -> Scope? {
        switch self {
        case .none: nil
        case .vanguard(let parameter): request.parameters.get(parameter, as: Int.self).map(Scope.vanguard)
        case .organisation(let parameter): request.parameters.get(parameter).map(Scope.organisation)
        }
    }
}

/// The most a route reads of a request body. Each route has its own (routes.swift).
struct BodyLimit: Sendable, Equatable {
    let bytes: Int

    /// Forms and JSON: far more than any form of the site sends.
    static let standard = BodyLimit(bytes: 1_000_000)
    /// A monthly returns file, with room for the multipart wrapping.
    static let returnsFile = BodyLimit(bytes: ReturnsFile.defaultMaximumBytes + 1_000_000)
    /// An image for a post, with room for the multipart wrapping.
    static let image = BodyLimit(bytes: PostImage.maximumBytes + 100_000)
}

/// Everything a route needs before its handler runs, in an order that makes nobody do work for a
/// caller who may not ask: first the permission matrix (the caller was read from the session or
/// token, without the body); then the declared size (413 at once); then the body, never more than
/// the route's limit; then, for a form, its CSRF token. Every route has one (routes.swift).
struct RouteGuard: Middleware {
    /// What proves a form was sent on purpose.
    enum FormProof: Sendable {
        /// The CSRF token of the page that held the form: every form but one.
        case csrfToken
        /// An unguessable secret in the address itself, which only its recipient holds: a mail
        /// client's one-click unsubscribe (RFC 8058) posts from outside any page, with no cookie.
        case secretInAddress
    }

    let action: Action
    let scope: ScopeSource
    let bodyLimit: BodyLimit
    var formProof = FormProof.csrfToken

    func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        do {
            if let refusal = try refusal(of: request) { return request.eventLoop.makeSucceededFuture(refusal) }
        } catch {
            return request.eventLoop.makeFailedFuture(error)
        }
        // Reading pages needs nothing more, and no hop off the event loop.
        guard request.method != .GET, request.method != .HEAD else { return next.respond(to: request) }
        return request.eventLoop.makeFutureWithTask { try await readBody(of: request) }.flatMap { next.respond(to: request) }
    }

    /// The declared size, the body within the route's limit, and a form's CSRF token.
    private func readBody(of request: Request) async throws {
        if let declared = request.headers.first(name: .contentLength).flatMap(Int.init), declared > bodyLimit.bytes {
            throw AppError.payloadTooLarge(limit: bodyLimit.bytes)
        }
        if request.body.data == nil {
            do {
                _ = try await request.body.collect(max: bodyLimit.bytes).get()
            } catch let error as any AbortError where error.status == .payloadTooLarge {
                throw AppError.payloadTooLarge(limit: bodyLimit.bytes)
            }
        }
        if !request.isAPI, formProof == .csrfToken {
            let submitted = try? request.content.get(String.self, at: CSRFMiddleware.fieldName)
            guard let submitted, Secrets.equal(request.csrfToken, submitted), request.cookies[request.cookieNames.csrf] != nil else {
                throw AppError.forbidden(
                    "The form could not be accepted because its security token is missing or out of date. Go back, reload the page and try again."
                )
            }
        }
    }

    /// Why the caller may not use this route, as a response (a redirect to sign in) or an error; nil when they may.
    func refusal(of request: Request) throws -> Response? {
        let isAPI = request.isAPI
        // Tokens are for the API; a session cookie never authorises an API write.
        if case .token = request.caller, !isAPI { throw AppError.forbidden("API tokens cannot be used for pages.") }
        if request.caller == nil, isAPI, action != .readPublic {
            throw AppError.unauthorized("Send an API token: Authorization: Bearer <token>.")
        }
        if case .person = request.caller, isAPI, action != .readPublic {
            throw AppError.unauthorized("API changes need an API token: Authorization: Bearer <token>.")
        }
        guard PermissionMatrix.allows(request.caller?.grants, action, on: scope.scope(of: request)) else {
            if request.caller == nil && !isAPI {
                return request.redirect(to: SiteURL.signIn.path(query: ["next": request.url.path]), redirectType: .normal)
            }
            throw AppError.forbidden("You do not have permission to \(action.summary.prefix(1).lowercased() + action.summary.dropFirst()).")
        }
        return nil
    }
}

extension Request {
    var isAPI: Bool { url.path.hasPrefix("/api/") }
}

extension Route {
    /// The action the route's permission check asks about, for the permission tests and page.
    var requiredAction: Action? {
        userInfo["vanguard.action"] as? Action
    }

    /// The most of a body the route reads.
    var bodyLimit: BodyLimit? {
        userInfo["vanguard.bodyLimit"] as? BodyLimit
    }
}

extension RoutesBuilder {
    /// Registers a route behind its guard, at an address stated once in `SiteURL`. Routes are only ever
    /// added through here. A public page (GET, `.readPublic`) is kept for anonymous visitors unless
    /// `caching` is `.never` (`PublicPageCacheMiddleware`).
    @discardableResult
    func on(
        _ method: HTTPMethod, _ url: SiteURL, action: Action, scope: ScopeSource = .none, body: BodyLimit = .standard,
        formProof: RouteGuard.FormProof = .csrfToken, caching: PageCaching = .whenPublic,
        use handler: @escaping @Sendable (Request) async throws -> some AsyncResponseEncodable
    ) -> Route {
        var guarded = grouped(RouteGuard(action: action, scope: scope, bodyLimit: body, formProof: formProof))
        if method == .GET, action == .readPublic, caching == .whenPublic { guarded = guarded.grouped(PublicPageCacheMiddleware()) }
        let route = guarded.on(method, url.pathComponents, body: .collect(maxSize: ByteCount(value: body.bytes)), use: handler)
        route.userInfo["vanguard.action"] = action
        route.userInfo["vanguard.bodyLimit"] = body
        return route
    }
}

/// Whether a route's answers may be kept for anonymous visitors.
enum PageCaching: Sendable {
    /// Kept when the route is a public page (GET, `.readPublic`).
    case whenPublic
    /// Made afresh every time: the answer is live (health, monitoring) or personal.
    case never
}
