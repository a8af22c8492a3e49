import Foundation

/// The counterfactual impact of one vanguard on one metric, from the monthly returns: a synthetic
/// control of its pooled footprint from the areas with no vanguard (with placebos), and a
/// difference-in-differences against matched comparison areas (with an event study), each judged
/// reliable or not before it is shown as an effect.
public struct VanguardImpact: Codable, Sendable, Equatable {
    public let vanguardNumber: Int
    public let metricCode: String
    public let start: Month
    public let months: [Month]
    public let synthetic: SyntheticResult?
    public let differenceInDifferences: DiDResult?
    public let syntheticDifferenceInDifferences: SyntheticDifferenceInDifferencesResult?
    /// Method → why it gave no estimate (absent in estimates stored before it was kept).
    public let notEstimable: [String: String]?
    /// Which estimate to read first, and why.
    public let preferred: Preference?
    /// Plain-words caveats that apply whatever the verdicts.
    public let caveats: [String]

    public struct Verdict: Codable, Sendable, Equatable {
        public let isReliable: Bool
        public let reason: String
    }

    public struct SyntheticResult: Codable, Sendable, Equatable {
        public let observed: [Double]
        public let synthetic: [Double]
        /// Effect as a fraction of the synthetic rate after the start (−0.04 is 4% lower).
        public let relativeEffect: Double
        /// 95% interval from the placebo distribution of effects.
        public let lower: Double
        public let upper: Double
        /// The share of all units (footprint and placebos) whose effect is at least as large as the
        /// footprint's, ignoring sign: read from the same placebo effects as the interval, so the two
        /// agree (p below 0.05 goes with an interval that leaves out zero, give or take the ends).
        public let pValue: Double
        /// The footprint's place in that ordering, 1 the largest, of `units`.
        public let rank: Int
        public let units: Int
        /// Abadie's test: rank by the ratio of post- to pre-start error. It also punishes a loose fit
        /// before the start, so it can disagree with the interval; shown beside it, explained.
        public let ratioPValue: Double
        public let ratioRank: Int
        public let preRMSPE: Double
        public let weights: [String: Double]
        /// Placebo gaps (area → monthly gap), the spaghetti behind the p-value.
        public let placeboGaps: [String: [Double]]
        public let verdict: Verdict
    }

    public struct DiDResult: Codable, Sendable, Equatable {
        /// Effect as a fraction (exp of the log-rate coefficient, minus one), with its 95% interval
        /// from placebo estimates on the areas with no vanguard.
        public let relativeEffect: Double
        public let lower: Double
        public let upper: Double
        /// The unit-clustered standard error of the log-rate coefficient (shown, not used for the
        /// interval: with one or two treated areas it is far too small).
        public let clusteredStandardError: Double
        public let placebos: Int
        public let comparisonAreas: [String]
        public let unmatchedAreas: [String]
        public let comparisonMean: [Double]
        public let treatedMean: [Double]
        /// Quarters since the start, with relative effects and intervals.
        public let eventQuarters: [Int]
        public let eventEffects: [Double]
        public let eventLower: [Double]
        public let eventUpper: [Double]
        /// How far the footprint and its comparison areas drifted apart before the start, against
        /// the same drift in every placebo area with its own comparisons: the share of placebos
        /// that drifted at least as far. A clustered Wald test with one to four treated areas
        /// rejects parallel trends far too often (most studies of data built with parallel trends),
        /// so the test is calibrated the way the interval is.
        public let preTrendPValue: Double
        public let verdict: Verdict
    }

    /// Pre-period fit worse than half the treated series' own spread is not a counterfactual.
    public static let maximumRelativePreRMSPE = 0.5
    /// A pre-trend test below this rejects parallel trends.
    public static let minimumPreTrendPValue = 0.05

