import Foundation

/// A round of transformation funding: the pot, when plans may be submitted, and what it expects.
public struct FundingRound: Sendable, Equatable, Identifiable {
    public let id: UUID
    public var name: String
    public var potPounds: Int
    public var opensOn: CalendarDate
    public var closesOn: CalendarDate
    public var guidance: String
    /// The share of the money the round expects to go to transformation (the rest sustainability), in per cent.
    public var expectedTransformationPercent: Int
    /// The conditions the round will attach to later tranches, in words.
    public var conditions: String
    /// A spend return further than this from its profile, either way, is flagged (per cent).
    public var varianceThresholdPercent: Int

    public init(
        id: UUID, name: String, potPounds: Int, opensOn: CalendarDate, closesOn: CalendarDate, guidance: String,
        expectedTransformationPercent: Int, conditions: String, varianceThresholdPercent: Int = 10
    ) {
        self.id = id
        self.name = name
        self.potPounds = potPounds
        self.opensOn = opensOn
        self.closesOn = closesOn
        self.guidance = guidance
        self.expectedTransformationPercent = expectedTransformationPercent
        self.conditions = conditions
        self.varianceThresholdPercent = varianceThresholdPercent
    }

    public var problems: [ValidationError] {
        var problems: [ValidationError] = []
        if name.trimmingCharacters(in: .whitespaces).isEmpty { problems.append(.invalid(field: "name", reason: "Give the round a name")) }
        if name.count > 200 { problems.append(.invalid(field: "name", reason: "Keep the name to 200 characters")) }
        if potPounds <= 0 { problems.append(.invalid(field: "pot", reason: "The pot should be more than £0")) }
        if closesOn <= opensOn { problems.append(.invalid(field: "closes_on", reason: "The round must close after it opens")) }
        if !(0...100).contains(expectedTransformationPercent) {
            problems.append(
                .invalid(field: "transformation_percent", reason: "Give the transformation share as a whole per cent from 0 to 100"))
        }
        if !(1...100).contains(varianceThresholdPercent) {
            problems.append(.invalid(field: "variance_threshold", reason: "Give the variance threshold as a whole per cent from 1 to 100"))
        }
        if guidance.count > 20_000 || conditions.count > 20_000 {
            problems.append(.invalid(field: "guidance", reason: "Keep guidance and conditions to 20,000 characters each"))
        }
        return problems
    }
}

/// Where a funding plan is for: one plan per place per round.
public enum FundingPlace: Sendable, Hashable, Codable {
    case vanguard(Int)
    /// A partnership that is not a vanguard, over a set of areas.
    case areas([String])

    /// The same place always has the same key, however its areas were listed.
    public var key: String {
        switch self {
        case .vanguard(let number): "vanguard:\(number)"
        case .areas(let codes): "areas:" + Set(codes.map { $0.uppercased() }).sorted().joined(separator: ",")
        }
    }

    /// The sub-ICB locations the place covers: a vanguard's footprint, or a partnership's own list.
    public func areaCodes(footprints: [Int: Set<String>]) -> Set<String> {
        switch self {
        case .vanguard(let number): footprints[number] ?? []
        case .areas(let codes): Set(codes.map { $0.uppercased() })
        }
    }

    /// Why this place cannot have a plan beside the plans `existing` in the same round, if it cannot:
    /// a place is its areas, so a partnership may not cover an area another plan covers (listing a
    /// vanguard's areas as a partnership would give that place a second plan). Vanguards' own
    /// footprints may overlap one another's (a network and a local site), and each has its one plan.
    public func conflict(with existing: [FundingPlace], footprints: [Int: Set<String>]) -> ValidationError? {
        if existing.contains(where: { $0.key == key }) {
            return .invalid(field: "place", reason: "This place already has a plan in this round: one plan per place per round")
        }
        let mine = areaCodes(footprints: footprints)
        for other in existing {
            if case .vanguard = self, case .vanguard = other { continue }
            let shared = mine.intersection(other.areaCodes(footprints: footprints))
            if !shared.isEmpty {
                let whose = if case .vanguard(let number) = other { "vanguard \(number)'s plan" } else { "another partnership's plan" }
                return .invalid(
                    field: "place",
                    reason:
                        "\(shared.sorted().joined(separator: ", ")) \(shared.count == 1 ? "is" : "are") already in \(whose) in this round: one plan per place per round"
                )
            }
        }
        return nil
    }
}
