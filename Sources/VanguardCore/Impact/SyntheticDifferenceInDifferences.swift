/// Synthetic difference-in-differences (Arkhangelsky, Athey, Hirshberg, Imbens & Wager, AER 2021),
/// computed as the authors' R package synthdid computes it, so its published figures are ours: unit
/// weights with the paper's ridge penalty (ζ from the noise level), time weights, and the weighted
/// two-way fixed-effects estimate; synthdid's `sc` and `did` come from the same code path with
/// other weights, and the placebo standard error is the paper's Algorithm 4.
///
/// The outcomes are a block design: the donors' rows first, then the treated units', each over the
/// pre-periods and then the post-periods.
public struct SyntheticDifferenceInDifferences: Sendable {
    public enum Method: String, CaseIterable, Sendable, Codable {
        case sdid, sc, did
    }

    /// The estimate and the weights behind it.
    public struct Estimate: Sendable, Equatable {
        public let method: Method
        public let effect: Double
        /// One weight per donor, summing to 1.
        public let unitWeights: [Double]
        /// One weight per pre-period, summing to 1 (all 0 for `sc`, which compares post-periods only).
        public let timeWeights: [Double]
    }

    /// `outcomes[unit][time]`: donors first, then the treated units.
    public let outcomes: [[Double]]
    public let donorCount: Int
    public let prePeriodCount: Int

    var treatedCount: Int { outcomes.count - donorCount }
    var periodCount: Int { outcomes.first?.count ?? 0 }
    var postPeriodCount: Int { periodCount - prePeriodCount }

    /// Checks the design: at least two donors, two pre-periods, one treated unit and one
    /// post-period, every cell finite.
    public init(outcomes: [[Double]], donorCount: Int, prePeriodCount: Int) throws(ImpactError) {
        guard donorCount >= 2 else { throw .invalid("treated", "synthetic difference-in-differences needs at least two donors") }
        guard outcomes.count > donorCount else { throw .invalid("treated", "no treated unit") }
        guard prePeriodCount >= 2 else { throw .invalid("treatment_time", "at least two periods before the treatment are needed") }
        let periods = outcomes[0].count
        guard periods > prePeriodCount else { throw .invalid("treatment_time", "no period at or after the treatment") }
        guard outcomes.allSatisfy({ $0.count == periods && $0.allSatisfy(\.isFinite) }) else {
            throw .invalid("panel", "every unit needs a finite outcome in every period")
        }
        self.outcomes = outcomes
        self.donorCount = donorCount
        self.prePeriodCount = prePeriodCount
    }

    /// synthdid's defaults, fixed once from the data (the placebo keeps them).
    struct Options {
        var unitPenalty: Double  // ζ_ω
        var timePenalty: Double  // ζ_λ
        var unitIntercept: Bool
        var minimumDecrease: Double
        var updatesUnitWeights: Bool
        var updatesTimeWeights: Bool
        var initialUnitWeights: [Double]?
        var initialTimeWeights: [Double]?
        let maximumIterations = 10_000
        let iterationsBeforeSparsifying = 100
        var solver = WeightSolver.frankWolfe
    }

    /// How the unit and time weights are found. synthdid's Frank–Wolfe is the reference (its
    /// estimates are what the paper reports, and `vanguard impact sdid` matches them); it stops
    /// short of the optimum after up to 10,000 steps. The platform's placebo draws solve the same
    /// problems exactly with the active-set solver instead, warm-started from the study's weights:
    /// the same estimator, a fraction of the time (Frank–Wolfe was half of refitting every
    /// impact estimate).
    public enum WeightSolver: Sendable {
        case frankWolfe
        case exact
    }

    /// The standard deviation of the donors' period-to-period changes before the treatment.
    var noiseLevel: Double {
        var changes: [Double] = []
        for unit in 0..<donorCount {
            for time in 1..<prePeriodCount { changes.append(outcomes[unit][time] - outcomes[unit][time - 1]) }
        }
        return SampleStatistics.standardDeviation(changes)
    }

