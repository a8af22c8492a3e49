import Foundation
import Plot
import VanguardCore
import VanguardStore
import Vapor

/// Funding rounds: the programme team opens them; everyone sees where the money is.
enum FundingController {
    @Sendable static func rounds(request: Request) async throws -> Response {
        let store = FundingStore(on: request)
        var rows: [(FundingRound, FundingPosition)] = []
        for round in try await store.rounds() { rows.append((round, FundingPosition(try await store.ledger(round: round.id)))) }
        return FundingRoundsPage.document(rows, context: request.pageContext).response()
    }

    static func fields(_ values: [String: String], errors: [String: String] = [:]) -> [FormField] {
        [
            FormField(name: "name", label: "Name", value: values["name"] ?? "", error: errors["name"]),
            FormField(name: "pot", label: "Total pot (£)", value: values["pot"] ?? "", error: errors["pot"]),
            FormField(name: "opens_on", label: "Opens", value: values["opens_on"] ?? "", hint: "YYYY-MM-DD", error: errors["opens_on"]),
            FormField(name: "closes_on", label: "Closes", value: values["closes_on"] ?? "", hint: "YYYY-MM-DD", error: errors["closes_on"]),
            FormField(
                name: "transformation_percent", label: "Expected share for transformation (%)",
                value: values["transformation_percent"] ?? "",
                hint: "The rest is sustainability funding", error: errors["transformation_percent"]),
            FormField(
                name: "variance_threshold", label: "Flag spend more than this far from profile (%)",
                value: values["variance_threshold"] ?? "10",
                error: errors["variance_threshold"]),
            FormField(name: "guidance", label: "Guidance", kind: .textarea, value: values["guidance"] ?? "", error: errors["guidance"]),
            FormField(
                name: "conditions", label: "Conditions the round will attach", kind: .textarea, value: values["conditions"] ?? "",
                hint: "In words; each tranche's condition is set as a rule when money is allocated.", error: errors["conditions"]),
        ]
    }

    @Sendable static func newForm(request: Request) async throws -> Response {
        AccountFormPage.document(
            title: "New funding round", action: .newFundingRound, fields: fields([:]), submit: "Open the round",
            context: request.pageContext
        ).response()
    }

    @Sendable static func create(request: Request) async throws -> Response {
        let form = try request.content.decode([String: String].self)
        var reading = FormReading()
        let pot = reading.read(nil) { () throws(ValidationError) in try ApplicationText.pounds(form["pot"] ?? "", field: "pot") } ?? 0
        let opens = CalendarDate(iso8601: form["opens_on"] ?? "")
        if opens == nil { reading.note("opens_on", "Give the opening date as YYYY-MM-DD") }
        let closes = CalendarDate(iso8601: form["closes_on"] ?? "")
        if closes == nil { reading.note("closes_on", "Give the closing date as YYYY-MM-DD") }
        let share = Int(form["transformation_percent"] ?? "") ?? -1
        let threshold = Int(form["variance_threshold"] ?? "") ?? 0
        let round = FundingRound(
            id: UUID(), name: (form["name"] ?? "").trimmingCharacters(in: .whitespaces), potPounds: pot,
            opensOn: opens ?? CalendarDate(year: 2000, month: 1, day: 1), closesOn: closes ?? CalendarDate(year: 2100, month: 1, day: 1),
            guidance: form["guidance"] ?? "", expectedTransformationPercent: share, conditions: form["conditions"] ?? "",
            varianceThresholdPercent: threshold
        )
        for problem in round.problems where !(problem.field == "closes_on" && (opens == nil || closes == nil)) {
            reading.note(problem.field, problem.reason)
        }
        if case .failure(let errors) = reading.result(()) {
            return AccountFormPage.document(
                title: "New funding round", action: .newFundingRound, fields: fields(form, errors: errors.byField),
                submit: "Open the round", context: request.pageContext
            ).response(status: .badRequest)
        }
        try await FundingStore(on: request).create(round, by: try request.requirePerson().actor)
        return request.redirect(to: SiteURL.fundingRound(round.id).path, redirectType: .normal)
    }

