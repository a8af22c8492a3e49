import Vapor
import VanguardCore

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

/// Consults the permission matrix before a route runs. Every route has one of these (routes.swift).
struct PermissionMiddleware: AsyncMiddleware {
    let action: Action
    let scope: ScopeSource

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let isAPI = request.url.path.hasPrefix("/api/")
        // Tokens are for the API; a session cookie never authorises an API write.
        if case .token = request.caller, !isAPI { throw AppError.forbidden("API tokens cannot be used for pages.") }
        if request.caller == nil, isAPI, action != .readPublic {
            throw AppError.unauthorized("Send an API token: Authorization: Bearer <token>.")
        }
        if case .person = request.caller, isAPI, action != .readPublic {
            throw AppError.unauthorized("API changes need an API token: Authorization: Bearer <token>.")
        }
        let grants = request.caller?.grants
        guard PermissionMatrix.allows(grants, action, on: scope.scope(of: request)) else {
            if request.caller == nil && !isAPI {
                let next = request.url.path
                return request.redirect(to: SiteURL.signIn.path(query: ["next": next]), redirectType: .normal)
            }
            throw AppError.forbidden("You do not have permission to \(action.summary.prefix(1).lowercased() + action.summary.dropFirst()).")
        }
        return try await next.respond(to: request)
    }
}

extension Route {
    /// The action the route's permission check asks about, for the permission tests and page.
    var requiredAction: Action? {
        userInfo["vanguard.action"] as? Action
    }
}

extension RoutesBuilder {
    /// Registers a route with its permission check. Routes are only ever added through here.
    @discardableResult
    func on(
        _ method: HTTPMethod, _ path: PathComponent..., action: Action, scope: ScopeSource = .none, body: HTTPBodyStreamStrategy = .collect,
        use handler: @escaping @Sendable (Request) async throws -> some AsyncResponseEncodable
    ) -> Route {
        let route = grouped(PermissionMiddleware(action: action, scope: scope)).on(method, path, body: body, use: handler)
        route.userInfo["vanguard.action"] = action
        return route
    }
}
