import Vapor

/// Counts and times every request by its route's pattern (`/vanguards/:number`, not each
/// vanguard's address, which would make a series per page) and the status it ended with.
/// Outermost, so error pages and refusals are counted as they were answered.
struct RequestMonitoringMiddleware: AsyncMiddleware {
    let monitoring: Monitoring

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let started = ContinuousClock.now
        do {
            let response = try await next.respond(to: request)
            record(request, status: response.status, since: started)
            return response
        } catch {
            record(request, status: (error as? any AbortError)?.status ?? .internalServerError, since: started)
            throw error
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
