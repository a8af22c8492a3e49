import Foundation
import VanguardCore
import VanguardStore
import Vapor

/// Funding through the API: rounds and plans to read; allocation with conditions composed from
/// the same comparisons as the page, validated the same way (programme token).
enum FundingAPIController {
    static func summary(_ round: FundingRound, _ position: FundingPosition) -> FundingRoundSummaryDTO {
        FundingRoundSummaryDTO(
            id: round.id, name: round.name, potPounds: round.potPounds, allocatedPounds: position.allocated,
            releasedPounds: position.released, opensOn: round.opensOn.iso8601, closesOn: round.closesOn.iso8601)
    }

    /// `GET /api/v1/funding/rounds`
    @Sendable static func rounds(request: Request) async throws -> [FundingRoundSummaryDTO] {
        let store = FundingStore(on: request)
        var result: [FundingRoundSummaryDTO] = []
        for round in try await store.rounds() { result.append(summary(round, FundingPosition(try await store.ledger(round: round.id)))) }
        return result
    }

    /// `GET /api/v1/funding/rounds/{round}`
    @Sendable static func round(request: Request) async throws -> FundingRoundDTO {
        let round = try await FundingController.findRound(request)
        let store = FundingStore(on: request)
        var plans: [FundingPlanSummaryDTO] = []
        for plan in try await store.plans(round: round.id) {
            let position = FundingPosition(try await store.ledger(plan: plan.id))
            plans.append(
                FundingPlanSummaryDTO(
                    id: plan.id, place: plan.place.key, title: plan.current.content.title, version: plan.current.number,
                    eligible: plan.isEligible,
                    signed: plan.signOff.signed, waiting: plan.signOff.waiting, askedPounds: plan.current.content.totalPounds,
                    allocatedPounds: position.allocated, releasedPounds: position.released))
        }
        return FundingRoundDTO(round: summary(round, FundingPosition(try await store.ledger(round: round.id))), plans: plans)
    }

    /// `POST /api/v1/funding/plans/{plan}/allocation` with a programme token.
    @Sendable static func allocate(request: Request) async throws -> Response {
        let (plan, _, _) = try await FundingPlanController.find(request)
        let body = try request.decodeBody(AllocationDTO.self)
        guard let caller = request.caller else { throw AppError.unauthorized("Send an API token.") }
        let store = FundingStore(on: request)
        var tranches: [FundingStore.TrancheRequest] = []
        for (index, line) in body.tranches.enumerated() {
            guard let quarter = FinancialQuarter(line.quarter) else {
                throw ValidationError.invalid(
                    field: "tranches[\(index)].quarter", reason: "\"\(line.quarter)\" is not a quarter like 2017/18 Q3")
            }
            tranches.append(.init(quarter: quarter, pounds: line.pounds, condition: try line.condition?.condition()))
        }
        let known = Set(try await ReturnsStore(on: request).metrics().map(\.code))
        try await store.allocate(plan: plan.id, tranches: tranches, knownMetrics: known, by: caller.actor)
        let (place, rest) = try await store.evaluations(for: plan.place)
        let result = try await store.tranches(plan: plan.id).map { tranche in
            TrancheDTO(tranche, check: tranche.condition.map { $0.check(place: place[$0.metric], restOfEngland: rest[$0.metric]) })
        }
        let response = Response(status: .created)
        try response.content.encode(result)
        return response
    }
}