    func options(for method: Method) -> Options {
        let noise = noiseLevel
        switch method {
        case .sdid:
            let unitEta = Double(treatedCount * postPeriodCount).squareRoot().squareRoot()
            return Options(
                unitPenalty: unitEta * noise, timePenalty: 1e-6 * noise, unitIntercept: true, minimumDecrease: 1e-5 * noise,
                updatesUnitWeights: true, updatesTimeWeights: true)
        case .sc:
            return Options(
                unitPenalty: 1e-6 * noise, timePenalty: 1e-6 * noise, unitIntercept: false, minimumDecrease: 1e-5 * noise,
                updatesUnitWeights: true, updatesTimeWeights: false,
                initialTimeWeights: Array(repeating: 0, count: prePeriodCount))
        case .did:
            return Options(
                unitPenalty: 0, timePenalty: 0, unitIntercept: true, minimumDecrease: 1e-5 * noise, updatesUnitWeights: false,
                updatesTimeWeights: false, initialUnitWeights: Array(repeating: 1 / Double(donorCount), count: donorCount),
                initialTimeWeights: Array(repeating: 1 / Double(prePeriodCount), count: prePeriodCount))
        }
    }

    public func estimate(_ method: Method) -> Estimate {
        estimate(method, options: options(for: method))
    }

    func estimate(_ method: Method, options: Options) -> Estimate {
        let collapsed = collapsedForm()
        var timeWeights = options.initialTimeWeights ?? []
        if options.updatesTimeWeights {
            // The donors' pre-periods against their post-period mean.
            let rows = Array(collapsed[0..<donorCount])
            timeWeights = Self.sparsifiedWeights(
                rows: rows, penalty: options.timePenalty, intercept: true, initial: options.initialTimeWeights, options: options)
        }
        var unitWeights = options.initialUnitWeights ?? []
        if options.updatesUnitWeights {
            // The pre-periods as rows: each donor's path against the treated units' mean path.
            let rows = (0..<prePeriodCount).map { time in collapsed.map { $0[time] } }
            unitWeights = Self.sparsifiedWeights(
                rows: rows, penalty: options.unitPenalty, intercept: options.unitIntercept, initial: options.initialUnitWeights,
                options: options)
        }
        return Estimate(
            method: method, effect: effect(unitWeights: unitWeights, timeWeights: timeWeights), unitWeights: unitWeights,
            timeWeights: timeWeights)
    }

    /// The weighted double difference: treated minus weighted donors, post-mean minus weighted pre.
    func effect(unitWeights: [Double], timeWeights: [Double]) -> Double {
        let treated = 1 / Double(treatedCount), post = 1 / Double(postPeriodCount)
        var total = 0.0
        for (unit, row) in outcomes.enumerated() {
            let unitWeight = unit < donorCount ? -unitWeights[unit] : treated
            var inner = 0.0
            for (time, value) in row.enumerated() { inner += value * (time < prePeriodCount ? -timeWeights[time] : post) }
            total += unitWeight * inner
        }
        return total
    }

    /// The donors' rows over the pre-periods and their post-period mean, then one row for the
    /// treated units' mean (synthdid's `collapsed.form`).
    func collapsedForm() -> [[Double]] {
        func mean(_ values: some Collection<Double>) -> Double { values.reduce(0, +) / Double(values.count) }
        var rows = outcomes[0..<donorCount].map { Array($0[0..<prePeriodCount]) + [mean($0[prePeriodCount...])] }
        let treated = outcomes[donorCount...]
        rows.append(
            (0..<prePeriodCount).map { time in mean(treated.map { $0[time] }) } + [mean(treated.map { mean($0[prePeriodCount...]) })])
        return rows
    }

    /// Frank–Wolfe weights (synthdid's `sc.weight.fw`), a first pass of at most 100 steps, then the
    /// small weights dropped (at most a quarter of the largest) and the rest solved to convergence.
    static func sparsifiedWeights(rows: [[Double]], penalty: Double, intercept: Bool, initial: [Double]?, options: Options) -> [Double] {
        if options.solver == .exact { return exactWeights(rows: rows, penalty: penalty, intercept: intercept, initial: initial) }
        let first = frankWolfeWeights(
            rows: rows, penalty: penalty, intercept: intercept, initial: initial, minimumDecrease: options.minimumDecrease,
            maximumIterations: options.iterationsBeforeSparsifying)
        let largest = first.max() ?? 0
        let kept = first.map { $0 <= largest / 4 ? 0 : $0 }
        let total = kept.reduce(0, +)
        return frankWolfeWeights(
            rows: rows, penalty: penalty, intercept: intercept, initial: kept.map { $0 / total }, minimumDecrease: options.minimumDecrease,
            maximumIterations: options.maximumIterations)
    }