    /// - Parameters:
    ///   - rates: area → month → rate, for this metric.
    ///   - populations: area → its denominator's typical size, for matching.
    public init(
        vanguard: Vanguard, metric: Metric, footprint: [String], donors: [String], rates: [String: [Month: Double]],
        populations: [String: Double]
    ) {
        vanguardNumber = vanguard.number
        metricCode = metric.code
        let start = Month(year: vanguard.announced.year, month: vanguard.announced.month)
        self.start = start
        let treatedAreas = footprint.filter { rates[$0] != nil }
        let pool = donors.filter { rates[$0] != nil }
        // Months every area in play reports.
        var common = Set(rates[treatedAreas.first ?? ""]?.keys.map { $0 } ?? [])
        for area in treatedAreas + pool { common.formIntersection(rates[area]?.keys.map { $0 } ?? []) }
        let months = common.sorted()
        self.months = months
        var caveats = [
            "The figures are estimates from monthly returns; areas outside the footprint can differ in ways the method cannot see."
        ]
        let preCount = months.filter { $0 < start }.count, postCount = months.count - preCount
        guard !treatedAreas.isEmpty, pool.count >= 2, preCount >= 12, postCount >= 6 else {
            synthetic = nil
            differenceInDifferences = nil
            syntheticDifferenceInDifferences = nil
            let reason = Self.notEnoughData(footprint: treatedAreas.count, donors: pool.count, before: preCount, after: postCount)
            notEstimable = Dictionary(uniqueKeysWithValues: Preference.Method.allCases.map { ($0.rawValue, reason) })
            preferred = Preference(method: nil, reason: "No method can estimate an effect: \(reason).")
            caveats.append(
                "Not enough data to estimate: it needs the footprint's returns, at least two areas with no vanguard, a year before the start and six months after."
            )
            self.caveats = caveats
            return
        }
        let times = months.indices.map { $0 }
        let startIndex = months.firstIndex { $0 >= start }!
        // The footprint pooled into one unit, weighting areas by population as the rates do.
        let treatedSeries = months.map { month in
            let total = treatedAreas.reduce(0.0) { $0 + (populations[$1] ?? 1) }
            return treatedAreas.reduce(0.0) { $0 + (rates[$1]![month]! * (populations[$1] ?? 1)) } / total
        }
        synthetic = Self.syntheticControl(
            treated: treatedSeries, pool: pool, rates: rates, months: months, times: times, startIndex: startIndex)
        differenceInDifferences = Self.differenceInDifferences(
            treatedAreas: treatedAreas, pool: pool, rates: rates, populations: populations, months: months, startIndex: startIndex
        )
        var notEstimable: [String: String] = [:]
        do {
            syntheticDifferenceInDifferences = try Self.syntheticDifferenceInDifferences(
                treated: treatedSeries, pool: pool, rates: rates, months: months, startIndex: startIndex)
        } catch {
            syntheticDifferenceInDifferences = nil
            notEstimable[Preference.Method.syntheticDifferenceInDifferences.rawValue] = error.description
        }
        if synthetic == nil { notEstimable[Preference.Method.syntheticControl.rawValue] = "no synthetic control could be fitted" }
        if differenceInDifferences == nil {
            notEstimable[Preference.Method.differenceInDifferences.rawValue] = "no comparison areas could be matched to the footprint"
        }
        self.notEstimable = notEstimable
        preferred = Self.preference(
            synthetic: synthetic, differenceInDifferences: differenceInDifferences,
            syntheticDifferenceInDifferences: syntheticDifferenceInDifferences, startIndex: startIndex)
        if vanguard.confidence != .sourced {
            caveats.append("The vanguard's footprint is only partly sourced, so the areas counted as treated may be wrong.")
        }
        if metric.direction == .neutral {
            caveats.append("Neither direction is better for this metric, so an effect is neither good nor bad news.")
        }
        self.caveats = caveats
    }

