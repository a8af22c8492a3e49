import Foundation
import VanguardCore
import VanguardStore
import Vapor

/// Rebase points: the programme team recalculates a vanguard chart's limits from a month, with a
/// reason, or removes a rebase point, also with a reason. The web form and the API share the checks.
enum RebaseController {
    /// What a rebase request asks for, checked against the charts the vanguard has.
    struct Checked {
        let metric: String
        let period: Month
        let reason: String
    }

    /// Checks the fields, returning the problem in words a person can act on.
    static func check(metric: String, period text: String, reason text2: String, rows: [VanguardDashboardPage.Row]) -> Result<
        Checked, ValidationError
    > {
        let reason = text2.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let row = rows.first(where: { $0.metric.code == metric }) else {
            return .failure(.invalid(field: "metric", reason: "This vanguard has no chart for '\(metric)'"))
        }
        guard let period = Month(text.trimmingCharacters(in: .whitespaces)), row.evaluation.months.contains(period) else {
            return .failure(.invalid(field: "period", reason: "Give a month in the form YYYY-MM that the chart shows"))
        }
        guard !reason.isEmpty, reason.count <= 500 else {
            return .failure(.invalid(field: "reason", reason: "Give the reason (at most 500 characters)"))
        }
        return .success(Checked(metric: metric, period: period, reason: reason))
    }

    // MARK: Web

    @Sendable static func add(request: Request) async throws -> Response {
        try await change(request, remove: false)
    }

    @Sendable static func remove(request: Request) async throws -> Response {
        try await change(request, remove: true)
    }

    static func change(_ request: Request, remove: Bool) async throws -> Response {
        var model = try await DashboardController.model(request)
        let form = try request.content.decode([String: String].self)
        let metric = form["metric"] ?? ""
        do {
            let checked = try check(metric: metric, period: form["period"] ?? "", reason: form["reason"] ?? "", rows: model.rows).get()
            try await apply(checked, remove: remove, vanguard: model.vanguard.number, request: request)
        } catch let error as ValidationError {
            model.rebaseError = (metric, error.reason)
            return VanguardDashboardPage.document(model, context: request.pageContext).response(status: .badRequest)
        }
        return request.redirect(to: SiteURL.dashboard(model.vanguard.number).path + "#\(metric)", redirectType: .normal)
    }

    static func apply(_ checked: Checked, remove: Bool, vanguard: Int, request: Request) async throws {
        let store = EvaluationStore(on: request)
        guard let actor = request.caller?.actor else { throw AppError.unauthorized("Sign in first.") }
        if remove {
            try await store.removeRebase(
                vanguard: vanguard, metric: checked.metric, period: checked.period, reason: checked.reason, by: actor)
        } else {
            try await store.addRebase(vanguard: vanguard, metric: checked.metric, period: checked.period, reason: checked.reason, by: actor)
        }
        try await store.recompute()
    }

    // MARK: API

    /// `GET /api/v1/vanguards/{number}/rebases`
    @Sendable static func list(request: Request) async throws -> [RebaseDTO] {
        let vanguard = try PagesController.findVanguard(request.pathParameter("number"), in: try await request.registry())
        let points = try await request.readingDatabase { try await EvaluationStore(on: request).rebases(vanguard: vanguard.number) }
        return points.keys.sorted().flatMap { points[$0]!.map(RebaseDTO.init) }
    }

    /// `POST /api/v1/vanguards/{number}/rebases` with a programme token.
    @Sendable static func create(request: Request) async throws -> Response {
        let model = try await DashboardController.model(request)
        let body = try request.decodeBody(NewRebaseDTO.self)
        let checked = try checkedForAPI(metric: body.metric, period: body.period, reason: body.reason, rows: model.rows)
        // What the store refuses now is the chart's state (already rebased there), not the request's form.
        do { try await apply(checked, remove: false, vanguard: model.vanguard.number, request: request) } catch let error as ValidationError
        {
            throw AppError.conflict("\(error.field): \(error.reason)")
        }
        let stored = try await EvaluationStore(on: request).rebases(vanguard: model.vanguard.number)[checked.metric]?.first {
            $0.period == checked.period
        }
        guard let stored else { throw AppError.notFound("The new rebase point") }
        return try await RebaseDTO(stored).encodeResponse(status: .created, for: request)
    }

    /// `DELETE /api/v1/vanguards/{number}/rebases/{metric}/{period}?reason=…` with a programme token.
    @Sendable static func delete(request: Request) async throws -> Response {
        let model = try await DashboardController.model(request)
        let checked = try checkedForAPI(
            metric: request.pathParameter("metric"), period: request.pathParameter("period"), reason: request.queryValue("reason") ?? "",
            rows: model.rows
        )
        do { try await apply(checked, remove: true, vanguard: model.vanguard.number, request: request) } catch is ValidationError {
            throw AppError.notFound("The rebase point of \(checked.metric) at \(checked.period)")
        }
        return Response(status: .noContent)
    }

    /// A chart or month the vanguard does not have is a resource that is not there (404); a reason
    /// missing is the caller's to fix (400).
    static func checkedForAPI(metric: String, period: String, reason: String, rows: [VanguardDashboardPage.Row]) throws -> Checked {
        switch check(metric: metric, period: period, reason: reason, rows: rows) {
        case .success(let checked): return checked
        case .failure(let error) where error.field == "metric": throw AppError.notFound("The chart of '\(metric)' at this vanguard")
        case .failure(let error) where error.field == "period": throw AppError.notFound("The month '\(period)' of the chart of \(metric)")
        case .failure(let error): throw AppError.badRequest("\(error.field): \(error.reason)")
        }
    }
}
