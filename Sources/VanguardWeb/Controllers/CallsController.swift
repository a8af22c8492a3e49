import Foundation
import Plot
import VanguardCore
import VanguardStore
import Vapor

/// Calls for applications: the programme team writes them; anyone reads an open or closed call.
/// A call not yet open is the programme team's to prepare, and hidden from everyone else.
enum CallsController {
    @Sendable static func list(request: Request) async throws -> Response {
        let context = request.pageContext
        let calls = try await request.readingDatabase { try await SelectionStore(on: request).calls() }
        let visible = calls.filter { context.allows(.manageCalls) || $0.phase(at: request.now) != .upcoming }
        return CallsPage.document(calls: visible, now: request.now, context: context).response()
    }

    /// The call named in the path, if this person may see it.
    static func find(_ request: Request) async throws -> Call {
        guard let id = UUID(uuidString: request.pathParameter("call")),
            let call = try await SelectionStore(on: request).call(id),
            request.pageContext.allows(.manageCalls) || call.phase(at: request.now) != .upcoming
        else { throw AppError.notFound("The call") }
        return call
    }

    @Sendable static func show(request: Request) async throws -> Response {
        let call = try await find(request)
        let context = request.pageContext
        let store = SelectionStore(on: request)
        let all = try await store.applications(to: call.id)
        var mine: [CallApplication] = []
        if case .person(let account) = request.caller { mine = all.filter { $0.leadAccountID == account.id } }
        let registry = try await RegistryStore(on: request).registry()
        let decisions = try await store.decisions(all.map(\.id))
        let funnel = SelectionFunnel(applications: all, decisions: decisions, registry: registry)
        let stored = try await PresentationStore(on: request).stored(call: call.id)
        let model = CallPage.Model(
            call: call, now: request.now, applications: context.allows(.manageCalls) ? all : [], mine: mine, funnel: funnel,
            fastFollowers: all.filter { $0.status == .fastFollower }.map(ApplicationPage.title(of:)),
            selected: all.compactMap { application in
                decisions[application.id]?.vanguardNumber.map { (ApplicationPage.title(of: application), $0) }
            },
            timetable: stored?.publishedAt == nil ? nil : stored?.timetable,
            names: Dictionary(uniqueKeysWithValues: all.map { ($0.id.uuidString, ApplicationPage.title(of: $0)) })
        )
        return CallPage.document(model, context: context).response()
    }

    /// The 2015 call, held before the platform: NHS England's published figures beside the
    /// registry's count of the sites selected, by wave, care model and region.
    @Sendable static func historical(request: Request) async throws -> Response {
        let registry = try await request.readingDatabase { try await RegistryStore(on: request).registry() }
        return HistoricalCallPage.document(registry: registry, context: request.pageContext).response()
    }

    // MARK: Writing a call

    static func fields(_ values: [String: String], errors: [String: String] = [:]) -> [FormField] {
        [
            FormField(name: "title", label: "Title", value: values["title"] ?? "", error: errors["title"]),
            FormField(
                name: "description", label: "What the call is for", kind: .textarea, value: values["description"] ?? "",
                hint: "Shown on the public call page, written in Markdown: paragraphs, **bold**, lists and https links.",
                error: errors["description"]),
            FormField(
                name: "opens_at", label: "Opens", value: values["opens_at"] ?? "", hint: "UK time, as YYYY-MM-DD HH:MM",
                error: errors["opens_at"]),
            FormField(
                name: "closes_at", label: "Closes", value: values["closes_at"] ?? "",
                hint: "UK time, as YYYY-MM-DD HH:MM; nothing can be submitted from this moment", error: errors["closes_at"]),
            FormField(
                name: "care_models", label: "Care models it is for", value: values["care_models"] ?? "",
                hint: "Codes separated by spaces: pacs mcp ehch uec acc", error: errors["care_models"]),
            FormField(
                name: "questions", label: "Questions applicants answer", kind: .textarea, value: values["questions"] ?? "",
                hint: "One per line. Start a line with (optional) if it need not be answered; end it with [250 words] to set a limit.",
                error: errors["questions"]),
            FormField(
                name: "criteria", label: "Assessment criteria", kind: .textarea, value: values["criteria"] ?? "",
                hint:
                    "One per line: name | weight | highest score | description, e.g. Clinical engagement | 2 | 5 | Clinicians lead the design",
                error: errors["criteria"]),
        ]
    }

