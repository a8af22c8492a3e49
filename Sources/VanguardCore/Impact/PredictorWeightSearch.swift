import Foundation

/// The outer problem of an ADH synthetic control: predictor weights `V` chosen so that the donor
/// weights that best match the predictors under `V` (the inner problem, a `SimplexQuadraticProgram`)
/// also reproduce the pre-period outcomes best.
///
/// The loss is continuous but not smooth (the donor weights change support as `V` moves), so it is
/// searched by Nelder–Mead: one run from every start, then the most promising run again from where
/// it stopped until it stops improving (a collapsed simplex is a known way for Nelder–Mead to stall
/// short of a minimum; polishing every start cost three times the evaluations). The first runs
/// are independent, so they go on every core, each with its own warm start.
struct PredictorWeightSearch: Sendable {
    /// Scaled predictors of the treated unit (K) and of the donors (K × J).
    let treatedPredictors: [Double]
    let donorPredictors: RowMajorMatrix
    /// Pre-period outcomes of the treated unit (T0) and of the donors (T0 × J).
    let treatedOutcomes: [Double]
    let donorOutcomes: RowMajorMatrix
    let optimiser: NelderMead
    let runs: Int

    /// The point searched, its pre-period MSPE and the donor weights that gave it.
    struct Candidate: Sendable {
        let point: [Double]
        let value: Double
        let weights: [Double]
    }

    /// Mean squared pre-period gap of a donor weighting.
    func loss(_ w: [Double]) -> Double {
        Self.meanSquaredGap(w, treated: treatedOutcomes, donors: donorOutcomes)
    }

    static func meanSquaredGap(_ w: [Double], treated: [Double], donors: RowMajorMatrix) -> Double {
        let support = w.indices.filter { w[$0] != 0 }
        var sum = 0.0
        for t in treated.indices {
            var synthetic = 0.0
            for j in support { synthetic += donors[t, j] * w[j] }
            sum += (treated[t] - synthetic) * (treated[t] - synthetic)
        }
        return sum / Double(treated.count)
    }

    func normalised(_ point: [Double]) -> [Double]? {
        let total = point.reduce(0) { $0 + abs($1) }
        return total > 0 && total.isFinite ? point.map { abs($0) / total } : nil
    }

    func innerProblem(_ v: [Double]) -> SimplexQuadraticProgram {
        SimplexQuadraticProgram(leastSquares: donorPredictors, treatedPredictors, rowWeights: v)
    }

    /// One Nelder–Mead run from `start`, each inner problem warm-started from the last answer.
    func run(from start: [Double]) -> (point: [Double], value: Double) {
        var warm: [Double]?
        func outer(_ point: [Double]) -> Double {
            guard let v = normalised(point) else { return .infinity }
            let solution = innerProblem(v).solve(start: warm)
            warm = solution.weights
            return loss(solution.weights)
        }
        let result = optimiser.minimise(outer, from: start), startValue = outer(start)
        return result.value <= startValue ? (result.point, result.value) : (start, startValue)
    }

    /// The donor weights of a point solved from scratch, and their exact loss: when `V` leaves the
    /// donor weights underdetermined, a warm start can land elsewhere on the flat set.
    func candidate(_ point: [Double]) -> Candidate? {
        guard let v = normalised(point) else { return nil }
        let weights = innerProblem(v).solve().weights
        return Candidate(point: point, value: loss(weights), weights: weights)
    }

    func minimise(from starts: [[Double]]) -> Candidate {
        let firstRuns = LockedSlots<(point: [Double], value: Double)>(count: starts.count)
        DispatchQueue.concurrentPerform(iterations: starts.count) { index in firstRuns[index] = run(from: starts[index]) }
        let results = firstRuns.values.map { $0! }
        // In the starts' order, so that the answer does not depend on which core finished first.
        var best: Candidate?
        for result in results {
            if let best, result.value >= best.value { continue }
            if let found = candidate(result.point), best == nil || found.value < best!.value { best = found }
        }
        var (point, value) = results.min { $0.value < $1.value }!
        for _ in 1..<max(runs, 1) {
            let result = run(from: point)
            let improved = result.value < value - 1e-10 * max(1, abs(value))
            if result.value <= value { (point, value) = result }
            if !improved { break }
        }
        if value < best!.value, let found = candidate(point), found.value < best!.value { best = found }
        return best!
    }
}
