import Vapor

/// Serves `/assets/*` from the committed `Public/` folder and `/assets/vendor/*` from the files
/// fetched at set-up. Only these two folders are reachable, by name, never by `..`.
struct AssetMiddleware: Middleware {
    let publicDirectory: URL
    let vendorDirectory: URL

    static let vendorFiles = [
        "nhsuk-frontend.min.css": "nhsuk-frontend/nhsuk-frontend.min.css",
        "nhsuk-frontend.min.js": "nhsuk-frontend/nhsuk-frontend.min.js",
    ]

    func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        let path = request.url.path
        guard request.method == .GET || request.method == .HEAD, path.hasPrefix("/assets/") else {
            return next.respond(to: request)
        }
        return request.eventLoop.makeFutureWithTask { try await asset(at: path, for: request) }
    }

    private func asset(at path: String, for request: Request) async throws -> Response {
        let name = String(path.dropFirst("/assets/".count))
        let file: URL
        if name.hasPrefix("vendor/") {
            guard let relative = Self.vendorFiles[String(name.dropFirst("vendor/".count))] else {
                throw AppError.notFound("The file \(name)")
            }
            file = vendorDirectory.appendingPathComponent(relative)
        } else {
            guard !name.isEmpty, !name.contains("/"), !name.hasPrefix(".") else { throw AppError.notFound("The file \(name)") }
            file = publicDirectory.appendingPathComponent(name)
        }
        guard FileManager.default.fileExists(atPath: file.path) else { throw AppError.notFound("The file \(name)") }
        let response = try await request.fileio.asyncStreamFile(at: file.path)
        response.headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=3600")
        return response
    }
}
