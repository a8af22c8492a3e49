import Foundation

/// A synthetic control (Abadie, Diamond & Hainmueller 2010): the treated unit's outcome before
/// treatment reproduced by a weighted average of donors, the weights chosen to match predictors
/// and pre-period outcomes; the gap after treatment is the estimated effect.
public struct SyntheticControl: Sendable {
    /// A predictor: a variable summarised over chosen times for every unit (missing values skipped,
    /// as R's Synth and pysyncon do).
    public struct Predictor: Sendable, Hashable {
        public enum Operation: String, Sendable { case mean }
        public let name: String
        public let variable: String
        public let operation: Operation
        public let times: [Int]

        public init(name: String, variable: String, operation: Operation = .mean, times: [Int]) {
            self.name = name
            self.variable = variable
            self.operation = operation
            self.times = times
        }
    }

    public let panel: Panel
    public let outcome: String
    public let treated: String
    public let donors: [String]
    public let treatmentTime: Int
    /// The pre-period times whose outcome the fit must reproduce.
    public let fitTimes: [Int]
    /// Empty for the outcome-only variant, which fits the pre-period outcomes alone.
    public let predictors: [Predictor]
    public var search = Search()

    /// How hard the outer problem is searched (see `PredictorWeightSearch`): Nelder–Mead from the
    /// equal start, R Synth's regression start and some seeded random ones, then the best of them
    /// run again until it stops improving. Short runs restarted beat long ones: on California's
    /// paper specification 600 evaluations a run reach a pre-period MSPE of 3.0767 in 11 ms, where
    /// 1,500 a run reached 3.0781 in 21 ms (`vanguard benchmark synth --evaluations-per-run`).
    public struct Search: Sendable {
        public var randomStarts = 2
        /// Runs from the best start, the first included.
        public var restarts = 3
        public var evaluationsPerRun = 600

        public init() {}
    }

    public init(
        panel: Panel, outcome: String, treated: String, donors: [String], treatmentTime: Int, fitTimes: [Int], predictors: [Predictor]
    ) throws(ImpactError) {
        guard panel.series[outcome] != nil else { throw .invalid("outcome", "'\(outcome)' is not a column of the panel") }
        guard panel.unitIndex(treated) != nil else { throw .invalid("treated", "'\(treated)' is not a unit of the panel") }
        for donor in donors where panel.unitIndex(donor) == nil { throw .invalid("donors", "'\(donor)' is not a unit of the panel") }
        guard donors.count >= 2 else { throw .invalid("donors", "a synthetic control needs at least two donors (got \(donors.count))") }
        guard !donors.contains(treated) else { throw .invalid("donors", "the treated unit cannot be its own donor") }
        guard !fitTimes.isEmpty else { throw .invalid("fit", "the fit period has no times in the panel") }
        guard fitTimes.allSatisfy({ $0 < treatmentTime }) else {
            throw .invalid("fit", "the fit period must end before the treatment time \(treatmentTime)")
        }
        for predictor in predictors {
            guard panel.series[predictor.variable] != nil else {
                throw .invalid("predictors", "'\(predictor.variable)' is not a column of the panel")
            }
            guard !predictor.times.isEmpty else { throw .invalid("predictors", "\(predictor.name) covers no times") }
        }
        for unit in [treated] + donors {
            let index = panel.unitIndex(unit)!
            if let missing = fitTimes.first(where: { panel.value(outcome, unit: index, time: $0) == nil }) {
                throw .invalid("fit", "\(unit) has no \(outcome) at \(missing)")
            }
        }
        self.panel = panel
        self.outcome = outcome
        self.treated = treated
        self.donors = donors
        self.treatmentTime = treatmentTime
        self.fitTimes = fitTimes
        self.predictors = predictors
    }

    public struct Fit: Sendable {
        /// Donor → weight, in the donors' order.
        public let weights: [(unit: String, weight: Double)]
        /// Predictor → weight (empty for the outcome-only variant).
        public let predictorWeights: [(name: String, weight: Double)]
        /// Mean squared gap over the fit period.
        public let mspePre: Double
        public var rmspePre: Double { mspePre.squareRoot() }
        /// Time → treated minus synthetic, over every time of the panel where both exist.
        public let gaps: [(time: Int, gap: Double)]
        /// Time → the synthetic unit's outcome.
        public let synthetic: [(time: Int, value: Double)]
        /// Mean gap from the treatment time on.
        public let averageEffect: Double?
        /// How far the donor weights are from the exact optimum's conditions (relative); ~0 when exact.
        public let optimalityGap: Double

