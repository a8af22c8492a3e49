import Foundation
import Plot
import VanguardCore
import VanguardStore
import Vapor

/// The assessor's side: declare conflicts of interest, score what is assigned, independently.
enum AssessmentsController {
    @Sendable static func mine(request: Request) async throws -> Response {
        try await page(request, conflictForm: [:], errors: [:]).response()
    }

    static func page(_ request: Request, conflictForm: [String: String], errors: [String: String], status: String? = nil) async throws
        -> HTML
    {
        let person = try request.requirePerson()
        let assessments = AssessmentStore(on: request)
        let selection = SelectionStore(on: request)
        var rows: [MyAssessmentsPage.Row] = []
        for task in try await assessments.assessments(assessor: person.id) {
            guard let application = try await selection.application(task.applicationID),
                let call = try await selection.call(application.callID)
            else { continue }
            rows.append(.init(assessment: task, application: application, call: call))
        }
        return MyAssessmentsPage.document(
            .init(
                rows: rows, conflicts: try await assessments.conflicts(of: person.id).map(\.conflict), form: conflictForm, errors: errors,
                status: status),
            context: request.pageContext
        )
    }

    @Sendable static func declare(request: Request) async throws -> Response {
        let person = try request.requirePerson()
        let form = try request.content.decode([String: String].self)
        let value = (form["value"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let conflict: ConflictOfInterest
        switch form["kind"] {
        case "organisation" where !value.isEmpty && value.count <= 200: conflict = .organisation(name: value)
        case "area" where !value.isEmpty && value.count <= 20: conflict = .area(code: value)
        case "organisation", "area":
            return try await page(request, conflictForm: form, errors: ["value": "Give the organisation's name or the area code"]).response(
                status: .badRequest)
        default:
            return try await page(request, conflictForm: form, errors: ["kind": "Choose organisation or area"]).response(
                status: .badRequest)
        }
        do {
            let withdrawn = try await AssessmentStore(on: request).declare(conflict, assessor: person.id, by: person.actor)
            let note =
                withdrawn.isEmpty
                ? "Conflict declared."
                : "Conflict declared. You have been withdrawn from \(withdrawn.count) application\(withdrawn.count == 1 ? "" : "s") it touches."
            return try await page(request, conflictForm: [:], errors: [:], status: note).response()
        } catch let error as ValidationError {
            return try await page(request, conflictForm: form, errors: error.byField).response(status: .badRequest)
        }
    }

    /// The task in the path, if it is this person's.
    static func find(_ request: Request) async throws -> (Assessment, CallApplication, Call) {
        let person = try request.requirePerson()
        let selection = SelectionStore(on: request)
        guard let id = UUID(uuidString: request.pathParameter("assessment")),
            let task = try await AssessmentStore(on: request).assessment(id),
            task.assessorID == person.id,
            let application = try await selection.application(task.applicationID),
            let call = try await selection.call(application.callID)
        else { throw AppError.notFound("The assessment") }
        return (task, application, call)
    }

    @Sendable static func show(request: Request) async throws -> Response {
        let (task, application, call) = try await find(request)
        return try await scorePage(request, task: task, application: application, call: call, form: [:], errors: [:]).response()
    }

    static func scorePage(
        _ request: Request, task: Assessment, application: CallApplication, call: Call, form: [String: String], errors: [String: String]
    ) async throws -> HTML {
        // Others' scores only once one's own are in: scoring stays independent.
        let others =
            task.isSubmitted
            ? try await AssessmentStore(on: request).assessments(application: application.id, stage: task.stage).filter { $0.id != task.id }
            : []
        let registry = try await RegistryStore(on: request).registry()
        let metrics = try await ReturnsStore(on: request).metrics()
        return ScoringPage.document(
            .init(
                assessment: task, application: application, call: call, others: others, form: form, errors: errors,
                areaNames: Dictionary(registry.areas.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first }),
                metricNames: Dictionary(metrics.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })),
            context: request.pageContext
        )
    }

    @Sendable static func score(request: Request) async throws -> Response {
        let person = try request.requirePerson()
        let (task, application, call) = try await find(request)
        let form = try request.content.decode([String: String].self)
        var reading = FormReading()
        var scores: [String: Int] = [:], comments: [String: String] = [:]
        for (index, criterion) in call.criteria.enumerated() {
            let field = "score_\(index)"
            if let text = form[field].nonBlank {
                if let value = Int(text) {
                    scores[criterion.name] = value
                } else {
                    reading.note(field, "\(criterion.name): give a whole number from 0 to \(criterion.scaleMaximum)")
                }
            }
            let comment = (form["comment_\(index)"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            if comment.count > 5000 { reading.note("comment_\(index)", "Keep a comment to 5,000 characters") }
            if !comment.isEmpty { comments[criterion.name] = comment }
        }
        let sheet = AssessorScores(assessor: person.displayName, scores: scores, comments: comments)
        for problem in sheet.problems(against: call.criteria) {
            if let index = call.criteria.firstIndex(where: { $0.name == problem.field }) { reading.note("score_\(index)", problem.reason) }
        }
        if case .failure(let errors) = reading.result(()) {
            return try await scorePage(request, task: task, application: application, call: call, form: form, errors: errors.byField)
                .response(status: .badRequest)
        }
        do {
            try await AssessmentStore(on: request).submit(
                sheet, for: task.id, assessor: person.id, criteria: call.criteria, by: person.actor)
        } catch let error as ValidationError {
            return try await scorePage(
                request, task: task, application: application, call: call, form: form, errors: ["assessment": error.reason]
            ).response(status: .badRequest)
        }
        return request.redirect(to: SiteURL.assessment(task.id).path, redirectType: .normal)
    }
}
