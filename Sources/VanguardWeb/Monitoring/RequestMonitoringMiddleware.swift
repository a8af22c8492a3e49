import Vapor

/// Counts and times every request by its route's pattern (`/vanguards/:number`, not each
/// vanguard's address, which would make a series per page) and the status it ended with.
/// Outermost, so error pages and refusals are counted as they were answered.
struct RequestMonitoringMiddleware: Middleware {
    let monitoring: Monitoring

    func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        let started = ContinuousClock.now
        return next.respond(to: request).always { outcome in
            switch outcome {
            case .success(let response): record(request, status: response.status, since: started)
            case .failure(let error): record(request, status: (error as? any AbortError)?.status ?? .internalServerError, since: started)
            }
        }
    }

    func record(_ request: Request, status: HTTPResponseStatus, since started: ContinuousClock.Instant) {
        monitoring.requestFinished(
            method: request.method, route: Self.pattern(of: request.route), status: status, after: ContinuousClock.now - started)
    }

    /// A request no route matched is counted under one name, whatever it asked for.
    static func pattern(of route: Route?) -> String {
        guard let route else { return "unmatched" }
        return "/" + route.path.map(\.description).joined(separator: "/")
    }
}
