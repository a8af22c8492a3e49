import Foundation
import Plot
import VanguardCore
import VanguardStore
import Vapor

/// Reading, writing and editing posts. Site leads write for their own vanguard; the programme
/// team writes anything. Drafts and scheduled posts are seen only by those who may edit them.
enum PostsController {
    static func findPost(_ request: Request) async throws -> Post {
        guard let post = try await LearningStore(on: request).post(slug: request.pathParameter("slug")) else {
            throw AppError.notFound("The post")
        }
        return post
    }

    /// Whether the caller may write a post about this vanguard (nil: programme-wide).
    static func mayWrite(about vanguard: Int?, context: PageContext) -> Bool {
        guard let vanguard else { return context.isProgrammeTeam }
        return context.allows(.writePosts, on: .vanguard(vanguard))
    }

    static func mayEdit(_ post: Post, request: Request) -> Bool {
        let context = request.pageContext
        return post.status != .deleted && mayWrite(about: post.content.vanguardNumber, context: context)
    }

    @Sendable static func show(request: Request) async throws -> Response {
        let post = try await findPost(request)
        return try await page(request, post: post).response()
    }

    static func page(_ request: Request, post: Post, commentText: String = "", commentError: String? = nil, notice: String? = nil)
        async throws -> HTML
    {
        let now = request.now
        let canEdit = mayEdit(post, request: request)
        guard post.isVisible(at: now) || canEdit || request.pageContext.isProgrammeTeam else { throw AppError.notFound("The post") }
        let registry = try await request.registry()
        var evidence: [PostPage.Evidence] = []
        var generated = false
        if post.content.kind == .caseStudy, let number = post.content.vanguardNumber {
            let metrics = try await ReturnsStore(on: request).metrics()
            let evaluations = try await EvaluationStore(on: request).evaluations(vanguard: number)
            let impacts = ImpactStore(on: request)
            for code in post.content.metricCodes {
                guard let metric = metrics.first(where: { $0.code == code }) else { continue }
                evidence.append(
                    .init(
                        metric: metric, evaluation: evaluations.vanguard.first { $0.metricCode == code },
                        restOfEngland: evaluations.restOfEngland[code], impact: try await impacts.impact(vanguard: number, metric: code)))
            }
            generated = try await EvaluationStore(on: request).hasGeneratedData()
        }
        let model = PostPage.Model(
            post: post, vanguardName: registry.vanguards.first { $0.number == post.content.vanguardNumber }?.name,
            innovationName: post.content.innovation == nil
                ? nil : try await InnovationStore(on: request).innovation(post.content.innovation!)?.name,
            categories: try await LearningStore(on: request).categories(), evidence: evidence, isGenerated: generated,
            comments: try await CommentStore(on: request).comments(on: post.id), viewer: try? request.requirePerson().id,
            canEdit: canEdit, now: now, commentText: commentText, commentError: commentError, notice: notice
        )
        return PostPage.document(model, context: request.pageContext)
    }

    @Sendable static func revisions(request: Request) async throws -> Response {
        let post = try await findPost(request)
        guard post.isVisible(at: request.now) || mayEdit(post, request: request) else { throw AppError.notFound("The post") }
        let revisions = try await LearningStore(on: request).revisions(of: post.id)
        return RevisionsPage.document(post, revisions: revisions, context: request.pageContext).response()
    }

    static func formPage(
        _ request: Request, title: String, action: SiteURL, values: PostForm, errors: [String: String], deletable: SiteURL?
    ) async throws -> HTML {
        let registry = try await request.registry()
        let context = request.pageContext
        let model = PostFormPage.Model(
            title: title, action: action, values: values, errors: errors,
            vanguards: registry.vanguards.filter { context.isProgrammeTeam || context.allows(.writePosts, on: .vanguard($0.number)) },
            metrics: try await ReturnsStore(on: request).metrics(), categories: try await LearningStore(on: request).categories(),
            innovations: try await InnovationStore(on: request).innovations(), canDelete: deletable
        )
        return PostFormPage.document(model, context: context)
    }

