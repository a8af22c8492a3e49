import Foundation
import Plot
import VanguardCore
import VanguardStore
import Vapor

/// The presentation timetable of a call: the programme team sets days, slots and panels; the
/// solver places the shortlist; once published, panel members score the presentations.
enum PresentationsController {
    @Sendable static func show(request: Request) async throws -> Response {
        try await page(request, call: try await CallsController.find(request), form: [:], errors: [:], unsolvable: nil).response()
    }

    static func page(_ request: Request, call: Call, form: [String: String], errors: [String: String], unsolvable: TimetableUnsolvable?)
        async throws -> HTML
    {
        let stored = try await PresentationStore(on: request).stored(call: call.id)
        let people = try await SelectionController.assessors(request)
        let applications = try await SelectionStore(on: request).applications(to: call.id)
        // With no form typed, the stored plan (panels written with e-mail addresses, as typed), or defaults.
        var shown = form
        if form["panels"] == nil {
            let emails = Dictionary(uniqueKeysWithValues: people.map { ($0.id.uuidString, $0.email) })
            shown =
                stored.map { stored in
                    [
                        "slot_minutes": String(stored.plan.slotMinutes), "changeover_minutes": String(stored.plan.changeoverMinutes),
                        "days": PresentationPlan.text(of: stored.plan.days),
                        "panels": stored.plan.panels.map { "\($0.name): " + $0.assessors.map { emails[$0] ?? $0 }.joined(separator: ", ") }
                            .joined(separator: "\n"),
                    ]
                } ?? ["slot_minutes": "7", "changeover_minutes": "3"]
        }
        return PresentationsPage.document(
            .init(
                call: call, form: shown, errors: errors, unsolvable: unsolvable, timetable: stored?.timetable,
                publishedAt: stored?.publishedAt,
                names: Dictionary(uniqueKeysWithValues: applications.map { ($0.id.uuidString, ApplicationPage.title(of: $0)) }),
                shortlisted: applications.count { $0.status == .shortlisted }, assessors: people),
            context: request.pageContext
        )
    }

    /// Reads the plan, solves the timetable for the shortlist, and saves both (or says which
    /// constraint makes it impossible, keeping the previous timetable).
    @Sendable static func save(request: Request) async throws -> Response {
        let call = try await CallsController.find(request)
        let person = try request.requirePerson()
        let form = try request.content.decode([String: String].self)
        let people = try await SelectionController.assessors(request)
        let byEmail = Dictionary(uniqueKeysWithValues: people.map { ($0.email.lowercased(), $0.id.uuidString) })
        let plan: PresentationPlan
        switch PresentationPlan.read(from: form, assessorsByEmail: byEmail) {
        case .success(let read): plan = read
        case .failure(let errors):
            return try await page(request, call: call, form: form, errors: errors.byField, unsolvable: nil).response(status: .badRequest)
        }
        let selection = SelectionStore(on: request)
        var entries: [(id: String, content: ApplicationContent, unavailable: [TimetableProblem.Unavailability])] = []
        for application in try await selection.applications(to: call.id) where application.status == .shortlisted {
            entries.append((application.id.uuidString, application.content, try await selection.unavailability(application.id)))
        }
        var conflicts: [String: [ConflictOfInterest]] = [:]
        for (assessor, declared) in try await AssessmentStore(on: request).allConflicts() { conflicts[assessor.uuidString] = declared }
        let timetable: Timetable
        do {
            timetable = try TimetableSolver.solve(plan.problem(applications: entries, conflicts: conflicts))
        } catch {
            switch error {
            case .input(let input):
                return try await page(request, call: call, form: form, errors: ["days": input.description], unsolvable: nil).response(
                    status: .badRequest)
            case .unsolvable(let unsolvable):
                return try await page(request, call: call, form: form, errors: [:], unsolvable: unsolvable).response(
                    status: .unprocessableEntity)
            }
        }
        do {
            try await PresentationStore(on: request).save(plan, timetable: timetable, call: call.id, by: person.actor)
        } catch let error as ValidationError {
            return try await page(request, call: call, form: form, errors: error.byField, unsolvable: nil).response(status: .badRequest)
        }
        return request.redirect(to: SiteURL.presentations(call.id).path, redirectType: .normal)
    }

    @Sendable static func publish(request: Request) async throws -> Response {
        let call = try await CallsController.find(request)
        do {
            try await PresentationStore(on: request).publish(call: call.id, by: try request.requirePerson().actor)
        } catch let error as ValidationError {
            return try await page(request, call: call, form: [:], errors: ["plan": error.reason], unsolvable: nil).response(
                status: .badRequest)
        }
        return request.redirect(to: SiteURL.presentations(call.id).path, redirectType: .normal)
    }
}
