import Foundation
import VanguardCore
import VanguardStore
import Vapor

/// Impact estimates: read from storage, never fitted on a request.
enum ImpactController {
    @Sendable static func national(request: Request) async throws -> Response {
        let registry = try await request.registry()
        let model = try await request.readingDatabase {
            let store = ImpactStore(on: request)
            return ImpactNationalPage.Model(
                summaries: try await store.summaries(),
                waves: try await store.waveImpacts(),
                metrics: Dictionary(uniqueKeysWithValues: try await ReturnsStore(on: request).metrics().map { ($0.code, $0) }),
                registry: registry, isGenerated: try await EvaluationStore(on: request).hasGeneratedData(),
                computedAt: try await store.computedAt()
            )
        }
        return ImpactNationalPage.document(model, context: request.pageContext).response()
    }

    static func find(_ request: Request) async throws -> ImpactPage.Model {
        let registry = try await request.registry()
        let vanguard = try PagesController.findVanguard(request.pathParameter("number"), in: registry)
        let code = request.pathParameter("metric")
        let (metric, impact, isGenerated) = try await request.readingDatabase {
            (
                try await ReturnsStore(on: request).metrics().first { $0.code == code },
                try await ImpactStore(on: request).impact(vanguard: vanguard.number, metric: code),
                try await EvaluationStore(on: request).hasGeneratedData()
            )
        }
        guard let metric else { throw AppError.notFound("The metric \(code)") }
        guard let impact else { throw AppError.notFound("An impact estimate of \(vanguard.name) on \(metric.name)") }
        return ImpactPage.Model(vanguard: vanguard, metric: metric, impact: impact, registry: registry, isGenerated: isGenerated)
    }

    @Sendable static func estimate(request: Request) async throws -> Response {
        ImpactPage.document(try await find(request), context: request.pageContext).response()
    }

    /// `GET /api/v1/impact`
    @Sendable static func apiList(request: Request) async throws -> Response {
        let summaries = try await request.readingDatabase { try await ImpactStore(on: request).summaries() }
        return try json(summaries.map(ImpactSummaryDTO.init))
    }

    /// `GET /api/v1/impact/waves`
    @Sendable static func apiWaves(request: Request) async throws -> Response {
        try json(try await request.readingDatabase { try await ImpactStore(on: request).waveImpacts() })
    }

    /// `GET /api/v1/vanguards/{number}/impact/{metric}`
    @Sendable static func apiEstimate(request: Request) async throws -> Response {
        let model = try await find(request)
        return try json(model.impact)
    }

    static func json(_ value: some Encodable) throws -> Response {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys]
        let response = Response(status: .ok, body: .init(data: try encoder.encode(value)))
        response.headers.contentType = .json
        return response
    }
}