    /// The optimum Frank–Wolfe approaches: `ζ²‖w‖² + ‖Aw − b‖²/n` over the simplex (times n, the
    /// same minimiser), exactly — the problem conformal inference's SDID counterfactual already
    /// solves (`ConformalInference.Design`: centred with an intercept, ridge ζ² per row).
    static func exactWeights(rows: [[Double]], penalty: Double, intercept: Bool, initial: [Double]?) -> [Double] {
        let k = rows[0].count - 1
        let design = ConformalInference.Design(
            rows: rows.map { Array($0[0..<k]) }, estimator: intercept ? .syntheticDifferenceInDifferences : .syntheticControl,
            ridge: penalty * penalty)
        return design.residuals(target: rows.map { $0[k] }, start: initial).weights
    }

    /// Weights on the simplex for the first k columns of `rows` that best reproduce the last, with a
    /// ridge penalty ζ²‖w‖² (and, with `intercept`, each column's mean taken out first).
    static func frankWolfeWeights(
        rows: [[Double]], penalty: Double, intercept: Bool, initial: [Double]?, minimumDecrease: Double, maximumIterations: Int
    ) -> [Double] {
        let n = rows.count, k = rows[0].count - 1
        // Column-major, so a column (a candidate vertex) is contiguous; the target last.
        var columns = [Double](repeating: 0, count: n * (k + 1))
        for column in 0...k {
            let mean = intercept ? rows.reduce(0) { $0 + $1[column] } / Double(n) : 0
            for row in 0..<n { columns[column * n + row] = rows[row][column] - mean }
        }
        let eta = Double(n) * penalty * penalty
        var weights = initial ?? Array(repeating: 1 / Double(k), count: k)
        // A·w, kept up to date as w moves (one column per step) rather than recomputed.
        var fitted = [Double](repeating: 0, count: n)
        for column in 0..<k where weights[column] != 0 {
            for row in 0..<n { fitted[row] += columns[column * n + row] * weights[column] }
        }
        // The gradient A′(Aw − b) is kept as Gw − A′b with the Gram matrix G = A′A, so a step costs
        // the rows plus the columns rather than their product: thousands of steps are common.
        var gram = [Double](repeating: 0, count: k * k)
        var projectedTarget = [Double](repeating: 0, count: k)
        for i in 0..<k {
            for j in i..<(k + 1) {
                var sum = 0.0
                for row in 0..<n { sum += columns[i * n + row] * columns[j * n + row] }
                if j == k {
                    projectedTarget[i] = sum
                } else {
                    gram[i * k + j] = sum
                    gram[j * k + i] = sum
                }
            }
        }
        var gramWeights = [Double](repeating: 0, count: k)
        for i in 0..<k {
            for j in 0..<k where weights[j] != 0 { gramWeights[i] += gram[i * k + j] * weights[j] }
        }
        var previous = Double.infinity, latest = Double.infinity
        var iterations = 0
        columns.withUnsafeBufferPointer { columns in
            let target = UnsafeBufferPointer(rebasing: columns[(k * n)...])
            // The objective's two parts, kept up to date by each step in O(1) rather than summed
            // again over the rows and the weights.
            var state = State(
                squaredError: (0..<n).reduce(0.0) { $0 + (fitted[$1] - target[$1]) * (fitted[$1] - target[$1]) },
                squaredNorm: weights.reduce(0) { $0 + $1 * $1 })
            // Raw buffers: thousands of steps of a few short loops each, which bounds checks on
            // every element kept from being vectorised.
            weights.withUnsafeMutableBufferPointer { weights in
                gramWeights.withUnsafeMutableBufferPointer { gramWeights in
                    fitted.withUnsafeMutableBufferPointer { fitted in
                        gram.withUnsafeBufferPointer { gram in
                            projectedTarget.withUnsafeBufferPointer { projectedTarget in
                                while iterations < maximumIterations
                                    && (iterations < 2 || previous - latest > minimumDecrease * minimumDecrease)
                                {
                                    iterations += 1
                                    step(
                                        columns: columns, target: target, n: n, gram: gram, projectedTarget: projectedTarget,
                                        weights: weights, gramWeights: gramWeights, fitted: fitted, state: &state, eta: eta)
                                    previous = latest
                                    latest = penalty * penalty * state.squaredNorm + state.squaredError / Double(n)
                                }
                            }
                        }
                    }
                }
            }
        }
        return weights
    }

