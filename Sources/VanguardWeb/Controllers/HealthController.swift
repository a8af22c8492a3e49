import Fluent
import VanguardStore
import Vapor

/// `/healthz`: whether the app can read its database, for load balancers and people alike.
enum HealthController {
    struct HealthDTO: Content, Equatable {
        let status: String
        let database: String
        let vanguards: Int?
        let reason: String?
    }

    @Sendable static func health(request: Request) async throws -> Response {
        let kind = request.application.appConfig.database.isPostgres ? "postgres" : "sqlite"
        var response: Response
        do {
            let counts = try await RegistryStore(on: request).counts()
            response = Response(status: .ok)
            try response.content.encode(HealthDTO(status: "ok", database: kind, vanguards: counts["vanguards"], reason: nil), as: .json)
        } catch {
            request.logger.warning("health check: database unavailable", metadata: ["error": "\(String(reflecting: error))"])
            response = Response(status: .serviceUnavailable)
            try response.content.encode(
                HealthDTO(status: "unavailable", database: kind, vanguards: nil, reason: "the \(kind) database cannot be reached"),
                as: .json
            )
        }
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }
}
