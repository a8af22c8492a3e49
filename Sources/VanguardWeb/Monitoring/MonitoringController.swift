import VanguardCore
import VanguardStore
import Vapor

/// `GET /metrics`: Prometheus text for scrapers. The address once served the metric framework
/// page, so a browser (which asks for HTML) is sent on to where the page now lives.
enum MonitoringController {
    @Sendable static func scrape(request: Request) async throws -> Response {
        if prefersHTML(request.headers[.accept]) {
            return request.redirect(to: SiteURL.metricFramework.path, redirectType: .permanent)
        }
        let monitoring = request.application.monitoring
        do {
            let store = JobStore(on: request)
            let depth = try await store.queueDepth()
            monitoring.queue(counts: try await store.countsByState(), oldestDue: depth.oldestDue, now: request.now)
            monitoring.databaseReachable(true)
        } catch {
            // A scrape still answers when the database is away: that is when the figures matter most.
            monitoring.databaseReachable(false)
        }
        let response = Response(status: .ok, body: .init(string: monitoring.exposition()))
        response.headers.replaceOrAdd(name: .contentType, value: "text/plain; version=0.0.4; charset=utf-8")
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    /// Browsers put text/html first; Prometheus asks for its own formats and text/plain.
    static func prefersHTML(_ accept: [String]) -> Bool {
        accept.joined(separator: ",").split(separator: ",").contains { $0.trimmingCharacters(in: .whitespaces).hasPrefix("text/html") }
    }
}
