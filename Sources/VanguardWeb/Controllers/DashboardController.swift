import Foundation
import Vapor
import VanguardCore
import VanguardStore

/// Dashboards read stored evaluations only; nothing here computes a chart.
enum DashboardController {
    static func model(_ request: Request) async throws -> VanguardDashboardPage.Model {
        let registry = try await request.registry()
        let vanguard = try PagesController.findVanguard(request.pathParameter("number"), in: registry)
        return try await request.readingDatabase {
            let store = EvaluationStore(database: request.db)
            let (own, rest) = try await store.evaluations(vanguard: vanguard.number)
            let metrics = Dictionary(uniqueKeysWithValues: try await ReturnsStore(database: request.db).metrics().map { ($0.code, $0) })
            let rows = own.compactMap { evaluation in
                metrics[evaluation.metricCode].map { VanguardDashboardPage.Row(metric: $0, evaluation: evaluation, restOfEngland: rest[evaluation.metricCode]) }
            }
            return VanguardDashboardPage.Model(
                vanguard: vanguard, rows: rows, isGenerated: try await store.hasGeneratedData(), rebases: try await store.rebases(vanguard: vanguard.number)
            )
        }
    }

    @Sendable static func vanguard(request: Request) async throws -> Response {
        VanguardDashboardPage.document(try await model(request), context: request.pageContext).response()
    }

    /// The programme team recalculates a chart's limits from a month, with a reason.
    @Sendable static func rebase(request: Request) async throws -> Response {
        var model = try await model(request)
        let form = try request.content.decode([String: String].self)
        let metric = form["metric"] ?? ""
        var problem: String?
        let period = Month(form["period"]?.trimmingCharacters(in: .whitespaces) ?? "")
        let reason = (form["reason"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if !model.rows.contains(where: { $0.metric.code == metric }) {
            problem = "This vanguard has no chart for that metric"
        } else if period == nil || !(model.rows.first { $0.metric.code == metric }?.evaluation.months.contains(period!) ?? false) {
            problem = "Give a month in the form YYYY-MM that the chart shows"
        } else if reason.isEmpty || reason.count > 500 {
            problem = "Give the reason (at most 500 characters)"
        }
        if let problem {
            model.rebaseError = (metric, problem)
            return VanguardDashboardPage.document(model, context: request.pageContext).response(status: .badRequest)
        }
        let store = EvaluationStore(database: request.db)
        do {
            try await store.addRebase(vanguard: model.vanguard.number, metric: metric, period: period!, reason: reason, by: try request.requirePerson().actor)
        } catch let error as AccountError {
            model.rebaseError = (metric, error.reason)
            return VanguardDashboardPage.document(model, context: request.pageContext).response(status: .badRequest)
        }
        try await store.recompute()
        return request.redirect(to: SiteURL.dashboard(model.vanguard.number).path + "#\(metric)", redirectType: .normal)
    }

    @Sendable static func national(request: Request) async throws -> Response {
        let registry = try await request.registry()
        let model = try await request.readingDatabase {
            let store = EvaluationStore(database: request.db)
            return NationalPage.Model(
                metrics: try await ReturnsStore(database: request.db).metrics(), summaries: try await store.summaries(), registry: registry,
                isGenerated: try await store.hasGeneratedData(), sort: request.queryValue("sort").nonBlank
            )
        }
        if let sort = model.sort, !model.metrics.contains(where: { $0.code == sort }) {
            throw AppError(InvalidParameter(name: "sort", value: sort, allowed: "one of \(model.metrics.map(\.code).joined(separator: ", "))"))
        }
        return NationalPage.document(model, context: request.pageContext).response()
    }

    @Sendable static func areaReturns(request: Request) async throws -> Response {
        let registry = try await request.registry()
        let area = try PagesController.findArea(request.pathParameter("code"), in: registry)
        let code = request.pathParameter("metric")
        let store = ReturnsStore(database: request.db)
        guard let metric = try await store.metrics().first(where: { $0.code == code }) else { throw AppError.notFound("The metric \(code)") }
        let months = try await request.readingDatabase { try await store.revisions(area: area.code, metric: metric.code) }
        return ReturnsHistoryPage.document(.init(area: area, metric: metric, months: months), context: request.pageContext).response()
    }

    @Sendable static func vanguardCSV(request: Request) async throws -> Response {
        let model = try await model(request)
        let response = Response(status: .ok, body: .init(string: VanguardDashboardPage.csv(model)))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"vanguard-\(model.vanguard.number)-dashboard.csv\"")
        return response
    }
}
