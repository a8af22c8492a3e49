import Foundation
import Plot
import VanguardCore
import VanguardStore
import Vapor

/// One place's funding plan: drafting and revising, partners' sign-off, allocation into
/// tranches, condition checks and release, reversals, and spend returns.
enum FundingPlanController {
    static func find(_ request: Request) async throws -> (FundingPlan, UUID, FundingRound) {
        let store = FundingStore(on: request)
        guard let id = UUID(uuidString: request.pathParameter("plan")), let (plan, lead) = try await store.plan(id),
            let round = try await store.round(plan.roundID)
        else { throw AppError.notFound("The funding plan") }
        return (plan, lead, round)
    }

    static func canEdit(_ request: Request, plan: FundingPlan, lead: UUID) -> Bool {
        plan.mayBeChanged(by: request.caller?.grants ?? [], userID: request.caller?.account.id, lead: lead)
    }

    @Sendable static func show(request: Request) async throws -> Response {
        let (plan, lead, round) = try await find(request)
        return try await page(request, plan: plan, lead: lead, round: round, form: [:], errors: [:]).response()
    }

    static func page(
        _ request: Request, plan: FundingPlan, lead: UUID, round: FundingRound, form: [String: String], errors: [String: String],
        status: String? = nil
    ) async throws -> HTML {
        let store = FundingStore(on: request)
        let registry = try await RegistryStore(on: request).registry()
        let metrics = try await ReturnsStore(on: request).metrics()
        let context = request.pageContext
        let (place, rest) = try await store.evaluations(for: plan.place)
        let tranches = try await store.tranches(plan: plan.id)
        return FundingPlanPage.document(
            .init(
                plan: plan, round: round, placeName: registry.name(of: plan.place),
                organisations: Dictionary(registry.organisations.map { ($0.slug, $0.name) }, uniquingKeysWith: { first, _ in first }),
                metrics: metrics, tranches: tranches, checks: try await store.checks(plan: plan.id),
                preview: Dictionary(
                    tranches.compactMap { tranche in
                        tranche.condition.map { (tranche.id, $0.check(place: place[$0.metric], restOfEngland: rest[$0.metric])) }
                    },
                    uniquingKeysWith: { first, _ in first }),
                charts: place, ledger: try await store.ledger(plan: plan.id), spend: try await store.spendReturns(plan: plan.id),
                canEdit: canEdit(request, plan: plan, lead: lead),
                signable: plan.current.content.partners.filter { context.allows(.signFundingPlans, on: .organisation($0)) },
                today: CalendarDate(containing: request.now),
                leftInPot: round.potPounds - FundingPosition(try await store.ledger(round: round.id)).allocated,
                form: form, errors: errors, status: status
            ), context: context)
    }

    /// Runs a change and shows the plan again, with the refusal if there was one.
    static func change(_ request: Request, _ body: (FundingPlan, UUID, FundingRound, [String: String], Account) async throws -> Void)
        async throws -> Response
    {
        let (plan, lead, round) = try await find(request)
        let form = try request.content.decode([String: String].self)
        do {
            try await body(plan, lead, round, form, try request.requirePerson())
        } catch let error as ValidationError {
            let (fresh, _, _) = try await find(request)
            return try await page(request, plan: fresh, lead: lead, round: round, form: form, errors: error.byField).response(
                status: .badRequest)
        } catch let errors as FieldErrors {
            return try await page(request, plan: plan, lead: lead, round: round, form: form, errors: errors.byField).response(
                status: .badRequest)
        }
        return request.redirect(to: SiteURL.fundingPlan(plan.id).path, redirectType: .normal)
    }

    // MARK: Drafting

    @Sendable static func revise(request: Request) async throws -> Response {
        try await change(request) { plan, lead, _, form, person in
            guard canEdit(request, plan: plan, lead: lead) else {
                throw AppError.forbidden("Only the plan's lead or the programme team can change it.")
            }
            let registry = try await RegistryStore(on: request).registry()
            let known = Set(try await ReturnsStore(on: request).metrics().map(\.code))
            switch FundingPlanText.content(from: form, knownMetrics: known, knownOrganisations: Set(registry.organisations.map(\.slug))) {
            case .failure(let errors): throw errors
            case .success(let content):
                let store = FundingStore(on: request)
                try await store.revise(plan.id, content: content, by: person.actor)
                if let revised = try await store.plan(plan.id)?.plan, !revised.current.content.partners.isEmpty {
                    try await ProcessMail.signatureRequested(revised, request: request)
                }
            }
        }
    }

    // MARK: Sign-off

    @Sendable static func sign(request: Request) async throws -> Response {
        try await change(request) { plan, _, _, form, person in
            let organisation = form["organisation"] ?? ""
            guard request.pageContext.allows(.signFundingPlans, on: .organisation(organisation)) else {
                throw ValidationError.invalid(field: "organisation", reason: "You are not a signatory of \(organisation)")
            }
            guard let version = Int(form["version"] ?? "") else {
                throw ValidationError.invalid(field: "version", reason: "Say which version you are signing")
            }
            try await FundingStore(on: request).sign(
                plan.id, version: version, organisation: organisation, signatory: person.id,
                signatoryName: person.displayName, by: person.actor)
        }
    }

