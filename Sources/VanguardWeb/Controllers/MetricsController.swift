import Foundation
import Plot
import VanguardCore
import VanguardStore
import Vapor

/// The metric framework: public to read, the programme team's to edit. An edit recomputes the
/// evaluations, since direction and target change what the charts say.
enum MetricsController {
    @Sendable static func list(request: Request) async throws -> Response {
        let metrics = try await request.readingDatabase { try await ReturnsStore(on: request).metrics() }
        return MetricsPage.document(metrics, context: request.pageContext).response()
    }

    /// Old links to `/metrics/{code}/edit` (the framework's address until December 2026) go to the
    /// metric's form at its new address.
    @Sendable static func formerEditAddress(request: Request) async throws -> Response {
        request.redirect(to: SiteURL.editMetric(request.pathParameter("code")).path, redirectType: .permanent)
    }

    static func find(_ request: Request) async throws -> Metric {
        let code = request.pathParameter("code")
        guard let metric = try await ReturnsStore(on: request).metrics().first(where: { $0.code == code }) else {
            throw AppError.notFound("The metric \(code)")
        }
        return metric
    }

    static func fields(_ values: [String: String], errors: [String: String] = [:]) -> [FormField] {
        [
            FormField(name: "name", label: "Name", value: values["name"] ?? "", error: errors["name"]),
            FormField(
                name: "definition", label: "Definition", kind: .textarea, value: values["definition"] ?? "", error: errors["definition"]),
            FormField(
                name: "unit", label: "Unit", value: values["unit"] ?? "", hint: "For example: per 1,000 population", error: errors["unit"]),
            FormField(
                name: "direction", label: "Improvement is",
                kind: .select([("decrease", "a decrease"), ("increase", "an increase"), ("neutral", "neither")]),
                value: values["direction"] ?? "", error: errors["direction"]),
            FormField(
                name: "care_models", label: "Care models it applies to", value: values["care_models"] ?? "",
                hint: "Codes separated by spaces: pacs mcp ehch uec acc", error: errors["care_models"]),
            FormField(name: "target", label: "Target (optional)", value: values["target"] ?? "", error: errors["target"]),
            FormField(
                name: "chart", label: "SPC chart", kind: .select(SPCChartKind.allCases.map { ($0.rawValue, $0.name) }),
                value: values["chart"] ?? "xmr",
                hint:
                    "XmR for rates of large populations; P′ or U′ (Laney) for counts over large denominators; P or U for small ones; a run chart where limits would mislead",
                error: errors["chart"]),
        ]
    }

    static func values(of metric: Metric) -> [String: String] {
        [
            "name": metric.name, "definition": metric.definition, "unit": metric.unit, "direction": metric.direction.rawValue,
            "care_models": metric.careModels.map(\.rawValue).joined(separator: " "), "target": metric.target.map { String($0) } ?? "",
            "chart": metric.chart.rawValue,
        ]
    }

    static func page(_ metric: Metric, fields: [FormField], context: PageContext) -> HTML {
        AccountFormPage.document(
            title: "Edit \(metric.name)", lede: "Code \(metric.code); numerator: \(metric.numerator); denominator: \(metric.denominator).",
            action: .editMetric(metric.code), fields: fields, submit: "Save and recompute", context: context)
    }

    @Sendable static func form(request: Request) async throws -> Response {
        let metric = try await find(request)
        return page(metric, fields: fields(values(of: metric)), context: request.pageContext).response()
    }

    /// Reads the form into a metric, naming each field that is wrong.
    static func parse(_ form: [String: String], into metric: Metric) -> Result<Metric, FieldErrors> {
        var errors: [String: String] = [:]
        func text(_ field: String, _ maximum: Int) -> String {
            do { return try FieldLimits.check(form[field] ?? "", field: field, maximum: maximum) } catch {
                errors[field] = error.reason
                return ""
            }
        }
        let name = text("name", 200), definition = text("definition", 2000), unit = text("unit", 100)
        let direction = ImprovementDirection(rawValue: form["direction"] ?? "")
        if direction == nil { errors["direction"] = "Choose a direction" }
        var models: [CareModel] = []
        do { models = try CareModel.list(from: form["care_models"] ?? "", field: "care_models") } catch {
            errors["care_models"] = error.reason
        }
        var target: Double?
        if let text = form["target"].nonBlank {
            if let value = Double(text), value.isFinite { target = value } else { errors["target"] = "Give a number, or leave it empty" }
        }
        let chart = form["chart"].nonBlank.map { SPCChartKind(rawValue: $0) } ?? metric.chart
        if chart == nil { errors["chart"] = "Choose a chart: \(SPCChartKind.allCases.map(\.rawValue).joined(separator: ", "))" }
        guard errors.isEmpty, let direction, let chart else { return .failure(FieldErrors(byField: errors)) }
        return .success(
            Metric(
                code: metric.code, name: name, definition: definition, numerator: metric.numerator, denominator: metric.denominator,
                unit: unit,
                multiplier: metric.multiplier, direction: direction, careModels: models, source: metric.source, target: target, chart: chart
            ))
    }

    @Sendable static func save(request: Request) async throws -> Response {
        let metric = try await find(request)
        let form = try request.content.decode([String: String].self)
        switch parse(form, into: metric) {
        case .failure(let errors):
            return page(metric, fields: fields(form, errors: errors.byField), context: request.pageContext).response(status: .badRequest)
        case .success(let updated):
            try await ReviseMetric(database: request.db, now: request.application.appConfig.now)(
                updated, by: try request.requirePerson().actor)
            return request.redirect(to: SiteURL.metricFramework.path, redirectType: .normal)
        }
    }
}

extension MetricsController {
    /// `GET /api/v1/metrics`
    @Sendable static func apiList(request: Request) async throws -> [MetricDTO] {
        try await request.readingDatabase { try await ReturnsStore(on: request).metrics().map(MetricDTO.init) }
    }

    /// `GET /api/v1/metrics/{code}`
    @Sendable static func apiShow(request: Request) async throws -> MetricDTO {
        MetricDTO(try await find(request))
    }

    /// `PUT /api/v1/metrics/{code}` with a programme token: the same checks as the form, then a recompute.
    @Sendable static func apiUpdate(request: Request) async throws -> MetricDTO {
        let metric = try await find(request)
        let body = try request.decodeBody(MetricEditDTO.self)
        let fixed = body.changesToFixedFields(of: metric)
        if !fixed.isEmpty { throw AppError.conflict(fixed.joined(separator: "; ")) }
        switch parse(body.form, into: metric) {
        case .failure(let errors):
            throw AppError.badRequest(errors.byField.keys.sorted().map { "\($0): \(errors.byField[$0]!)" }.joined(separator: "; "))
        case .success(let updated):
            guard let caller = request.caller else { throw AppError.unauthorized("Send an API token.") }
            try await ReviseMetric(database: request.db, now: request.application.appConfig.now)(updated, by: caller.actor)
            return MetricDTO(updated)
        }
    }
}
