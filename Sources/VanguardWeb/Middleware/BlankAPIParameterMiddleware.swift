import Vapor

/// Refuses an API query parameter sent with no value (`?region=`), naming it: a program that sends
/// one has usually lost a value on the way, and reading it as "no filter" would answer a question
/// it did not ask. Free text (`q`) may be empty, as the OpenAPI document says. The pages' forms
/// send empty choices for "any", and keep reading them so.
struct BlankAPIParameterMiddleware: Middleware {
    static let mayBeEmpty: Set<String> = ["q"]

    func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        if request.url.path.hasPrefix("/api/"), let blank = Self.blankParameters(in: request.url.query).first {
            return request.eventLoop.makeFailedFuture(AppError.badRequest("\(blank) was sent with no value; give it one, or leave it out."))
        }
        return next.respond(to: request)
    }

    static func blankParameters(in query: String?) -> [String] {
        guard let query, !query.isEmpty else { return [] }
        return query.split(separator: "&", omittingEmptySubsequences: true).compactMap { item in
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(parts[0]).removingPercentEncoding ?? String(parts[0])
            let value = parts.count > 1 ? parts[1] : ""
            return value.isEmpty && !mayBeEmpty.contains(name) ? name : nil
        }
    }
}
