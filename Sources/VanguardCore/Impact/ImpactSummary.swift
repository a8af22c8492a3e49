/// One line of the national impact table: the three estimates with their intervals and verdicts.
public struct ImpactSummary: Codable, Sendable, Equatable {
    public struct Estimate: Codable, Sendable, Equatable {
        public let relativeEffect: Double
        public let lower: Double
        public let upper: Double
        public let isReliable: Bool
        public let pValue: Double?
    }

    public let vanguardNumber: Int
    public let metricCode: String
    public let synthetic: Estimate?
    public let differenceInDifferences: Estimate?
    /// Absent from summaries stored before the method was added.
    public let syntheticDifferenceInDifferences: Estimate?
    public let preferred: VanguardImpact.Preference.Method?

    public init(_ impact: VanguardImpact) {
        vanguardNumber = impact.vanguardNumber
        metricCode = impact.metricCode
        synthetic = impact.synthetic.map {
            Estimate(
                relativeEffect: $0.relativeEffect, lower: $0.lower, upper: $0.upper, isReliable: $0.verdict.isReliable, pValue: $0.pValue)
        }
        differenceInDifferences = impact.differenceInDifferences.map {
            Estimate(relativeEffect: $0.relativeEffect, lower: $0.lower, upper: $0.upper, isReliable: $0.verdict.isReliable, pValue: nil)
        }
        syntheticDifferenceInDifferences = impact.syntheticDifferenceInDifferences.map {
            Estimate(
                relativeEffect: $0.relativeEffect, lower: $0.lower, upper: $0.upper, isReliable: $0.verdict.isReliable,
                pValue: $0.conformalPValue)
        }
        preferred = impact.preferred?.method
    }
}