        /// Mean squared gap before and after `time`, and their ratio (ADH's post/pre MSPE ratio).
        public func mspeRatio(treatmentTime: Int) -> Double? {
            let pre = gaps.filter { $0.time < treatmentTime }.map { $0.gap * $0.gap }
            let post = gaps.filter { $0.time >= treatmentTime }.map { $0.gap * $0.gap }
            guard !pre.isEmpty, !post.isEmpty else { return nil }
            let preMean = pre.reduce(0, +) / Double(pre.count)
            return preMean > 0 ? (post.reduce(0, +) / Double(post.count)) / preMean : .infinity
        }
    }

    // MARK: Fitting

    /// The predictor matrix, one row per predictor, one column per unit (treated first).
    func predictorMatrix(units: [String]) throws(ImpactError) -> [[Double]] {
        try predictors.map { predictor throws(ImpactError) in
            try units.map { unit throws(ImpactError) in
                let present = panel.values(predictor.variable, unit: panel.unitIndex(unit)!, at: predictor.times).compactMap { $0 }
                guard !present.isEmpty else {
                    throw .invalid("predictors", "\(unit) has no \(predictor.variable) in the times of \(predictor.name)")
                }
                return present.reduce(0, +) / Double(present.count)
            }
        }
    }

    func outcomes(_ unit: String, at times: [Int]) -> [Double?] {
        panel.values(outcome, unit: panel.unitIndex(unit)!, at: times)
    }

    public func fit() throws(ImpactError) -> Fit {
        let z1 = outcomes(treated, at: fitTimes).map { $0! }
        let donorOutcomes = donors.map { outcomes($0, at: fitTimes) }
        let z0 = RowMajorMatrix(fitTimes.indices.map { t in donorOutcomes.map { $0[t]! } })  // T0 × J
        guard !predictors.isEmpty else {
            let solution = SimplexQuadraticProgram(leastSquares: z0, z1, rowWeights: Array(repeating: 1, count: z1.count)).solve()
            let mspe = PredictorWeightSearch.meanSquaredGap(solution.weights, treated: z1, donors: z0)
            return result(weights: solution.weights, v: [], mspe: mspe, gap: solution.optimalityGap)
        }
        let x = try predictorMatrix(units: [treated] + donors)
        let scaled = x.map { row in
            let sd = SampleStatistics.standardDeviation(row)
            return sd > 0 ? row.map { $0 / sd } : row
        }
        let outer = PredictorWeightSearch(
            treatedPredictors: scaled.map { $0[0] }, donorPredictors: RowMajorMatrix(scaled.map { Array($0.dropFirst()) }),
            treatedOutcomes: z1, donorOutcomes: z0,
            optimiser: NelderMead(absoluteTolerance: 1e-9, maximumEvaluations: search.evaluationsPerRun), runs: search.restarts)
        let k = predictors.count
        var starts: [[Double]] = [Array(repeating: 1 / Double(k), count: k)]
        if let regression = regressionStart(xs: scaled, z0: z0, z1: z1) { starts.append(regression) }
        var generator = SeededRandom(seed: 1989)
        for _ in 0..<search.randomStarts { starts.append(outer.normalised((0..<k).map { _ in generator.uniform() + 0.01 })!) }
        let chosen = outer.minimise(from: starts)
        let v = outer.normalised(chosen.point)!
        let gap = outer.innerProblem(v).solve(start: chosen.weights).optimalityGap
        return result(weights: chosen.weights, v: v, mspe: chosen.value, gap: gap)
    }

    /// R Synth's second start: predictor weights from regressing every unit's pre-period outcomes on
    /// its scaled predictors (intercept dropped), `diag(ββ′)` normalised.
    func regressionStart(xs: [[Double]], z0: RowMajorMatrix, z1: [Double]) -> [Double]? {
        let units = xs.first?.count ?? 0
        let a = (0..<units).map { u in [1.0] + xs.map { $0[u] } }  // (J+1) × (K+1)
        let b = (0..<units).map { u in (0..<z0.rows).map { t in u == 0 ? z1[t] : z0[t, u - 1] } }  // (J+1) × T0
        let at = DenseLinearAlgebra.transpose(a)
        guard let beta = DenseLinearAlgebra.solve(DenseLinearAlgebra.multiply(at, a), DenseLinearAlgebra.multiply(at, b)) else {
            return nil
        }
        let diagonal = beta.dropFirst().map { row in row.reduce(0) { $0 + $1 * $1 } }
        let total = diagonal.reduce(0, +)
        return total > 0 && total.isFinite ? diagonal.map { $0 / total } : nil
    }

