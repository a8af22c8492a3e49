import Vapor

/// Answers a method the address does not take with 405 and the methods it does take (RFC 9110
/// §15.5.6), where the router alone would say 404 as if the address did not exist.
///
/// Built from the routes once they are all registered, so it never disagrees with them.
struct MethodNotAllowedMiddleware: Middleware {
    let routes: [(method: HTTPMethod, path: [PathComponent])]

    init(routes: [Route]) {
        self.routes = routes.map { ($0.method, $0.path) }
    }

    func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        next.respond(to: request).flatMapErrorThrowing { error in
            guard error is RouteNotFound else { throw error }
            let allowed = allowedMethods(at: request.url.path)
            guard !allowed.isEmpty else { throw error }
            throw Abort(
                .methodNotAllowed, headers: ["Allow": allowed.joined(separator: ", ")],
                reason: "\(request.method.rawValue) is not allowed here; this address takes \(allowed.joined(separator: ", "))."
            )
        }
    }

    /// The methods registered for a concrete path, HEAD wherever GET is (the server answers it).
    func allowedMethods(at path: String) -> [String] {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        var methods = Set(routes.filter { Self.matches($0.path, parts) }.map(\.method.rawValue))
        if methods.contains("GET") { methods.insert("HEAD") }
        return methods.sorted()
    }

    static func matches(_ pattern: [PathComponent], _ parts: [String]) -> Bool {
        for (index, component) in pattern.enumerated() {
            switch component {
            case .catchall: return index < parts.count
            case .constant(let text): if index >= parts.count || parts[index] != text { return false }
            case .parameter, .anything: if index >= parts.count { return false }
            }
        }
        return pattern.count == parts.count
    }
}
