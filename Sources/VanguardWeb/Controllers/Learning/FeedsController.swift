import Foundation
import VanguardCore
import VanguardStore
import Vapor

/// Atom feeds: every post, a category's (with those nested in it), a care model's, a vanguard's.
enum FeedsController {
    @Sendable static func all(request: Request) async throws -> Response {
        try await feed(request, title: "Vanguard: every post", path: .learning(.feed), page: .learning(.home), filter: .init())
    }

    @Sendable static func category(request: Request) async throws -> Response {
        let tree = try await LearningStore(on: request).categories()
        let slug = request.pathParameter("slug")
        guard tree.category(slug) != nil else { throw AppError.notFound("The category") }
        return try await feed(
            request, title: "Vanguard: \(tree.label(slug))", path: .learning(.categoryFeed(slug)), page: .learning(.category(slug)),
            filter: .category(slug, in: tree))
    }

    @Sendable static func careModel(request: Request) async throws -> Response {
        guard let model = CareModel(abbreviation: request.pathParameter("code")) else { throw AppError.notFound("The care model") }
        return try await feed(
            request, title: "Vanguard: \(model.name)", path: .learning(.careModelFeed(model.rawValue)),
            page: .learning(.careModel(model.rawValue)),
            filter: .init(topics: ["care_model:\(model.rawValue)"]))
    }

    @Sendable static func vanguard(request: Request) async throws -> Response {
        let registry = try await request.registry()
        guard let number = Int(request.pathParameter("number")), let vanguard = registry.vanguards.first(where: { $0.number == number })
        else {
            throw AppError.notFound("The vanguard")
        }
        return try await feed(
            request, title: "Vanguard: posts from \(vanguard.name)", path: .learning(.vanguardFeed(number)), page: .vanguard(number),
            filter: .init(vanguard: number))
    }

    static func feed(_ request: Request, title: String, path: SiteURL, page: SiteURL, filter: LearningStore.Filter) async throws -> Response
    {
        let posts = try await LearningStore(on: request).published(filter, limit: 50)
        let base = request.application.appConfig.publicURL
        let feed = AtomFeed(
            id: base + path.path, title: title, selfURL: base + path.path, pageURL: base + page.path,
            emptyUpdated: Date(timeIntervalSince1970: 1_420_070_400),  // 1 January 2015, the programme's year, for a feed with nothing yet
            entries: posts.map { post in
                AtomFeed.Entry(
                    id: "urn:uuid:\(post.id.uuidString.lowercased())", title: post.content.title,
                    url: base + SiteURL.learning(.post(post.slug)).path,
                    published: post.publishAt ?? post.createdAt, updated: max(post.updatedAt, post.publishAt ?? post.createdAt),
                    authorName: post.authorName,
                    summary: post.content.summary, contentHTML: contentHTML(post),
                    categories: post.content.careModels.map { ($0.rawValue, $0.name) } + post.content.categorySlugs.map { ($0, $0) }
                )
            }
        )
        let response = Response(status: .ok, body: .init(string: feed.xml))
        response.headers.replaceOrAdd(name: .contentType, value: "application/atom+xml; charset=utf-8")
        return response
    }

    /// The same safe HTML the post page shows (rendered when saved), the case study's parts under their headings.
    static func contentHTML(_ post: Post) -> String {
        var html = post.html["body"]
        for section in post.content.caseStudy?.sections ?? [] {
            html += "<h2>\(AtomFeed.escape(section.heading))</h2>" + post.html[section.field]
        }
        return html
    }
}
