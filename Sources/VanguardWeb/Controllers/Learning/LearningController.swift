import Foundation
import VanguardCore
import VanguardStore
import Vapor

/// The learning space's lists: the front page, and the pages of a category, care model or tag.
enum LearningController {
    @Sendable static func home(request: Request) async throws -> Response {
        let store = LearningStore(on: request)
        let kind = request.queryValue("kind").flatMap(PostKind.init(rawValue:))
        let context = request.pageContext
        let unpublished: [Post]
        if context.allows(.moderateLearning) {
            unpublished = try await store.unpublished(author: nil)
        } else if context.allows(.writePosts), let person = try? request.requirePerson() {
            unpublished = try await store.unpublished(author: person.id)
        } else {
            unpublished = []
        }
        let model = LearningPage.Model(
            posts: try await store.published(.init(kind: kind), limit: 50), kind: kind, categories: try await store.categories(),
            tags: try await store.workStreamTags(), unpublished: unpublished, now: request.now)
        return LearningPage.document(model, context: context).response()
    }

    @Sendable static func category(request: Request) async throws -> Response {
        let store = LearningStore(on: request)
        let tree = try await store.categories()
        let slug = request.pathParameter("slug")
        guard tree.category(slug) != nil else { throw AppError.notFound("The category") }
        let trail = tree.trail(to: slug)
        let model = TopicPage.Model(
            title: tree.category(slug)!.name, caption: "Category", trail: trail.dropLast().map { ($0.name, .learning(.category($0.slug))) },
            posts: try await store.published(.category(slug, in: tree)), feed: .learning(.categoryFeed(slug)),
            children: tree.children(of: slug))
        return TopicPage.document(model, context: request.pageContext).response()
    }

    @Sendable static func careModel(request: Request) async throws -> Response {
        guard let model = CareModel(abbreviation: request.pathParameter("code")) else { throw AppError.notFound("The care model") }
        let posts = try await LearningStore(on: request).published(.init(topics: ["care_model:\(model.rawValue)"]))
        let page = TopicPage.Model(
            title: model.name, caption: "Care model \(model.abbreviation)", trail: [], posts: posts,
            feed: .learning(.careModelFeed(model.rawValue)), children: [])
        return TopicPage.document(page, context: request.pageContext).response()
    }

    @Sendable static func tag(request: Request) async throws -> Response {
        let tag = request.pathParameter("tag").lowercased()
        let posts = try await LearningStore(on: request).published(.init(topics: ["tag:\(tag)"]))
        guard !posts.isEmpty else { throw AppError.notFound("The work stream tag") }
        let page = TopicPage.Model(title: tag, caption: "Work stream", trail: [], posts: posts, feed: nil, children: [])
        return TopicPage.document(page, context: request.pageContext).response()
    }

    @Sendable static func addCategory(request: Request) async throws -> Response {
        let form = try request.content.decode([String: String].self)
        let parent = (form["parent"] ?? "").isEmpty ? nil : form["parent"]
        do {
            let category = try await LearningStore(on: request).addCategory(
                name: form["name"] ?? "", parentSlug: parent, by: try request.requirePerson().actor)
            return request.redirect(to: SiteURL.learning(.category(category.slug)).path, redirectType: .normal)
        } catch let error as ValidationError {
            throw AppError.badRequest("The category was not added: \(error.reason)")
        }
    }
}
