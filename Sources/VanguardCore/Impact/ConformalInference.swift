/// Conformal inference for a counterfactual (Chernozhukov, Wüthrich & Zhu, "An exact and robust
/// conformal inference method for counterfactual and synthetic controls", JASA 2021), computed as
/// the authors' scinference computes it: a null hypothesis about the effect is imposed on the
/// treated series, the counterfactual is fitted on every period with the null imposed, and the
/// residuals are permuted in time — moving blocks for the whole post-period, single periods for a
/// month's interval. Intervals are the effects not rejected.
///
/// The test needs no model of the noise across areas, only that the residuals are exchangeable in
/// time under the null, which is why it holds its size with one treated footprint where placebo
/// areas are few or unlike it.
public struct ConformalInference: Sendable {
    /// How the counterfactual is fitted; each is refitted under every null.
    public enum Estimator: String, Sendable, Codable, CaseIterable {
        /// A convex combination of the donors, no intercept (scinference's `sc`).
        case syntheticControl
        /// The treated series' mean difference from the donors' mean (scinference's `did`).
        case differenceInDifferences
        /// Synthetic difference-in-differences' unit weights: a convex combination of the donors
        /// plus a constant, with the paper's ridge penalty ζ fixed once from the study.
        case syntheticDifferenceInDifferences
    }

    public let treated: [Double]
    /// `donors[donor][time]`.
    public let donors: [[Double]]
    public let prePeriodCount: Int
    public let estimator: Estimator
    /// ζ² for `syntheticDifferenceInDifferences`, 0 otherwise.
    let ridge: Double

    /// The counterfactual fitted on the pre-periods alone: every month's estimate reads from it.
    let preFit: (design: Design, fit: Design.Fit)

    public var periodCount: Int { treated.count }
    public var postPeriodCount: Int { treated.count - prePeriodCount }

    public init(treated: [Double], donors: [[Double]], prePeriodCount: Int, estimator: Estimator) throws(ImpactError) {
        guard donors.count >= 2 else { throw .invalid("donors", "conformal inference needs at least two donors") }
        guard prePeriodCount >= 2 else { throw .invalid("treatment_time", "at least two periods before the treatment are needed") }
        guard treated.count > prePeriodCount else { throw .invalid("treatment_time", "no period at or after the treatment") }
        guard treated.allSatisfy(\.isFinite) else { throw .invalid("treated", "every period needs a finite outcome") }
        guard donors.allSatisfy({ $0.count == treated.count && $0.allSatisfy(\.isFinite) }) else {
            throw .invalid("donors", "every donor needs a finite outcome in every period of the treated series")
        }
        self.treated = treated
        self.donors = donors
        self.prePeriodCount = prePeriodCount
        self.estimator = estimator
        if estimator == .syntheticDifferenceInDifferences {
            let study = try SyntheticDifferenceInDifferences(
                outcomes: donors + [treated], donorCount: donors.count, prePeriodCount: prePeriodCount)
            let penalty = study.options(for: .sdid).unitPenalty
            ridge = penalty * penalty
        } else {
            ridge = 0
        }
        let pre = Design(
            rows: (0..<prePeriodCount).map { time in donors.map { $0[time] } }, estimator: estimator, ridge: ridge)
        preFit = (pre, pre.residuals(target: Array(treated[0..<prePeriodCount]), start: nil))
    }

    /// The p-value of the null that the effect in the post-periods is `effects` (one per
    /// post-period, or one for all): the counterfactual is fitted on every period with the null
    /// imposed, and the post-period's sum of absolute residuals is ranked among the same sum over
    /// every block of as many consecutive periods, taken round the end.
    public func pValue(effects: [Double]) -> Double {
        precondition(effects.count == 1 || effects.count == postPeriodCount, "one effect, or one per post-period")
        var target = treated
        for time in prePeriodCount..<periodCount {
            target[time] -= effects.count == 1 ? effects[0] : effects[time - prePeriodCount]
        }
        let design = Design(rows: Array(0..<periodCount).map { time in donors.map { $0[time] } }, estimator: estimator, ridge: ridge)
        let magnitudes = design.residuals(target: target, start: nil).residuals.map(abs)
        let blockLength = postPeriodCount
        func blockSum(from start: Int) -> Double {
            (0..<blockLength).reduce(0.0) { $0 + magnitudes[(start + $1) % periodCount] }
        }
        let observed = blockSum(from: prePeriodCount)
        let atLeast = (0..<periodCount).filter { blockSum(from: $0) >= observed }.count
        return Double(atLeast) / Double(periodCount)
    }