    func result(weights: [Double], v: [Double], mspe: Double, gap: Double) -> Fit {
        var gaps: [(Int, Double)] = [], synthetic: [(Int, Double)] = []
        let treatedIndex = panel.unitIndex(treated)!
        let donorIndices = donors.map { panel.unitIndex($0)! }
        for time in panel.times {
            guard let observed = panel.value(outcome, unit: treatedIndex, time: time) else { continue }
            var value = 0.0, complete = true
            for (j, index) in donorIndices.enumerated() where weights[j] != 0 {
                guard let y = panel.value(outcome, unit: index, time: time) else { complete = false; break }
                value += weights[j] * y
            }
            guard complete else { continue }
            synthetic.append((time, value))
            gaps.append((time, observed - value))
        }
        let post = gaps.filter { $0.0 >= treatmentTime }.map(\.1)
        return Fit(
            weights: zip(donors, weights).map { ($0, $1) }, predictorWeights: zip(predictors.map(\.name), v).map { ($0, $1) },
            mspePre: mspe, gaps: gaps, synthetic: synthetic, averageEffect: post.isEmpty ? nil : post.reduce(0, +) / Double(post.count),
            optimalityGap: gap
        )
    }

    // MARK: Placebos

    /// Placebo-in-space: every donor in turn treated as if it were the treated unit, fitted the same
    /// way from the other donors (the real treated unit left out), and the units ranked by their
    /// post/pre MSPE ratio. The p-value is ADH's: the treated unit's rank over the number of units.
    public struct PlaceboTest: Sendable {
        public let ratios: [(unit: String, ratio: Double)]
        public let gaps: [String: [(time: Int, gap: Double)]]
        public let preRMSPE: [String: Double]
        /// 1 is the largest ratio.
        public let rank: Int
        public let pValue: Double
    }

    /// - Parameter excludingPreFitWorseThan: leave out placebos whose pre-period RMSPE is more than
    ///   this multiple of the treated unit's (ADH drop those over 5×, 20×…); nil keeps them all.
    public func placeboTest(treatedFit: Fit, excludingPreFitWorseThan multiple: Double? = nil) throws(ImpactError) -> PlaceboTest {
        var ratios: [(String, Double)] = []
        var gaps: [String: [(Int, Double)]] = [:]
        var pre: [String: Double] = [:]
        let treatedRatio = treatedFit.mspeRatio(treatmentTime: treatmentTime) ?? 0
        ratios.append((treated, treatedRatio))
        gaps[treated] = treatedFit.gaps
        pre[treated] = treatedFit.rmspePre
        // Each donor's fit is independent of the others: all of them on every core.
        let fits = LockedSlots<Result<Fit, ImpactError>>(count: donors.count)
        DispatchQueue.concurrentPerform(iterations: donors.count) { index in
            let donor = donors[index]
            let result = Result { () throws(ImpactError) -> Fit in
                var study = try SyntheticControl(
                    panel: panel, outcome: outcome, treated: donor, donors: donors.filter { $0 != donor }, treatmentTime: treatmentTime,
                    fitTimes: fitTimes, predictors: predictors
                )
                study.search = search
                return try study.fit()
            }
            fits[index] = result
        }
        for (donor, result) in zip(donors, fits.values) {
            let placebo = try result!.get()
            if let multiple, placebo.rmspePre > multiple * treatedFit.rmspePre { continue }
            ratios.append((donor, placebo.mspeRatio(treatmentTime: treatmentTime) ?? 0))
            gaps[donor] = placebo.gaps
            pre[donor] = placebo.rmspePre
        }
        let rank = 1 + ratios.filter { $0.1 > treatedRatio }.count
        return PlaceboTest(ratios: ratios, gaps: gaps, preRMSPE: pre, rank: rank, pValue: Double(rank) / Double(ratios.count))
    }
}

/// Why an impact estimate cannot be made, naming the field of the specification at fault.
public struct ImpactError: Error, Equatable, Sendable, CustomStringConvertible {
    public let field: String
    public let reason: String

    public static func invalid(_ field: String, _ reason: String) -> ImpactError { ImpactError(field: field, reason: reason) }

    public var description: String { "\(field): \(reason)" }
}
