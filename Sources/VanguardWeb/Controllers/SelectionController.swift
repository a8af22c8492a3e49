import Foundation
import Plot
import VanguardCore
import VanguardStore
import Vapor

/// The programme team's side of selection: assign assessors, moderate, rank, shortlist, decide.
enum SelectionController {
    /// Accounts holding the assessor role, by name.
    static func assessors(_ request: Request) async throws -> [Account] {
        try await request.accounts.accounts().filter { $0.roleGrants.contains { $0.role == .assessor } }.sorted {
            $0.displayName < $1.displayName
        }
    }

    // MARK: The call's board

    @Sendable static func board(request: Request) async throws -> Response {
        let call = try await CallsController.find(request)
        return try await boardPage(request, call: call, errors: [:]).response()
    }

    static func boardPage(_ request: Request, call: Call, errors: [String: String], status: HTTPResponseStatus = .ok) async throws -> HTML {
        let selection = SelectionStore(on: request)
        let applications = try await selection.applications(to: call.id).filter { $0.status != .draft }
        let ids = applications.map(\.id)
        let tasks = try await AssessmentStore(on: request).assessments(applications: ids)
        let moderated = try await AssessmentStore(on: request).moderated(applications: ids)
        let decisions = try await selection.decisions(ids)
        let rows = applications.map { application in
            SelectionBoardPage.Row(
                application: application,
                tasks: tasks.filter { $0.applicationID == application.id },
                totals: Dictionary(
                    uniqueKeysWithValues: AssessmentStage.allCases.map { stage in
                        (
                            stage,
                            total(
                                call: call, tasks: tasks.filter { $0.applicationID == application.id && $0.stage == stage },
                                moderated: moderated[application.id]?[stage] ?? [])
                        )
                    }),
                decision: decisions[application.id]
            )
        }
        return SelectionBoardPage.document(
            .init(call: call, rows: rows, assessorCount: try await assessors(request).count, errors: errors), context: request.pageContext)
    }

    /// The weighted percentage from submitted scores, with agreed scores where moderation set them.
    static func total(call: Call, tasks: [Assessment], moderated: [ModeratedScore]) -> Double? {
        let sheets = tasks.compactMap(\.sheet)
        guard !sheets.isEmpty else { return nil }
        let agreed = Dictionary(moderated.map { ($0.criterion, $0.score) }, uniquingKeysWith: { first, _ in first })
        return WeightedScore.percentage(
            criteria: call.criteria, scores: WeightedScore.moderated(criteria: call.criteria, sheets: sheets, agreed: agreed))
    }

    @Sendable static func assign(request: Request) async throws -> Response {
        let call = try await CallsController.find(request)
        let person = try request.requirePerson()
        let form = try request.content.decode([String: String].self)
        let stage = AssessmentStage(rawValue: form["stage"] ?? "") ?? .application
        guard let perApplication = Int(form["per_application"] ?? "") else {
            return try await boardPage(
                request, call: call, errors: ["per_application": "Give the number of assessors each application needs"]
            ).response(status: .badRequest)
        }
        let wanted: Set<ApplicationStatus> = stage == .application ? [.submitted, .shortlisted] : [.shortlisted]
        let applications = try await SelectionStore(on: request).applications(to: call.id).filter { wanted.contains($0.status) }
        do {
            try await AssessmentStore(on: request).assignAutomatically(
                applications: applications, assessors: try await assessors(request).map(\.id), perApplication: perApplication, stage: stage,
                by: person.actor)
        } catch let error as ValidationError {
            return try await boardPage(request, call: call, errors: error.byField).response(status: .badRequest)
        }
        return request.redirect(to: SiteURL.selectionBoard(call.id).path, redirectType: .normal)
    }

    // MARK: One application

    @Sendable static func application(request: Request) async throws -> Response {
        let (application, call) = try await ApplicationsController.lookup(request)
        return try await applicationPage(request, application: application, call: call, errors: [:]).response()
    }