    /// The test of one post-period's effect: the pre-periods and that period, its donor rows
    /// summed once and reused for every null tried.
    public struct PeriodTest: Sendable {
        let design: Design
        let target: [Double]
        /// The period's effect read from the counterfactual fitted on the pre-periods alone.
        public let estimate: Double
        /// The residuals' spread before the treatment: the scale a search for the interval steps by.
        public let scale: Double

        /// The share of the pre-periods and the period whose residual is at least as large as the
        /// period's, when its effect is `effect`; `start` warm-starts the weights.
        public func pValue(effect: Double) -> Double {
            pValue(effect: effect, start: nil).pValue
        }

        func pValue(effect: Double, start: [Double]?) -> (pValue: Double, weights: [Double]) {
            var shifted = target
            shifted[shifted.count - 1] -= effect
            let fit = design.residuals(target: shifted, start: start)
            let last = abs(fit.residuals[fit.residuals.count - 1])
            let atLeast = fit.residuals.filter { abs($0) >= last }.count
            return (Double(atLeast) / Double(fit.residuals.count), fit.weights)
        }
    }

    /// The test of the `index`th post-period's effect.
    public func periodTest(_ index: Int) -> PeriodTest {
        precondition((0..<postPeriodCount).contains(index), "a post-period")
        let time = prePeriodCount + index
        let times = Array(0..<prePeriodCount) + [time]
        let rows = times.map { t in donors.map { $0[t] } }
        let design = Design(rows: rows, estimator: estimator, ridge: ridge)
        let counterfactual = preFit.design.prediction(row: rows[rows.count - 1], fit: preFit.fit)
        return PeriodTest(
            design: design, target: times.map { treated[$0] }, estimate: treated[time] - counterfactual,
            scale: SampleStatistics.standardDeviation(preFit.fit.residuals))
    }

    /// One post-period's estimate and the interval of effects its test does not reject.
    public struct Interval: Sendable, Equatable, Codable {
        public let estimate: Double
        public let lower: Double
        public let upper: Double
        /// The p-value of no effect in this period.
        public let pValue: Double
    }

    /// The interval as scinference reports it: the smallest and largest of `grid` whose p-value is
    /// above 1 − `level` (nil ends when none is).
    public func interval(_ index: Int, level: Double, grid: [Double]) -> (lower: Double, upper: Double)? {
        let test = periodTest(index)
        var weights: [Double]?
        let accepted = grid.filter { effect in
            let result = test.pValue(effect: effect, start: weights)
            weights = result.weights
            return result.pValue > 1 - level
        }
        guard let lower = accepted.min(), let upper = accepted.max() else { return nil }
        return (lower, upper)
    }

    /// The interval found by search instead of a grid: from the period's estimate outwards in
    /// doubling steps until an effect is rejected, then halved until the end is known to within
    /// `tolerance` of the pre-period residuals' spread. It is the run of accepted effects around
    /// the estimate; nil when that run has no end (too few pre-periods for the level: the smallest
    /// p-value the test can give is one over their number plus one) or the estimate itself is
    /// rejected.
    public func searchedInterval(_ index: Int, level: Double, tolerance: Double = 1e-3) -> Interval? {
        let alpha = 1 - level
        guard Double(prePeriodCount + 1) * alpha >= 1 else { return nil }
        let test = periodTest(index)
        var weights: [Double]?
        func accepts(_ effect: Double) -> Bool {
            let result = test.pValue(effect: effect, start: weights)
            weights = result.weights
            return result.pValue > alpha
        }
        guard accepts(test.estimate) else { return nil }
        let scale = test.scale > 0 ? test.scale : max(abs(test.estimate), 1) * 1e-6
        func end(_ direction: Double) -> Double? {
            var inside = test.estimate, step = scale
            var outside: Double?
            for _ in 0..<60 {
                let candidate = test.estimate + direction * step
                if accepts(candidate) {
                    inside = candidate
                    step *= 2
                } else {
                    outside = candidate
                    break
                }
            }
            guard var outside else { return nil }
            while abs(outside - inside) > tolerance * scale {
                let middle = (inside + outside) / 2
                if accepts(middle) { inside = middle } else { outside = middle }
            }
            return inside
        }
        guard let lower = end(-1), let upper = end(1) else { return nil }
        return Interval(estimate: test.estimate, lower: lower, upper: upper, pValue: test.pValue(effect: 0, start: weights).pValue)
    }