    @Sendable static func confirmPartners(request: Request) async throws -> Response {
        try await change(request) { plan, _, _, _, person in
            try await FundingStore(on: request).confirmPartners(plan.id, by: person.actor)
        }
    }

    // MARK: Money

    /// Up to four tranches, each a quarter, an amount, and a condition composed from the comparisons on offer.
    static let trancheRows = 0..<4

    static func tranches(_ form: [String: String]) throws(ValidationError) -> [FundingStore.TrancheRequest] {
        var requests: [FundingStore.TrancheRequest] = []
        for row in trancheRows {
            let quarterText = (form["quarter_\(row)"] ?? "").trimmingCharacters(in: .whitespaces)
            let amountText = form["pounds_\(row)"] ?? ""
            if quarterText.isEmpty && amountText.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            guard let quarter = FinancialQuarter(quarterText) else {
                throw .invalid(field: "tranches", reason: "Tranche \(row + 1): \"\(quarterText)\" is not a quarter like 2017/18 Q3")
            }
            guard let pounds = try ApplicationText.pounds(amountText, field: "tranches") else {
                throw .invalid(field: "tranches", reason: "Tranche \(row + 1): give the amount")
            }
            let metric = form["metric_\(row)"] ?? ""
            let condition: TrancheCondition?
            switch form["condition_\(row)"] ?? "none" {
            case "growth":
                guard let points = Double(form["points_\(row)"] ?? ""), points.isFinite else {
                    throw .invalid(field: "tranches", reason: "Tranche \(row + 1): give the margin in percentage points")
                }
                condition = .growthBelowRestOfEngland(metric: metric, points: points)
            case "not_concern": condition = .latestPointNotConcern(metric: metric)
            default: condition = nil
            }
            requests.append(.init(quarter: quarter, pounds: pounds, condition: condition))
        }
        return requests
    }

    @Sendable static func allocate(request: Request) async throws -> Response {
        try await change(request) { plan, _, _, form, person in
            let known = Set(try await ReturnsStore(on: request).metrics().map(\.code))
            try await FundingStore(on: request).allocate(plan: plan.id, tranches: try tranches(form), knownMetrics: known, by: person.actor)
        }
    }

    @Sendable static func release(request: Request) async throws -> Response {
        try await change(request) { plan, _, _, form, person in
            guard let tranche = UUID(uuidString: form["tranche"] ?? "") else {
                throw ValidationError.invalid(field: "tranche", reason: "Choose a tranche")
            }
            let store = FundingStore(on: request)
            guard try await store.tranches(plan: plan.id).contains(where: { $0.id == tranche }) else {
                throw ValidationError.invalid(field: "tranche", reason: "That tranche is not part of this plan")
            }
            let (place, rest) = try await store.evaluations(for: plan.place)
            try await store.release(
                tranche: tranche, place: place, restOfEngland: rest, override: form["override"].nonBlank, by: person.actor)
        }
    }

    @Sendable static func reverse(request: Request) async throws -> Response {
        try await change(request) { plan, _, _, form, person in
            guard let entry = UUID(uuidString: form["entry"] ?? ""),
                try await FundingStore(on: request).ledger(plan: plan.id).contains(where: { $0.id == entry })
            else {
                throw ValidationError.invalid(field: "entry", reason: "That entry is not part of this plan's ledger")
            }
            try await FundingStore(on: request).reverse(entry: entry, reason: form["reason"] ?? "", by: person.actor)
        }
    }

    @Sendable static func spend(request: Request) async throws -> Response {
        try await change(request) { plan, lead, _, form, person in
            guard canEdit(request, plan: plan, lead: lead) else {
                throw AppError.forbidden("Only the plan's lead or the programme team can submit its spend returns.")
            }
            var reading = FormReading()
            let quarter = FinancialQuarter(form["quarter"] ?? "")
            if quarter == nil { reading.note("quarter", "Give the quarter like 2017/18 Q1") }
            let sustainability = reading.read(nil) { () throws(ValidationError) in
                try ApplicationText.pounds(form["sustainability"] ?? "", field: "sustainability")
            }
            let transformation = reading.read(nil) { () throws(ValidationError) in
                try ApplicationText.pounds(form["transformation"] ?? "", field: "transformation")
            }
            for (field, amount) in [("sustainability", sustainability), ("transformation", transformation)] where amount == nil {
                reading.note(field, "Give the amount spent, in whole pounds (0 where none)")
            }
            let narrative = (form["narrative"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            if narrative.isEmpty || narrative.count > 10_000 {
                reading.note("narrative", "Say in words what the money did (up to 10,000 characters)")
            }
            guard case .success = reading.result(()), let quarter, let sustainability, let transformation else {
                throw FieldErrors(byField: reading.errors)
            }
            try await FundingStore(on: request).submitSpend(
                SpendReturn(
                    quarter: quarter, sustainabilityPounds: sustainability, transformationPounds: transformation, narrative: narrative,
                    submittedAt: request.now),
                plan: plan.id, today: CalendarDate(containing: request.now), by: person.actor)
        }
    }
}
