import Foundation
import Plot
import VanguardCore
import VanguardStore
import Vapor

/// The innovations catalogue, each innovation's spread, and recording an adoption.
enum InnovationsController {
    static func catalogue(_ request: Request, errors: [String: String] = [:]) async throws -> HTML {
        let store = InnovationStore(on: request)
        let registry = try await request.registry()
        var rows: [(innovation: Innovation, adoptions: Int, origin: String)] = []
        for innovation in try await store.innovations() {
            rows.append(
                (
                    innovation, try await store.adoptions(of: innovation.slug).count,
                    registry.vanguards.first { $0.number == innovation.originVanguard }?.name ?? "Vanguard \(innovation.originVanguard)"
                ))
        }
        let context = request.pageContext
        let vanguards = registry.vanguards.filter { context.isProgrammeTeam || context.allows(.writePosts, on: .vanguard($0.number)) }
        return InnovationsPage.document(rows, vanguards: vanguards, errors: errors, context: context)
    }

    @Sendable static func list(request: Request) async throws -> Response {
        try await catalogue(request).response()
    }

    /// Adds an innovation: site leads for their own vanguard, the programme team for any.
    @Sendable static func add(request: Request) async throws -> Response {
        let form = try request.content.decode([String: String].self)
        guard let model = CareModel(rawValue: form["care_model"] ?? "") else {
            return try await catalogue(request, errors: ["care_model": "Choose a care model"]).response(status: .badRequest)
        }
        guard let vanguard = Int(form["vanguard"] ?? ""), PostsController.mayWrite(about: vanguard, context: request.pageContext) else {
            return try await catalogue(
                request, errors: ["vanguard": "Choose the vanguard that originated it (site leads add their own vanguard's)"]
            ).response(status: .badRequest)
        }
        do {
            let innovation = try await InnovationStore(on: request).add(
                name: form["name"] ?? "", summary: form["summary"] ?? "", careModel: model,
                originVanguard: vanguard, by: try request.requirePerson().actor)
            return request.redirect(to: SiteURL.learning(.innovation(innovation.slug)).path, redirectType: .normal)
        } catch let error as ValidationError {
            return try await catalogue(request, errors: error.byField).response(status: .badRequest)
        }
    }

    @Sendable static func show(request: Request) async throws -> Response {
        try await page(request).response()
    }

    static func page(_ request: Request, form: [String: String] = [:], errors: [String: String] = [:], notice: String? = nil) async throws
        -> HTML
    {
        let store = InnovationStore(on: request)
        guard let innovation = try await store.innovation(request.pathParameter("slug")) else { throw AppError.notFound("The innovation") }
        let registry = try await request.registry()
        let adoptions = try await store.adoptions(of: innovation.slug)
        let origin = registry.vanguards.first { $0.number == innovation.originVanguard }
        var classes: [String: String] = [:]
        for area in registry.footprints where area.vanguardNumber == innovation.originVanguard {
            classes[area.areaCode] = "vg-fill--origin"
        }
        for adoption in adoptions where classes[adoption.areaCode] == nil { classes[adoption.areaCode] = "vg-fill--adopted" }
        let map = MapSVG.Drawing.focused(
            classes: classes, registry: registry, boundaries: try await request.boundaries(),
            title: "Where \(innovation.name) began and where it was adopted")
        let metrics = try await ReturnsStore(on: request).metrics().filter { $0.careModels.contains(innovation.careModel) }
        let evaluations = EvaluationStore(on: request)
        let model = InnovationPage.Model(
            innovation: innovation, origin: origin,
            caseStudies: try await LearningStore(on: request).published(.init(topics: ["innovation:\(innovation.slug)"])),
            adoptions: adoptions, areaNames: Dictionary(registry.areas.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first }),
            map: map, curve: AdoptionCurve(adoptions, through: Month(containing: request.now)), metrics: metrics,
            comparisons: try await comparisons(innovation, adoptions: adoptions, metrics: metrics, registry: registry, request: request),
            isGenerated: try await evaluations.hasGeneratedData(), areas: registry.areas.sorted { $0.name < $1.name },
            form: form, errors: errors, notice: notice
        )
        return InnovationPage.document(model, context: request.pageContext)
    }

    /// The adopting areas (as worked out when each was recorded), the originating vanguard and the
    /// rest of England (from the stored evaluations), each on the care model's metrics.
    static func comparisons(_ innovation: Innovation, adoptions: [Adoption], metrics: [Metric], registry: Registry, request: Request)
        async throws -> [InnovationPage.Comparison]
    {
        guard !adoptions.isEmpty else { return [] }
        let stored = try await EvaluationStore(on: request).evaluations(vanguard: innovation.originVanguard)
        func change(_ evaluation: MetricEvaluation?) -> String { VanguardDashboardPage.change(evaluation) }
        var rows: [InnovationPage.Comparison] = []
        for adoption in adoptions {
            let changes = metrics.map { metric in
                adoption.areaChanges.first { $0.metricCode == metric.code }.flatMap {
                    ProgressHeadline.change($0.change, inPoints: $0.inPoints)
                } ?? "–"
            }
            let area = registry.area(code: adoption.areaCode)?.name ?? adoption.areaCode
            rows.append(.init(label: "\(adoption.adopter) (\(area))", adoptedOn: adoption.adoptedOn.longForm, changes: changes))
        }
        let origin = registry.vanguard(number: innovation.originVanguard)?.name ?? "Vanguard \(innovation.originVanguard)"
        rows.append(
            .init(
                label: "\(origin) (originated it)", adoptedOn: "–",
                changes: metrics.map { metric in change(stored.vanguard.first { $0.metricCode == metric.code }) }))
        rows.append(.init(label: "Rest of England", adoptedOn: "–", changes: metrics.map { change(stored.restOfEngland[$0.code]) }))
        return rows
    }

    @Sendable static func recordAdoption(request: Request) async throws -> Response {
        let slug = request.pathParameter("slug")
        let store = InnovationStore(on: request)
        guard try await store.innovation(slug) != nil else { throw AppError.notFound("The innovation") }
        let form = try request.content.decode([String: String].self)
        let person = try request.requirePerson()
        do {
            let adoption = try await store.recordAdoption(
                of: slug, adopter: form["adopter"] ?? "", areaCode: form["area"] ?? "",
                adoptedOn: CalendarDate(iso8601: (form["adopted_on"] ?? "").trimmingCharacters(in: .whitespaces)),
                contact: form["contact"] ?? "", by: person.id, actor: person.actor, today: CalendarDate(containing: request.now))
            return try await page(request, notice: "Recorded: \(adoption.adopter) adopted it on \(adoption.adoptedOn.longForm).").response()
        } catch let error as ValidationError {
            return try await page(request, form: form, errors: error.byField).response(status: .badRequest)
        }
    }
}