    /// Every post-period's interval; nil when any has no end.
    public func searchedIntervals(level: Double, tolerance: Double = 1e-3) -> [Interval]? {
        var intervals: [Interval] = []
        for index in 0..<postPeriodCount {
            guard let interval = searchedInterval(index, level: level, tolerance: tolerance) else { return nil }
            intervals.append(interval)
        }
        return intervals
    }
}

extension ConformalInference {
    /// The counterfactual's fit on a set of periods: `rows[period][donor]`. The least-squares
    /// estimators keep the donors' Gram matrix, so a null changes only the right-hand side.
    struct Design: Sendable {
        let rows: [[Double]]
        let estimator: Estimator
        /// The donors' mean over the periods (the intercept's part), zero without an intercept.
        let means: [Double]
        let program: SimplexQuadraticProgram?

        init(rows: [[Double]], estimator: Estimator, ridge: Double) {
            self.rows = rows
            self.estimator = estimator
            let periods = rows.count, donorCount = rows.first?.count ?? 0
            switch estimator {
            case .differenceInDifferences:
                means = []
                program = nil
            case .syntheticControl, .syntheticDifferenceInDifferences:
                let centred = estimator == .syntheticDifferenceInDifferences
                let means =
                    centred
                    ? (0..<donorCount).map { donor in rows.reduce(0.0) { $0 + $1[donor] } / Double(periods) }
                    : Array(repeating: 0.0, count: donorCount)
                var gram = Array(repeating: Array(repeating: 0.0, count: donorCount), count: donorCount)
                for row in rows {
                    let centredRow = zip(row, means).map { $0 - $1 }
                    for i in 0..<donorCount where centredRow[i] != 0 {
                        for j in i..<donorCount { gram[i][j] += centredRow[i] * centredRow[j] }
                    }
                }
                // synthdid's objective is ζ²‖ω‖² + ‖Aω − b‖²/T: the ridge scales with the periods.
                for i in 0..<donorCount {
                    gram[i][i] += ridge * Double(periods)
                    for j in 0..<i { gram[i][j] = gram[j][i] }
                }
                self.means = means
                program = SimplexQuadraticProgram(p: gram, q: Array(repeating: 0, count: donorCount)).keepingFactors()
            }
        }

        struct Fit: Sendable {
            let weights: [Double]
            let intercept: Double
            let residuals: [Double]
        }

        func residuals(target: [Double], start: [Double]?) -> Fit {
            let periods = Double(rows.count)
            guard let program else {
                let donorMeans = rows.map { $0.reduce(0, +) / Double($0.count) }
                let intercept = zip(target, donorMeans).reduce(0.0) { $0 + $1.0 - $1.1 } / periods
                return Fit(weights: [], intercept: intercept, residuals: zip(target, donorMeans).map { $0 - intercept - $1 })
            }
            let targetMean = estimator == .syntheticDifferenceInDifferences ? target.reduce(0, +) / periods : 0
            var q = Array(repeating: 0.0, count: means.count)
            for (row, value) in zip(rows, target) {
                let centredValue = value - targetMean
                for donor in q.indices { q[donor] += (row[donor] - means[donor]) * centredValue }
            }
            let weights = program.replacingLinearTerm(with: q).solve(start: start).weights
            let intercept = targetMean - zip(means, weights).reduce(0.0) { $0 + $1.0 * $1.1 }
            let residuals = zip(rows, target).map { row, value in
                value - intercept - zip(row, weights).reduce(0.0) { $0 + $1.0 * $1.1 }
            }
            return Fit(weights: weights, intercept: intercept, residuals: residuals)
        }

        /// The counterfactual for a period outside the fit.
        func prediction(row: [Double], fit: Fit) -> Double {
            switch estimator {
            case .differenceInDifferences: row.reduce(0, +) / Double(row.count) + fit.intercept
            case .syntheticControl, .syntheticDifferenceInDifferences:
                fit.intercept + zip(row, fit.weights).reduce(0.0) { $0 + $1.0 * $1.1 }
            }
        }
    }
}
