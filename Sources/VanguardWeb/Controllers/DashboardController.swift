import Foundation
import VanguardCore
import VanguardStore
import Vapor

/// Dashboards read stored evaluations only; nothing here computes a chart.
enum DashboardController {
    static func model(_ request: Request) async throws -> VanguardDashboardPage.Model {
        let registry = try await request.registry()
        let vanguard = try PagesController.findVanguard(request.pathParameter("number"), in: registry)
        return try await request.readingDatabase {
            let store = EvaluationStore(on: request)
            let (own, rest) = try await store.evaluations(vanguard: vanguard.number)
            let metrics = Dictionary(uniqueKeysWithValues: try await ReturnsStore(on: request).metrics().map { ($0.code, $0) })
            let rows = own.compactMap { evaluation in
                metrics[evaluation.metricCode].map {
                    VanguardDashboardPage.Row(metric: $0, evaluation: evaluation, restOfEngland: rest[evaluation.metricCode])
                }
            }
            return VanguardDashboardPage.Model(
                vanguard: vanguard, rows: rows, isGenerated: try await store.hasGeneratedData(),
                rebases: try await store.rebases(vanguard: vanguard.number),
                impactMetrics: try await ImpactStore(on: request).metricCodes(vanguard: vanguard.number)
            )
        }
    }

    @Sendable static func vanguard(request: Request) async throws -> Response {
        VanguardDashboardPage.document(try await model(request), context: request.pageContext).response()
    }

    static func progressReportModel(_ request: Request) async throws -> ProgressReport.Model {
        let dashboard = try await model(request)
        let registry = try await request.registry()
        let number = dashboard.vanguard.number
        return ProgressReport.Model(
            dashboard: dashboard, footprint: registry.areas(of: number), partners: registry.partners(of: number), produced: request.now)
    }

    @Sendable static func progressReport(request: Request) async throws -> Response {
        ProgressReport.document(try await progressReportModel(request), context: request.pageContext).response()
    }

    @Sendable static func progressReportBundle(request: Request) async throws -> Response {
        let model = try await progressReportModel(request)
        let response = Response(status: .ok, body: .init(data: Data(ProgressReport.bundle(model))))
        response.headers.contentType = .zip
        response.headers.replaceOrAdd(
            name: .contentDisposition, value: "attachment; filename=\"vanguard-\(model.vanguard.number)-progress-report.zip\"")
        return response
    }

    @Sendable static func national(request: Request) async throws -> Response {
        let registry = try await request.registry()
        let model = try await request.readingDatabase {
            let store = EvaluationStore(on: request)
            return NationalPage.Model(
                metrics: try await ReturnsStore(on: request).metrics(), summaries: try await store.summaries(), registry: registry,
                isGenerated: try await store.hasGeneratedData(), sort: request.queryValue("sort").nonBlank,
                coverage: try await store.pooledCoverage()
            )
        }
        if let sort = model.sort, !model.metrics.contains(where: { $0.code == sort }) {
            throw AppError(
                InvalidParameter(name: "sort", value: sort, allowed: "one of \(model.metrics.map(\.code).joined(separator: ", "))"))
        }
        return NationalPage.document(model, context: request.pageContext).response()
    }

    @Sendable static func areaReturns(request: Request) async throws -> Response {
        let registry = try await request.registry()
        let area = try PagesController.findArea(request.pathParameter("code"), in: registry)
        let code = request.pathParameter("metric")
        let store = ReturnsStore(on: request)
        guard let metric = try await store.metrics().first(where: { $0.code == code }) else {
            throw AppError.notFound("The metric \(code)")
        }
        let months = try await request.readingDatabase { try await store.revisions(area: area.code, metric: metric.code) }
        return ReturnsHistoryPage.document(.init(area: area, metric: metric, months: months), context: request.pageContext).response()
    }

    @Sendable static func vanguardCSV(request: Request) async throws -> Response {
        let model = try await model(request)
        let response = Response(status: .ok, body: .init(string: VanguardDashboardPage.csv(model)))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        response.headers.replaceOrAdd(
            name: .contentDisposition, value: "attachment; filename=\"vanguard-\(model.vanguard.number)-dashboard.csv\"")
        return response
    }
}