    /// `‖Aw − b‖²` and `‖w‖²` at the current weights.
    private struct State {
        var squaredError: Double
        var squaredNorm: Double
    }

    /// One Frank–Wolfe step towards the vertex of steepest descent, with the exact line search
    /// (synthdid's `fw.step`). With `d = e_v − w` the direction, everything the line search needs
    /// but `‖A d‖²` follows from sums the gradient loop makes anyway: `g′d = g_v − g′w` and
    /// `‖d‖² = 1 − 2w_v + ‖w‖²`.
    private static func step(
        columns: UnsafeBufferPointer<Double>, target: UnsafeBufferPointer<Double>, n: Int, gram: UnsafeBufferPointer<Double>,
        projectedTarget: UnsafeBufferPointer<Double>, weights: UnsafeMutableBufferPointer<Double>,
        gramWeights: UnsafeMutableBufferPointer<Double>, fitted: UnsafeMutableBufferPointer<Double>, state: inout State, eta: Double
    ) {
        let k = weights.count
        var vertex = 0, lowest = Double.infinity, gradientAlongWeights = 0.0
        for column in 0..<k {
            let gradient = eta * weights[column] + gramWeights[column] - projectedTarget[column]
            gradientAlongWeights += gradient * weights[column]
            if gradient < lowest {
                lowest = gradient
                vertex = column
            }
        }
        // The direction is towards the vertex: −w everywhere, 1 − w at the vertex.
        guard weights[vertex] != 1 || weights.indices.contains(where: { $0 != vertex && weights[$0] != 0 }) else { return }
        let atVertex = weights[vertex]
        let descent = lowest - gradientAlongWeights
        let directionNorm = 1 - 2 * atVertex + state.squaredNorm
        var errorChange = 0.0, crossTerm = 0.0
        let base = vertex * n
        for row in 0..<n {
            let change = columns[base + row] - fitted[row]
            errorChange += change * change
            crossTerm += (fitted[row] - target[row]) * change
        }
        let bounded = min(1, max(0, -descent / (errorChange + eta * directionNorm)))
        // G is symmetric: its vertex row is contiguous where its column is not.
        let vertexRow = vertex * k
        for column in 0..<k {
            weights[column] -= bounded * weights[column]
            gramWeights[column] += bounded * (gram[vertexRow + column] - gramWeights[column])
        }
        weights[vertex] += bounded
        for row in 0..<n { fitted[row] += bounded * (columns[base + row] - fitted[row]) }
        state.squaredError += bounded * (2 * crossTerm + bounded * errorChange)
        state.squaredNorm =
            (1 - bounded) * (1 - bounded) * state.squaredNorm + 2 * bounded * (1 - bounded) * atVertex + bounded * bounded
    }

    /// The placebo standard error (the paper's Algorithm 4, synthdid's `placebo_se`): the donors
    /// shuffled, as many of them as there are treated units made the placebo treated, the estimate
    /// refitted from the original weights with the original penalties, `replications` times; the
    /// spread of those estimates. Seeded, so a run can be repeated; nil when there are not more
    /// donors than treated units, two of them left over.
    public func placeboStandardError(
        _ method: Method, replications: Int, seed: UInt64, solver: WeightSolver = .frankWolfe
    ) -> Double? {
        let placeboDonors = donorCount - treatedCount
        guard placeboDonors >= 2, replications >= 2 else { return nil }
        let original = estimate(method)
        var options = options(for: method)
        options.solver = solver
        options.initialTimeWeights = original.timeWeights
        var generator = SeededRandom(seed: seed)
        var effects: [Double] = []
        effects.reserveCapacity(replications)
        for _ in 0..<replications {
            let order = Array(0..<donorCount).shuffled(using: &generator)
            let kept = order[0..<placeboDonors].map { original.unitWeights[$0] }
            let total = kept.reduce(0, +)
            options.initialUnitWeights =
                total != 0 ? kept.map { $0 / total } : Array(repeating: 1 / Double(placeboDonors), count: placeboDonors)
            guard let placebo = try? Self(outcomes: order.map { outcomes[$0] }, donorCount: placeboDonors, prePeriodCount: prePeriodCount)
            else { return nil }
            effects.append(placebo.estimate(method, options: options).effect)
        }
        let count = Double(replications)
        return ((count - 1) / count).squareRoot() * SampleStatistics.standardDeviation(effects)
    }
}