    static func findRound(_ request: Request) async throws -> FundingRound {
        guard let id = UUID(uuidString: request.pathParameter("round")), let round = try await FundingStore(on: request).round(id) else {
            throw AppError.notFound("The funding round")
        }
        return round
    }

    /// The round's dashboard: pot, allocated, released, spent, by care model and region, and every plan.
    @Sendable static func round(request: Request) async throws -> Response {
        let round = try await findRound(request)
        return try await roundPage(request, round: round, form: [:], errors: [:]).response()
    }

    static func roundPage(_ request: Request, round: FundingRound, form: [String: String], errors: [String: String]) async throws -> HTML {
        let store = FundingStore(on: request)
        let registry = try await RegistryStore(on: request).registry()
        var rows: [FundingRoundPage.Row] = []
        for plan in try await store.plans(round: round.id) {
            let ledger = try await store.ledger(plan: plan.id)
            rows.append(
                .init(
                    plan: plan, position: FundingPosition(ledger), spend: try await store.spendReturns(plan: plan.id),
                    careModel: registry.careModel(of: plan.place), regions: registry.regionNames(of: plan.place),
                    name: registry.name(of: plan.place)))
        }
        let context = request.pageContext
        let ledVanguards = registry.vanguards.filter { context.allows(.editVanguardProfile, on: .vanguard($0.number)) }
        return FundingRoundPage.document(
            .init(
                round: round, rows: rows, today: CalendarDate(containing: request.now), ledVanguards: ledVanguards,
                form: form, errors: errors), context: context)
    }

    /// Starts a place's plan: a vanguard's by its site lead (or the programme team), any other
    /// partnership's by whoever signs in to lead it.
    @Sendable static func startPlan(request: Request) async throws -> Response {
        let round = try await findRound(request)
        let person = try request.requirePerson()
        let form = try request.content.decode([String: String].self)
        let registry = try await RegistryStore(on: request).registry()
        let place: FundingPlace
        if let number = Int(form["vanguard"] ?? ""), number > 0 {
            guard registry.vanguards.contains(where: { $0.number == number }) else {
                return try await roundPage(request, round: round, form: form, errors: ["vanguard": "Choose a vanguard"]).response(
                    status: .badRequest)
            }
            guard request.pageContext.allows(.editVanguardProfile, on: .vanguard(number)) else {
                throw AppError.forbidden("Only the vanguard's site lead or the programme team can start its plan.")
            }
            place = .vanguard(number)
        } else {
            let codes = (form["areas"] ?? "").split(whereSeparator: { $0.isWhitespace || $0 == "," }).map { $0.uppercased() }
            let known = Set(registry.areas.map(\.code))
            guard !codes.isEmpty, codes.allSatisfy(known.contains) else {
                return try await roundPage(
                    request, round: round, form: form,
                    errors: ["areas": "Give the partnership's area codes, e.g. E38000208, or choose a vanguard"]
                )
                .response(status: .badRequest)
            }
            place = .areas(codes)
        }
        // A vanguard's partners in the registry are its plan's signers from the start.
        let partners = if case .vanguard(let number) = place { registry.partners(of: number).map(\.organisation.slug) } else { [String]() }
        let content = FundingPlanContent(
            title: registry.name(of: place), objectives: "", commitments: [], years: [], spendProfile: [], partners: partners)
        do {
            let id = try await FundingStore(on: request).startPlan(
                round: round, place: place, content: content, lead: person.id, by: person.actor)
            return request.redirect(to: SiteURL.fundingPlan(id).path, redirectType: .normal)
        } catch let error as ValidationError {
            return try await roundPage(
                request, round: round, form: form, errors: [error.field == "place" ? "vanguard" : error.field: error.reason]
            ).response(status: .badRequest)
        }
    }
}