    @Sendable static func newForm(request: Request) async throws -> Response {
        var values = PostForm()
        values.kind = request.queryValue("kind") ?? PostKind.blog.rawValue
        values.status = "draft"
        return try await formPage(request, title: "Write a post", action: .learning(.newPost), values: values, errors: [:], deletable: nil)
            .response()
    }

    @Sendable static func create(request: Request) async throws -> Response {
        let form = try request.content.decode(PostForm.self)
        let person = try request.requirePerson()
        switch try await read(form, request: request) {
        case .failure(let errors):
            return try await formPage(
                request, title: "Write a post", action: .learning(.newPost), values: form, errors: errors.byField, deletable: nil
            )
            .response(status: .badRequest)
        case .success(let reading):
            do {
                let post = try await LearningStore(on: request).create(
                    reading.content, status: reading.status, publishAt: reading.publishAt,
                    author: person.id, authorName: person.displayName, by: person.actor)
                return request.redirect(to: SiteURL.learning(.post(post.slug)).path, redirectType: .normal)
            } catch let error as ValidationError {
                return try await formPage(
                    request, title: "Write a post", action: .learning(.newPost), values: form, errors: error.byField, deletable: nil
                )
                .response(status: .badRequest)
            }
        }
    }

    /// Reads the form and checks the caller may write about the vanguard it names, and the content's rules.
    static func read(_ form: PostForm, request: Request) async throws -> Result<
        (content: PostContent, status: PostStatus, publishAt: Date?), FieldErrors
    > {
        let result = form.read()
        guard case .success(let reading) = result else { return result }
        var errors: [String: String] = [:]
        if !mayWrite(about: reading.content.vanguardNumber, context: request.pageContext) {
            errors["vanguard"] =
                reading.content.vanguardNumber == nil
                ? "Choose your vanguard: programme-wide posts are written by the programme team"
                : "You write for your own vanguard only"
        }
        for problem in try await LearningStore(on: request).problems(in: reading.content) where errors[problem.field] == nil {
            errors[problem.field] = problem.reason
        }
        return errors.isEmpty ? result : .failure(FieldErrors(byField: errors))
    }

    @Sendable static func editForm(request: Request) async throws -> Response {
        let post = try await findPost(request)
        guard mayEdit(post, request: request) else {
            throw AppError.forbidden("Only the programme team and the vanguard's site leads can edit this post")
        }
        return try await formPage(
            request, title: "Edit: \(post.content.title)", action: .learning(.editPost(post.slug)), values: PostForm(post), errors: [:],
            deletable: .learning(.deletePost(post.slug))
        ).response()
    }

    @Sendable static func save(request: Request) async throws -> Response {
        let post = try await findPost(request)
        guard mayEdit(post, request: request) else {
            throw AppError.forbidden("Only the programme team and the vanguard's site leads can edit this post")
        }
        let form = try request.content.decode(PostForm.self)
        let title = "Edit: \(post.content.title)"
        switch try await read(form, request: request) {
        case .failure(let errors):
            return try await formPage(
                request, title: title, action: .learning(.editPost(post.slug)), values: form, errors: errors.byField,
                deletable: .learning(.deletePost(post.slug))
            ).response(status: .badRequest)
        case .success(let reading):
            do {
                _ = try await LearningStore(on: request).revise(
                    post.id, reading.content, status: reading.status, publishAt: reading.publishAt,
                    by: try request.requirePerson().actor)
                return request.redirect(to: SiteURL.learning(.post(post.slug)).path, redirectType: .normal)
            } catch let error as ValidationError {
                return try await formPage(
                    request, title: title, action: .learning(.editPost(post.slug)), values: form, errors: error.byField,
                    deletable: .learning(.deletePost(post.slug))
                ).response(status: .badRequest)
            }
        }
    }

    @Sendable static func delete(request: Request) async throws -> Response {
        let post = try await findPost(request)
        guard mayEdit(post, request: request) else {
            throw AppError.forbidden("Only the programme team and the vanguard's site leads can delete this post")
        }
        try await LearningStore(on: request).delete(post.id, by: try request.requirePerson().actor)
        return request.redirect(to: SiteURL.learning(.home).path, redirectType: .normal)
    }
}
