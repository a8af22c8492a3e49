import Foundation
import VanguardCore
import VanguardStore
import Vapor

/// The API reads what the pages show: calls and their funnels, published posts and case studies,
/// events, innovations with their adoptions, and each vanguard's evaluations.
enum ReadingAPIController {
    static func base(_ request: Request) -> String { request.application.appConfig.publicURL }

    // MARK: Calls

    @Sendable static func calls(request: Request) async throws -> [CallDTO] {
        let now = request.now
        var calls: [CallDTO] = []
        for call in try await SelectionStore(on: request).calls() where call.phase(at: now) != .upcoming {
            calls.append(try await dto(call, request: request, now: now))
        }
        return calls
    }

    @Sendable static func call(request: Request) async throws -> CallDTO {
        let call = try await CallsController.find(request)
        guard call.phase(at: request.now) != .upcoming else { throw AppError.notFound("The call") }
        return try await dto(call, request: request, now: request.now)
    }

    /// The funnel and outcomes are published once the call has closed, as on its page.
    static func dto(_ call: Call, request: Request, now: Date) async throws -> CallDTO {
        let phase = call.phase(at: now)
        var funnel: CallDTO.Funnel?
        var selected: [CallDTO.Selected] = [], fastFollowers: [String] = []
        if phase == .closed {
            let store = SelectionStore(on: request)
            let all = try await store.applications(to: call.id)
            let decisions = try await store.decisions(all.map(\.id))
            let registry = try await request.registry()
            funnel = CallDTO.Funnel(SelectionFunnel(applications: all, decisions: decisions, registry: registry))
            selected = all.compactMap { application in
                decisions[application.id]?.vanguardNumber.map {
                    CallDTO.Selected(partnership: ApplicationPage.title(of: application), vanguardNumber: $0)
                }
            }
            fastFollowers = all.filter { $0.status == .fastFollower }.map(ApplicationPage.title(of:))
        }
        return CallDTO(
            id: call.id, title: call.title, description: call.description, opensAt: call.opensAt, closesAt: call.closesAt,
            phase: phase.rawValue, careModels: call.careModels.map(\.rawValue), url: base(request) + SiteURL.call(call.id).path,
            funnel: funnel, selected: selected, fastFollowers: fastFollowers)
    }

    // MARK: Learning

    /// Published posts, newest first; `kind` and `vanguard` narrow them.
    @Sendable static func posts(request: Request) async throws -> [PostDTO] {
        var filter = LearningStore.Filter()
        if let kind = request.queryValue("kind").nonBlank {
            guard let parsed = PostKind(rawValue: kind) else {
                throw AppError(
                    InvalidParameter(
                        name: "kind", value: kind, allowed: "one of \(PostKind.allCases.map(\.rawValue).joined(separator: ", "))"))
            }
            filter.kind = parsed
        }
        if let vanguard = request.queryValue("vanguard").nonBlank {
            filter.vanguard = try PagesController.findVanguard(vanguard, in: try await request.registry()).number
        }
        return try await LearningStore(on: request).published(filter).map { PostDTO($0, base: base(request)) }
    }

    @Sendable static func post(request: Request) async throws -> PostDTO {
        let slug = request.pathParameter("slug")
        guard let post = try await LearningStore(on: request).post(slug: slug), post.isVisible(at: request.now) else {
            throw AppError.notFound("The post \(slug)")
        }
        return PostDTO(post, base: base(request))
    }

    @Sendable static func events(request: Request) async throws -> [EventDTO] {
        try await EventStore(on: request).events().map { EventDTO($0.event, taken: $0.taken, base: base(request)) }
    }

    @Sendable static func innovations(request: Request) async throws -> [InnovationDTO] {
        let store = InnovationStore(on: request)
        var innovations: [InnovationDTO] = []
        for innovation in try await store.innovations() {
            innovations.append(InnovationDTO(innovation, adoptions: try await store.adoptions(of: innovation.slug), base: base(request)))
        }
        return innovations
    }

    @Sendable static func innovation(request: Request) async throws -> InnovationDTO {
        let store = InnovationStore(on: request)
        let slug = request.pathParameter("slug")
        guard let innovation = try await store.innovation(slug) else { throw AppError.notFound("The innovation \(slug)") }
        return InnovationDTO(innovation, adoptions: try await store.adoptions(of: slug), base: base(request))
    }

    // MARK: Evaluations

    /// A vanguard's dashboard as JSON, one entry per metric of its care model with returns.
    @Sendable static func evaluations(request: Request) async throws -> [VanguardEvaluationDTO] {
        let model = try await DashboardController.model(request)
        return model.rows.map {
            VanguardEvaluationDTO(
                metric: $0.metric, evaluation: $0.evaluation, restOfEngland: $0.restOfEngland, isGenerated: model.isGenerated)
        }
    }
}
