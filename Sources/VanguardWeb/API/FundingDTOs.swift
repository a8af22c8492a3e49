import VanguardCore
import Vapor

/// A tranche condition as the API reads and writes it: `kind` names the comparison.
struct ConditionDTO: Content, Equatable {
    let kind: String
    let metric: String
    let points: Double?

    init(_ condition: TrancheCondition) {
        switch condition {
        case .growthBelowRestOfEngland(let metric, let points):
            (kind, self.metric, self.points) = ("growth_below_rest_of_england", metric, points)
        case .latestPointNotConcern(let metric): (kind, self.metric, points) = ("latest_point_not_concern", metric, nil)
        }
    }

    func condition() throws(ValidationError) -> TrancheCondition {
        switch kind {
        case "growth_below_rest_of_england":
            guard let points else { throw .invalid(field: "condition", reason: "growth_below_rest_of_england needs points") }
            return .growthBelowRestOfEngland(metric: metric, points: points)
        case "latest_point_not_concern": return .latestPointNotConcern(metric: metric)
        default:
            throw .invalid(
                field: "condition", reason: "\"\(kind)\" is not a condition: growth_below_rest_of_england or latest_point_not_concern")
        }
    }
}

struct TrancheDTO: Content {
    let id: UUID
    let quarter: String
    let pounds: Int
    @NullWhenAbsent var condition: ConditionDTO?
    let status: String
    /// The condition checked against today's evaluations.
    @NullWhenAbsent var evidence: String?
    @NullWhenAbsent var conditionMet: Bool?

    enum CodingKeys: String, CodingKey {
        case id, quarter, pounds, condition, status, evidence
        case conditionMet = "condition_met"
    }

    init(_ tranche: Tranche, check: ConditionCheck?) {
        id = tranche.id
        quarter = tranche.quarter.description
        pounds = tranche.pounds
        condition = tranche.condition.map(ConditionDTO.init)
        status = tranche.status.rawValue
        evidence = check?.evidence
        conditionMet = check?.isMet
    }
}

struct AllocationDTO: Content {
    struct Line: Content {
        let quarter: String
        let pounds: Int
        let condition: ConditionDTO?
    }

    let tranches: [Line]
}

extension AllocationDTO: JSONBody {
    static let fields: Set<String> = ["tranches"]
    static let shape =
        "{\"tranches\": [{\"quarter\": \"2017/18 Q1\", \"pounds\": 1000000, \"condition\": null or {\"kind\", \"metric\", \"points\"}}]}"
}

struct FundingRoundSummaryDTO: Content {
    let id: UUID
    let name: String
    let potPounds: Int
    let allocatedPounds: Int
    let releasedPounds: Int
    let opensOn: String
    let closesOn: String

    enum CodingKeys: String, CodingKey {
        case id, name
        case potPounds = "pot_pounds", allocatedPounds = "allocated_pounds", releasedPounds = "released_pounds", opensOn = "opens_on",
            closesOn = "closes_on"
    }
}

struct FundingPlanSummaryDTO: Content {
    let id: UUID
    let place: String
    let title: String
    let version: Int
    let eligible: Bool
    let signed: [String]
    let waiting: [String]
    let askedPounds: Int
    let allocatedPounds: Int
    let releasedPounds: Int

    enum CodingKeys: String, CodingKey {
        case id, place, title, version, eligible, signed, waiting
        case askedPounds = "asked_pounds", allocatedPounds = "allocated_pounds", releasedPounds = "released_pounds"
    }
}

struct FundingRoundDTO: Content {
    let round: FundingRoundSummaryDTO
    let plans: [FundingPlanSummaryDTO]
}
