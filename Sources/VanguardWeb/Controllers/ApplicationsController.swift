import Foundation
import Plot
import VanguardCore
import VanguardStore
import Vapor

/// Applications: anyone signed in may start one to an open call and becomes the lead of the
/// applicant partnership. Only the lead and the programme team see an application.
enum ApplicationsController {
    @Sendable static func start(request: Request) async throws -> Response {
        let call = try await CallsController.find(request)
        guard call.phase(at: request.now) == .open else {
            throw AppError.badRequest("The call \"\(call.title)\" is not open, so applications cannot be started.")
        }
        let person = try request.requirePerson()
        let content = ApplicationContent(careModel: call.careModels.count == 1 ? call.careModels[0] : nil)
        let application = try await SelectionStore(on: request).startApplication(
            to: call, lead: person.id, content: content, by: person.actor)
        return request.redirect(to: SiteURL.application(application.id).path, redirectType: .normal)
    }

    @Sendable static func mine(request: Request) async throws -> Response {
        let person = try request.requirePerson()
        let store = SelectionStore(on: request)
        let applications = try await store.applications(ledBy: person.id)
        var calls: [UUID: Call] = [:]
        for call in try await store.calls() { calls[call.id] = call }
        return MyApplicationsPage.document(
            applications.compactMap { application in calls[application.callID].map { (application, $0) } },
            context: request.pageContext
        ).response()
    }

    /// The application in the path with its call, whoever asks (routes check who may).
    static func lookup(_ request: Request) async throws -> (CallApplication, Call) {
        let store = SelectionStore(on: request)
        guard let id = UUID(uuidString: request.pathParameter("application")),
            let application = try await store.application(id),
            let call = try await store.call(application.callID)
        else { throw AppError.notFound("The application") }
        return (application, call)
    }

    /// As `lookup`, if this person leads the application or runs the programme; otherwise it is
    /// not found, so others cannot even learn that it exists.
    static func find(_ request: Request) async throws -> (CallApplication, Call) {
        let (application, call) = try await lookup(request)
        guard request.caller?.account.id == application.leadAccountID || request.pageContext.allows(.manageCalls) else {
            throw AppError.notFound("The application")
        }
        return (application, call)
    }

    @Sendable static func show(request: Request) async throws -> Response {
        let (application, call) = try await find(request)
        let registry = try await RegistryStore(on: request).registry()
        return try await page(
            application, call: call, values: ApplicationForm.values(of: application.content, call: call), errors: [:],
            registry: registry, request: request
        ).response()
    }

    /// Saves the draft as written; with `intent=submit`, then checks it and submits it.
    @Sendable static func save(request: Request) async throws -> Response {
        let (application, call) = try await find(request)
        let person = try request.requirePerson()
        guard person.id == application.leadAccountID else {
            throw AppError.forbidden("Only the lead of the applicant partnership can change the application.")
        }
        guard application.status.isEditable else {
            throw AppError.badRequest("The application has been submitted and can no longer be changed.")
        }
        let form = try request.content.decode([String: String].self)
        let registry = try await RegistryStore(on: request).registry()
        let store = SelectionStore(on: request)
        let content: ApplicationContent
        switch ApplicationForm.parse(form, call: call) {
        case .failure(let errors):
            return try await page(
                application, call: call, values: form, errors: errors.byField, general: "Nothing was saved: put these right first.",
                registry: registry, request: request
            ).response(status: .badRequest)
        case .success(let parsed):
            content = parsed
        }
        do {
            try await store.saveDraft(application.id, content: content, by: person.actor)
        } catch let error as ValidationError {
            return try await page(
                application, call: call, values: form, errors: error.byField, general: "Nothing was saved.",
                registry: registry, request: request
            ).response(status: .badRequest)
        }
        guard form["intent"] == "submit" else {
            return request.redirect(to: SiteURL.application(application.id).path + "?saved=1", redirectType: .normal)
        }
        let knownAreas = Set(registry.areas.map(\.code))
        let knownMetrics = Set(try await ReturnsStore(on: request).metrics().map(\.code))
        let problems = SubmissionCheck.problems(content, call: call, at: request.now, knownAreas: knownAreas, knownMetrics: knownMetrics)
        if !problems.isEmpty {
            var errors: [String: String] = [:]
            for problem in problems { errors[problem.field] = errors[problem.field] ?? problem.reason }
            return try await page(
                application, call: call, values: form, errors: errors,
                general:
                    "Your draft is saved, but it cannot be submitted yet. \(problems.count) thing\(problems.count == 1 ? " needs" : "s need") putting right:",
                registry: registry, request: request
            ).response(status: .badRequest)
        }
        try await store.submit(application.id, at: request.now, knownAreas: knownAreas, knownMetrics: knownMetrics, by: person.actor)
        return request.redirect(to: SiteURL.application(application.id).path, redirectType: .normal)
    }

    /// The times a shortlisted partnership cannot present, from its lead.
    @Sendable static func setUnavailability(request: Request) async throws -> Response {
        let (application, call) = try await find(request)
        let person = try request.requirePerson()
        guard person.id == application.leadAccountID else {
            throw AppError.forbidden("Only the lead of the applicant partnership can give its unavailable times.")
        }
        let form = try request.content.decode([String: String].self)
        let registry = try await RegistryStore(on: request).registry()
        do {
            let times = try PresentationPlan.unavailability(form["unavailable"] ?? "")
            try await SelectionStore(on: request).setUnavailability(application.id, times, by: person.actor)
        } catch let error as ValidationError {
            var values = ApplicationForm.values(of: application.content, call: call)
            values["unavailable"] = form["unavailable"] ?? ""
            return try await page(application, call: call, values: values, errors: error.byField, registry: registry, request: request)
                .response(status: .badRequest)
        }
        return request.redirect(to: SiteURL.application(application.id).path, redirectType: .normal)
    }

    private static func page(
        _ application: CallApplication, call: Call, values: [String: String], errors: [String: String], general: String? = nil,
        registry: Registry, request: Request
    ) async throws -> HTML {
        let metrics = try await ReturnsStore(on: request).metrics()
        let selection = SelectionStore(on: request)
        let stored = try await PresentationStore(on: request).stored(call: call.id)
        let slot = stored?.publishedAt == nil ? nil : stored?.timetable?.slots.first { $0.applicant == application.id.uuidString }
        var shown = values
        if shown["unavailable"] == nil {
            shown["unavailable"] = PresentationPlan.text(of: try await selection.unavailability(application.id))
        }
        let model = ApplicationPage.Model(
            application: application, call: call, values: shown, errors: errors, general: general,
            canEdit: application.status.isEditable && request.caller?.account.id == application.leadAccountID,
            justSaved: request.queryValue("saved") == "1",
            areaNames: Dictionary(registry.areas.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first }),
            metricNames: Dictionary(metrics.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first }),
            decision: try await selection.decision(application.id),
            presentation: slot,
            isLead: request.caller?.account.id == application.leadAccountID
        )
        return ApplicationPage.document(model, context: request.pageContext)
    }
}