    static func syntheticControl(
        treated: [Double], pool: [String], rates: [String: [Month: Double]], months: [Month], times: [Int], startIndex: Int
    ) -> SyntheticResult? {
        let unitsAll = ["__treated__"] + pool
        var series: [[Double?]] = [treated]
        for area in pool { series.append(months.map { rates[area]![$0] }) }
        let panel = Panel(units: unitsAll, times: times, series: ["rate": series])
        guard
            let study = try? SyntheticControl(
                panel: panel, outcome: "rate", treated: "__treated__", donors: pool, treatmentTime: startIndex,
                fitTimes: Array(0..<startIndex), predictors: []),
            let fit = try? study.fit(),
            let placebo = try? study.placeboTest(treatedFit: fit)
        else { return nil }
        let synthetic = fit.synthetic.map(\.value)
        func relative(_ gaps: [(time: Int, gap: Double)], observed: [Double]) -> Double {
            let post = gaps.filter { $0.time >= startIndex }
            let meanGap = post.map(\.gap).reduce(0, +) / Double(post.count)
            let meanCounterfactual = post.map { observed[$0.time] - $0.gap }.reduce(0, +) / Double(post.count)
            return meanCounterfactual != 0 ? meanGap / meanCounterfactual : 0
        }
        let effect = relative(fit.gaps, observed: treated)
        var placeboEffects: [Double] = []
        for (unit, gaps) in placebo.gaps where unit != "__treated__" {
            placeboEffects.append(relative(gaps, observed: months.map { rates[unit]![$0]! }))
        }
        placeboEffects.sort()
        let rank = 1 + placeboEffects.filter { abs($0) > abs(effect) }.count
        let lowQuantile = Self.quantile(placeboEffects, 0.025), highQuantile = Self.quantile(placeboEffects, 0.975)
        let preSD = SampleStatistics.standardDeviation(Array(treated[..<startIndex]))
        let relativeRMSPE = preSD > 0 ? fit.rmspePre / preSD : .infinity
        let verdict =
            relativeRMSPE > maximumRelativePreRMSPE
            ? Verdict(
                isReliable: false,
                reason: String(
                    format:
                        "The synthetic control does not track the footprint before the start: its pre-period error is %.0f%% of the series' own spread (the limit is %.0f%%).",
                    relativeRMSPE * 100, maximumRelativePreRMSPE * 100))
            : Verdict(
                isReliable: true,
                reason: String(
                    format: "The synthetic control tracks the footprint before the start (pre-period error %.0f%% of the series' spread).",
                    relativeRMSPE * 100))
        return SyntheticResult(
            observed: treated, synthetic: synthetic, relativeEffect: effect, lower: effect - highQuantile, upper: effect - lowQuantile,
            pValue: Double(rank) / Double(placeboEffects.count + 1), rank: rank, units: placeboEffects.count + 1,
            ratioPValue: placebo.pValue, ratioRank: placebo.rank, preRMSPE: fit.rmspePre,
            weights: Dictionary(uniqueKeysWithValues: fit.weights.filter { $0.weight >= 0.001 }.map { ($0.unit, $0.weight) }),
            placeboGaps: Dictionary(
                uniqueKeysWithValues: placebo.gaps.filter { $0.key != "__treated__" }.map { ($0.key, $0.value.map(\.gap)) }),
            verdict: verdict
        )
    }