    static func values(of call: Call) -> [String: String] {
        [
            "title": call.title, "description": call.description, "opens_at": CalendarText.editable(call.opensAt),
            "closes_at": CalendarText.editable(call.closesAt),
            "care_models": call.careModels.map(\.rawValue).joined(separator: " "), "questions": CallText.text(of: call.questions),
            "criteria": CallText.text(of: call.criteria),
        ]
    }

    /// Reads the form into a call, collecting every field's problem at once.
    static func parse(_ form: [String: String], id: UUID) -> Result<Call, FieldErrors> {
        var reading = FormReading()
        let title = reading.read("") { () throws(ValidationError) in
            try FieldLimits.check(form["title"] ?? "", field: "title", maximum: 200)
        }
        let description = (form["description"] ?? "").replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(
            in: .whitespacesAndNewlines)
        let opens = CalendarText.parseDateTime(form["opens_at"] ?? "")
        if opens == nil { reading.note("opens_at", "Give the opening time as YYYY-MM-DD HH:MM") }
        let closes = CalendarText.parseDateTime(form["closes_at"] ?? "")
        if closes == nil { reading.note("closes_at", "Give the closing time as YYYY-MM-DD HH:MM") }
        let models = reading.read([]) { () throws(ValidationError) in
            try CareModel.list(from: form["care_models"] ?? "", field: "care_models")
        }
        let questions = reading.read([]) { () throws(ValidationError) in try CallText.questions(form["questions"] ?? "") }
        let criteria = reading.read([]) { () throws(ValidationError) in try CallText.criteria(form["criteria"] ?? "") }
        let call = Call(
            id: id, title: title, description: description, opensAt: opens ?? .distantPast, closesAt: closes ?? .distantFuture,
            careModels: models, questions: questions, criteria: criteria)
        // The call's own rules, for what the field readers could not see (e.g. closing before opening).
        for problem in call.problems where opens != nil && closes != nil || problem.field != "closes_at" {
            reading.note(problem.field, problem.reason)
        }
        return reading.result(call)
    }

    static func formPage(title: String, action: SiteURL, fields: [FormField], context: PageContext) -> HTML {
        AccountFormPage.document(
            title: title, lede: "Everything applicants see, and what assessors will score.", action: action, fields: fields,
            submit: "Save the call", context: context)
    }

    @Sendable static func newForm(request: Request) async throws -> Response {
        formPage(title: "New call for applications", action: .newCall, fields: fields([:]), context: request.pageContext).response()
    }

    @Sendable static func create(request: Request) async throws -> Response {
        let form = try request.content.decode([String: String].self)
        switch parse(form, id: UUID()) {
        case .failure(let errors):
            return formPage(
                title: "New call for applications", action: .newCall, fields: fields(form, errors: errors.byField),
                context: request.pageContext
            ).response(status: .badRequest)
        case .success(let call):
            try await SelectionStore(on: request).create(call, by: try request.requirePerson().actor)
            return request.redirect(to: SiteURL.call(call.id).path, redirectType: .normal)
        }
    }

    @Sendable static func editForm(request: Request) async throws -> Response {
        let call = try await find(request)
        return formPage(
            title: "Edit \(call.title)", action: .editCall(call.id), fields: fields(values(of: call)), context: request.pageContext
        ).response()
    }

    @Sendable static func save(request: Request) async throws -> Response {
        let call = try await find(request)
        let form = try request.content.decode([String: String].self)
        var result = parse(form, id: call.id)
        if case .success(let updated) = result {
            do {
                try await SelectionStore(on: request).update(updated, by: try request.requirePerson().actor)
                return request.redirect(to: SiteURL.call(call.id).path, redirectType: .normal)
            } catch let error as ValidationError {
                result = .failure(FieldErrors(error))
            }
        }
        guard case .failure(let errors) = result else { throw Abort(.internalServerError) }
        return formPage(
            title: "Edit \(call.title)", action: .editCall(call.id), fields: fields(form, errors: errors.byField),
            context: request.pageContext
        ).response(status: .badRequest)
    }
}