    static func applicationPage(_ request: Request, application: CallApplication, call: Call, errors: [String: String]) async throws -> HTML
    {
        let store = AssessmentStore(on: request)
        var stages: [ApplicationAssessmentPage.Stage] = []
        for stage in AssessmentStage.allCases {
            let tasks = try await store.assessments(application: application.id, stage: stage)
            let moderated = try await store.moderated(application: application.id, stage: stage)
            if tasks.isEmpty && stage == .presentation { continue }
            stages.append(
                .init(
                    stage: stage, tasks: tasks, moderated: moderated, total: total(call: call, tasks: tasks, moderated: moderated),
                    spread: WeightedScore.spread(criteria: call.criteria, of: tasks.compactMap(\.sheet))))
        }
        return ApplicationAssessmentPage.document(
            .init(
                application: application, call: call, stages: stages, assessors: try await assessors(request),
                decision: try await SelectionStore(on: request).decision(application.id),
                partnerMatches: PartnerMatch.match(
                    application.content.partners, directory: try await RegistryStore(on: request).registry().organisations),
                errors: errors),
            context: request.pageContext
        )
    }

    /// Runs a change to one application and shows the application again, with the refusal if any.
    static func change(_ request: Request, _ body: (CallApplication, Call, [String: String], Account) async throws -> Void) async throws
        -> Response
    {
        let (application, call) = try await ApplicationsController.lookup(request)
        let form = try request.content.decode([String: String].self)
        do {
            try await body(application, call, form, try request.requirePerson())
        } catch let error as ValidationError {
            return try await applicationPage(request, application: application, call: call, errors: error.byField).response(
                status: .badRequest)
        }
        return request.redirect(to: SiteURL.applicationAssessment(application.id).path, redirectType: .normal)
    }

    @Sendable static func addAssessor(request: Request) async throws -> Response {
        try await change(request) { application, _, form, person in
            guard let assessor = UUID(uuidString: form["assessor"] ?? ""),
                try await assessors(request).contains(where: { $0.id == assessor })
            else {
                throw ValidationError.invalid(field: "assessor", reason: "Choose an account that holds the assessor role")
            }
            try await AssessmentStore(on: request).addAssessor(
                assessor, to: application,
                stage: AssessmentStage(rawValue: form["stage"] ?? "") ?? .application, by: person.actor)
        }
    }

    @Sendable static func removeAssessor(request: Request) async throws -> Response {
        try await change(request) { application, _, form, person in
            guard let id = UUID(uuidString: form["assessment"] ?? ""),
                try await AssessmentStore(on: request).assessment(id)?.applicationID == application.id
            else {
                throw ValidationError.invalid(field: "assessment", reason: "That assessor is not on this application")
            }
            try await AssessmentStore(on: request).removeAssessment(id, by: person.actor)
        }
    }

    @Sendable static func moderate(request: Request) async throws -> Response {
        try await change(request) { application, call, form, person in
            guard let criterion = call.criteria.first(where: { $0.name == form["criterion"] }) else {
                throw ValidationError.invalid(field: "criterion", reason: "Choose one of the call's criteria")
            }
            guard let score = Int(form["score"] ?? "") else {
                throw ValidationError.invalid(
                    field: "score", reason: "Give the agreed score as a whole number from 0 to \(criterion.scaleMaximum)")
            }
            try await AssessmentStore(on: request).moderate(
                application: application.id, stage: AssessmentStage(rawValue: form["stage"] ?? "") ?? .application,
                criterion: criterion, score: score, reason: form["reason"] ?? "", by: person.actor)
        }
    }

    @Sendable static func shortlist(request: Request) async throws -> Response {
        try await change(request) { application, _, form, person in
            try await SelectionStore(on: request).setShortlisted(application.id, form["shortlisted"] != "no", by: person.actor)
        }
    }

    @Sendable static func decide(request: Request) async throws -> Response {
        try await change(request) { application, call, form, person in
            guard let outcome = SelectionOutcome(rawValue: form["outcome"] ?? "") else {
                throw ValidationError.invalid(field: "outcome", reason: "Choose selected, fast follower or not selected")
            }
            let announced = form["announced_on"].nonBlank
            let date = announced.flatMap { CalendarDate(iso8601: $0) }
            if announced != nil && date == nil {
                throw ValidationError.invalid(field: "announced_on", reason: "Give the announcement date as YYYY-MM-DD")
            }
            let store = SelectionStore(on: request)
            try await store.decide(
                application.id, outcome: outcome, waveName: form["wave"].nonBlank,
                announcedOn: date, feedback: form["feedback"] ?? "", by: person.actor)
            if let decision = try await store.decision(application.id) {
                try await ProcessMail.decision(decision, application: application, call: call, request: request)
            }
        }
    }
}