    static func differenceInDifferences(
        treatedAreas: [String], pool: [String], rates: [String: [Month: Double]], populations: [String: Double], months: [Month],
        startIndex: Int
    ) -> DiDResult? {
        func profile(_ area: String) -> ComparisonMatching.Profile {
            .init(
                unit: area, preValues: months[..<startIndex].map { log(max(rates[area]![$0]!, 1e-9)) }, population: populations[area] ?? 1)
        }
        let profiles = Dictionary(uniqueKeysWithValues: (treatedAreas + pool).map { ($0, profile($0)) })
        // Eight neighbours each, so that the comparison rests on more than one or two areas.
        let matcher = ComparisonMatching(neighbours: 8, caliper: 2.0)
        func fit(_ treated: [String], from candidates: [String]) -> (
            model: DifferenceInDifferences, matching: (matches: [ComparisonMatching.Match], unmatched: [String], comparison: [String])
        )? {
            let matching = matcher.match(treated: treated.map { profiles[$0]! }, pool: candidates.map { profiles[$0]! })
            let kept = treated.filter { !matching.unmatched.contains($0) }
            guard !kept.isEmpty, !matching.comparison.isEmpty else { return nil }
            let units = kept + matching.comparison
            let outcomes = units.map { area in months.map { log(max(rates[area]![$0]!, 1e-9)) } }
            guard
                let model = try? DifferenceInDifferences(
                    units: units, times: Array(months.indices), outcomes: outcomes, treated: Set(kept), treatmentTime: startIndex)
            else { return nil }
            return (model, matching)
        }
        guard let (model, matching) = fit(treatedAreas, from: pool) else { return nil }
        let treated = treatedAreas.filter { !matching.unmatched.contains($0) }
        let estimate = model.estimate()
        // The interval comes from placebos (Conley & Taber 2011): each area with no vanguard treated
        // as if it were one, with its own matched comparisons. Clustered errors with one or two
        // treated areas are far too small; the spread of effects where there was none is honest.
        // Placebos are single areas, so their spread is scaled to the footprint's number of areas.
        var placebo: [Double] = []
        var placeboDrifts: [Double] = []
        for area in pool {
            if let (fake, fakeMatching) = fit([area], from: pool.filter { $0 != area }) {
                placebo.append(fake.estimate().estimate)
                placeboDrifts.append(
                    preStartDrift(
                        treated: [area], comparison: fakeMatching.comparison, rates: rates, months: months, startIndex: startIndex))
            }
        }
        placebo.sort()
        // A mean of n areas drifts about 1/√n as far as one area, so its squared drift is scaled by n.
        let drift =
            preStartDrift(treated: treated, comparison: matching.comparison, rates: rates, months: months, startIndex: startIndex)
            * Double(treated.count)
        let preTrendPValue = Double(1 + placeboDrifts.filter { $0 >= drift }.count) / Double(placeboDrifts.count + 1)
        let scale = 1 / Double(treated.count).squareRoot()
        let low = quantile(placebo, 0.025) * scale, high = quantile(placebo, 0.975) * scale
        let quartersBefore = -min(8, startIndex / 3), quartersAfter = min(11, (months.count - startIndex) / 3 - 1)
        let event = model.eventStudy(binWidth: 3, first: quartersBefore, last: quartersAfter)
        func mean(_ areas: [String]) -> [Double] {
            months.map { month in areas.reduce(0.0) { $0 + rates[$1]![month]! } / Double(areas.count) }
        }
        let verdict =
            preTrendPValue < minimumPreTrendPValue
            ? Verdict(
                isReliable: false,
                reason: String(
                    format:
                        "Before the start the footprint and its comparison areas were already moving apart, further than all but %.0f%% of areas with no vanguard moved from theirs (pre-trend test p = %.3f).",
                    preTrendPValue * 100, preTrendPValue))
            : Verdict(
                isReliable: true,
                reason: String(
                    format:
                        "No sign that the footprint and its comparison areas were moving apart before the start: %.0f%% of areas with no vanguard drifted from their own comparisons at least as far (pre-trend test p = %.2f).",
                    preTrendPValue * 100, preTrendPValue))
        return DiDResult(
            relativeEffect: exp(estimate.estimate) - 1, lower: exp(estimate.estimate - high) - 1, upper: exp(estimate.estimate - low) - 1,
            clusteredStandardError: estimate.standardError, placebos: placebo.count,
            comparisonAreas: matching.comparison, unmatchedAreas: matching.unmatched, comparisonMean: mean(matching.comparison),
            treatedMean: mean(treated),
            eventQuarters: event.bins, eventEffects: event.coefficients.map { exp($0.estimate) - 1 },
            eventLower: event.coefficients.map { exp($0.lower) - 1 }, eventUpper: event.coefficients.map { exp($0.upper) - 1 },
            preTrendPValue: preTrendPValue, verdict: verdict
        )
    }

    /// The squared distance the treated areas' mean log rate moved from their comparisons' before
    /// the start: quarter by quarter, against the last quarter before it.
    static func preStartDrift(treated: [String], comparison: [String], rates: [String: [Month: Double]], months: [Month], startIndex: Int)
        -> Double
    {
        func meanLog(_ areas: [String], _ month: Month) -> Double {
            areas.reduce(0.0) { $0 + log(max(rates[$1]![month]!, 1e-9)) } / Double(areas.count)
        }
        let gaps = months[..<startIndex].map { meanLog(treated, $0) - meanLog(comparison, $0) }
        let quarters = stride(from: gaps.count, to: 2, by: -3).map { end in gaps[(end - 3)..<end].reduce(0, +) / 3 }
        guard let reference = quarters.first else { return 0 }
        return quarters.dropFirst().reduce(0.0) { $0 + ($1 - reference) * ($1 - reference) }
    }

    static func quantile(_ sorted: [Double], _ p: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let position = p * Double(sorted.count - 1)
        let lower = Int(position.rounded(.down)), upper = min(lower + 1, sorted.count - 1)
        return sorted[lower] + (position - Double(lower)) * (sorted[upper] - sorted[lower])
    }

}
