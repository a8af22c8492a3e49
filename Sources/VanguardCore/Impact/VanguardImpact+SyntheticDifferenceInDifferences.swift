import Foundation

extension VanguardImpact {
    /// Synthetic difference-in-differences of the pooled footprint against the areas with no
    /// vanguard, with the paper's placebo standard error, and a conformal interval for every month
    /// after the start.
    public struct SyntheticDifferenceInDifferencesResult: Codable, Sendable, Equatable {
        /// The average effect after the start, in the metric's unit.
        public let effect: Double
        /// The placebo standard error of `effect` (the paper's Algorithm 4).
        public let standardError: Double
        public let placeboReplications: Int
        /// The effect as a fraction of the counterfactual's mean after the start, with a 95%
        /// interval of ±1.96 standard errors.
        public let relativeEffect: Double
        public let lower: Double
        public let upper: Double
        /// Area → weight (those of at least 0.001).
        public let unitWeights: [String: Double]
        /// Month → weight, over the months before the start (those of at least 0.001).
        public let timeWeights: [String: Double]
        /// The pooled footprint, and its weighted areas plus a constant, every month.
        public let observed: [Double]
        public let counterfactual: [Double]
        /// The pre-period error of that counterfactual (root mean square).
        public let preRMSE: Double
        /// Conformal inference (Chernozhukov, Wüthrich & Zhu) on the same counterfactual: for each
        /// month after the start, the 95% interval of its effect in the metric's unit; empty, with
        /// `conformalNote` saying why, when the test cannot give one.
        public let conformalLower: [Double]
        public let conformalUpper: [Double]
        /// The moving-block test of no effect in any month after the start.
        public let conformalPValue: Double
        public let conformalNote: String?
        public let verdict: Verdict
    }

    static let placeboReplications = 50
    static let placeboSeed: UInt64 = 2015

    static func syntheticDifferenceInDifferences(
        treated: [Double], pool: [String], rates: [String: [Month: Double]], months: [Month], startIndex: Int
    ) throws(ImpactError) -> SyntheticDifferenceInDifferencesResult {
        let donorRows = pool.map { area in months.map { rates[area]![$0]! } }
        let study = try SyntheticDifferenceInDifferences(
            outcomes: donorRows + [treated], donorCount: pool.count, prePeriodCount: startIndex)
        guard let standardError = study.placeboStandardError(.sdid, replications: placeboReplications, seed: placeboSeed, solver: .exact)
        else {
            throw .invalid("donors", "too few areas with no vanguard for a placebo standard error")
        }
        let conformal = try ConformalInference(
            treated: treated, donors: donorRows, prePeriodCount: startIndex, estimator: .syntheticDifferenceInDifferences)
        let estimate = study.estimate(.sdid)
        // The counterfactual every month: the weighted areas shifted by the time-weighted
        // pre-period difference, as the estimate itself compares them.
        let weighted = months.indices.map { time in zip(donorRows, estimate.unitWeights).reduce(0.0) { $0 + $1.0[time] * $1.1 } }
        let shift = (0..<startIndex).reduce(0.0) { $0 + estimate.timeWeights[$1] * (treated[$1] - weighted[$1]) }
        let counterfactual = weighted.map { $0 + shift }
        let preErrors = (0..<startIndex).map { treated[$0] - counterfactual[$0] }
        let preRMSE = (preErrors.reduce(0) { $0 + $1 * $1 } / Double(startIndex)).squareRoot()
        let postCounterfactual = counterfactual[startIndex...].reduce(0, +) / Double(months.count - startIndex)
        func relative(_ value: Double) -> Double { postCounterfactual != 0 ? value / postCounterfactual : 0 }
        let intervals = conformal.searchedIntervals(level: 0.95, tolerance: 1e-2)
        let preSD = SampleStatistics.standardDeviation(Array(treated[..<startIndex]))
        let relativeRMSE = preSD > 0 ? preRMSE / preSD : .infinity
        let verdict =
            relativeRMSE > maximumRelativePreRMSPE
            ? Verdict(
                isReliable: false,
                reason: String(
                    format:
                        "The weighted areas do not track the footprint before the start: the pre-period error is %.0f%% of the series' own spread (the limit is %.0f%%).",
                    relativeRMSE * 100, maximumRelativePreRMSPE * 100))
            : Verdict(
                isReliable: true,
                reason: String(
                    format: "The weighted areas track the footprint before the start (pre-period error %.0f%% of the series' spread).",
                    relativeRMSE * 100))
        return SyntheticDifferenceInDifferencesResult(
            effect: estimate.effect, standardError: standardError, placeboReplications: placeboReplications,
            relativeEffect: relative(estimate.effect), lower: relative(estimate.effect - 1.96 * standardError),
            upper: relative(estimate.effect + 1.96 * standardError),
            unitWeights: Dictionary(uniqueKeysWithValues: zip(pool, estimate.unitWeights).filter { $0.1 >= 0.001 }.map { ($0.0, $0.1) }),
            timeWeights: Dictionary(
                uniqueKeysWithValues: zip(months[..<startIndex], estimate.timeWeights).filter { $0.1 >= 0.001 }.map {
                    ($0.0.description, $0.1)
                }),
            observed: treated, counterfactual: counterfactual, preRMSE: preRMSE,
            conformalLower: intervals?.map(\.lower) ?? [], conformalUpper: intervals?.map(\.upper) ?? [],
            conformalPValue: conformal.pValue(effects: [0]),
            conformalNote: intervals == nil
                ? "No monthly interval: with \(startIndex) months before the start the test cannot reject anything at the 5% level (it needs 19)."
                : nil,
            verdict: verdict)
    }
}
