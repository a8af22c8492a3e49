import Foundation
import VanguardCore
import VanguardStore
import Vapor

/// Commenting, replying, editing, flagging, and the programme team's moderation.
enum CommentsController {
    /// The signed-in person as their comments are signed: name, role and organisation from their profile.
    static func author(_ request: Request) async throws -> CommentStore.Author {
        let person = try request.requirePerson()
        let registry = try await request.registry()
        let grants = person.roleGrants.sorted { $0.role < $1.role }
        let role: String = {
            guard let grant = grants.first else { return Role.member.name }
            if case .vanguard(let number) = grant.scope {
                return "\(grant.role.name), \(registry.vanguards.first { $0.number == number }?.name ?? "Vanguard \(number)")"
            }
            return grant.role.name
        }()
        return CommentStore.Author(
            id: person.id, name: person.displayName, role: role, organisation: person.organisation,
            isModerator: request.pageContext.allows(.moderateLearning), actor: person.actor)
    }

    @Sendable static func add(request: Request) async throws -> Response {
        let post = try await PostsController.findPost(request)
        let form = try request.content.decode([String: String].self)
        let body = (form["body"] ?? "").replacingOccurrences(of: "\r\n", with: "\n")
        let parent = (form["parent"] ?? "").isEmpty ? nil : Int(form["parent"] ?? "")
        do {
            let comment = try await CommentStore(on: request).add(
                to: post.id, replyingTo: parent, body: body, by: try await author(request))
            return request.redirect(to: SiteURL.learning(.post(post.slug)).path + "#comment-\(comment.number)", redirectType: .normal)
        } catch let error as ValidationError {
            guard post.status != .deleted else { throw AppError.badRequest(error.reason) }
            return try await PostsController.page(request, post: post, commentText: body, commentError: error.reason).response(
                status: .badRequest)
        }
    }

    static func findComment(_ request: Request) async throws -> (Comment, Post) {
        guard let number = Int(request.pathParameter("number")), let comment = try await CommentStore(on: request).comment(number: number),
            let post = try await LearningStore(on: request).post(id: comment.postID)
        else { throw AppError.notFound("The comment") }
        return (comment, post)
    }

    @Sendable static func edit(request: Request) async throws -> Response {
        let (comment, post) = try await findComment(request)
        let body = (try request.content.decode([String: String].self)["body"] ?? "").replacingOccurrences(of: "\r\n", with: "\n")
        do {
            _ = try await CommentStore(on: request).edit(number: comment.number, body: body, by: try await author(request))
            return request.redirect(to: SiteURL.learning(.post(post.slug)).path + "#comment-\(comment.number)", redirectType: .normal)
        } catch let error as ValidationError {
            return try await PostsController.page(
                request, post: post, notice: "Comment #\(comment.number) was not changed: \(error.reason)"
            ).response(status: .badRequest)
        }
    }

    @Sendable static func flag(request: Request) async throws -> Response {
        let (comment, post) = try await findComment(request)
        let reason = try request.content.decode([String: String].self)["reason"] ?? ""
        do {
            let flagged = try await CommentStore(on: request).flag(number: comment.number, reason: reason, by: try await author(request))
            let notice =
                flagged.status == .held
                ? "Thank you. Comment #\(comment.number) has been flagged by \(flagged.flagCount) members and is hidden until a moderator looks at it."
                : "Thank you. Comment #\(comment.number) is flagged for the moderators."
            return try await PostsController.page(request, post: post, notice: notice).response()
        } catch let error as ValidationError {
            return try await PostsController.page(request, post: post, notice: "Not flagged: \(error.reason)").response(status: .badRequest)
        }
    }

    /// The moderation page: the held comments and the blocked words.
    static func queuePage(_ request: Request, notice: String? = nil, error: String? = nil, status: HTTPResponseStatus = .ok) async throws
        -> Response
    {
        let store = CommentStore(on: request)
        return CommentQueuePage.document(
            try await store.queue(), blockedWords: try await store.blockedWords(), notice: notice, error: error,
            context: request.pageContext
        ).response(status: status)
    }

    @Sendable static func queue(request: Request) async throws -> Response {
        try await queuePage(request)
    }

    @Sendable static func blockWord(request: Request) async throws -> Response {
        let word = try request.content.decode([String: String].self)["word"] ?? ""
        do {
            try await CommentStore(on: request).blockWord(word, by: try request.requirePerson().actor)
            return try await queuePage(request, notice: "Comments containing ‘\(CommentModeration.normalised(word))’ will be held.")
        } catch let error as ValidationError {
            return try await queuePage(request, error: error.reason, status: .badRequest)
        }
    }

    @Sendable static func unblockWord(request: Request) async throws -> Response {
        let word = request.pathParameter("word")
        try await CommentStore(on: request).unblockWord(word, by: try request.requirePerson().actor)
        return try await queuePage(request, notice: "‘\(word)’ no longer holds comments.")
    }

    @Sendable static func moderate(request: Request) async throws -> Response {
        let (comment, _) = try await findComment(request)
        let form = try request.content.decode([String: String].self)
        let store = CommentStore(on: request)
        guard let decision = CommentModeration.Decision(rawValue: form["decision"] ?? "") else {
            return try await queuePage(request, error: "Choose approve, reject or hide", status: .badRequest)
        }
        do {
            let result = try await store.moderate(
                number: comment.number, decision: decision, reason: form["reason"] ?? "", by: try request.requirePerson().actor)
            return try await queuePage(request, notice: "Comment #\(result.number) is now \(result.status.name.lowercased()).")
        } catch let error as ValidationError {
            return try await queuePage(request, error: "#\(comment.number): \(error.reason)", status: .badRequest)
        }
    }
}
