/// Minimises `½ w′Pw − q′w` over the simplex (`w ≥ 0`, `Σw = 1`) for a symmetric positive
/// semi-definite `P`: the donor-weight problem of synthetic control.
///
/// A primal active-set method (Nocedal & Wright, Algorithm 16.3): each step solves the
/// equality-constrained problem on the free weights exactly, in an orthonormal basis of
/// `{p : Σp = 0}`, so the answer is exact up to rounding rather than a tolerance on the objective.
///
/// `P` is usually singular (more donors than predictors), and then many weightings fit equally
/// well. A ridge of 1e-9 of `P`'s mean diagonal makes the problem strictly convex: the method
/// cannot cycle, and among equally good weightings it returns the one of least norm, so the answer
/// is unique and reproducible. The objective moves by about 1e-9 of its scale, far below what any
/// estimate reports.
public struct SimplexQuadraticProgram: Sendable {
    let hessian: SimplexHessian
    public let q: [Double]

    public struct Solution: Sendable, Equatable {
        public let weights: [Double]
        /// `½ w′Pw − q′w` at the solution.
        public let objective: Double
        public let iterations: Int
        /// The largest violation of the optimality conditions, relative to the gradient's size.
        public let optimalityGap: Double
    }

    public init(p: [[Double]], q: [Double]) {
        let n = q.count
        var matrix = p.flatMap { $0 }
        let meanDiagonal = n == 0 ? 0 : (0..<n).reduce(0.0) { $0 + matrix[$1 * n + $1] } / Double(n)
        let ridge = Self.ridge(meanDiagonal: meanDiagonal)
        for i in 0..<n { matrix[i * n + i] += ridge }
        self.init(hessian: .dense(matrix), q: q)
    }

    init(hessian: SimplexHessian, q: [Double], freeBlockFactors: FreeBlockFactors? = nil) {
        self.hessian = hessian
        self.q = q
        self.freeBlockFactors = freeBlockFactors
    }

    /// Shared by the problems `replacingLinearTerm` makes from this one (see `FreeBlockFactors`).
    let freeBlockFactors: FreeBlockFactors?

    /// The same problem, keeping the factors of its free block for the problems made from it by
    /// `replacingLinearTerm`.
    func keepingFactors() -> SimplexQuadraticProgram {
        SimplexQuadraticProgram(hessian: hessian, q: q, freeBlockFactors: FreeBlockFactors())
    }

    static func ridge(meanDiagonal: Double) -> Double { 1e-9 * max(meanDiagonal, 1e-300) }

    /// The same `P` with another right-hand side: many problems over the same donors share one matrix.
    func replacingLinearTerm(with q: [Double]) -> SimplexQuadraticProgram {
        SimplexQuadraticProgram(hessian: hessian, q: q, freeBlockFactors: freeBlockFactors)
    }

    /// The least-squares form: minimise `‖a w − b‖²` (rows of `a` weighted by `rowWeights`) over the
    /// simplex, with `P` kept as `a` and the weights (see `SimplexHessian`).
    public init(leastSquares a: [[Double]], _ b: [Double], rowWeights: [Double]? = nil) {
        self.init(leastSquares: RowMajorMatrix(a), b, rowWeights: rowWeights ?? Array(repeating: 1, count: a.count))
    }

    init(leastSquares a: RowMajorMatrix, _ b: [Double], rowWeights: [Double]) {
        let columns = a.columns
        var q = [Double](repeating: 0, count: columns)
        var diagonal = 0.0
        a.values.withUnsafeBufferPointer { values in
            for r in 0..<a.rows where rowWeights[r] != 0 {
                let target = rowWeights[r] * b[r], base = r * columns
                for i in 0..<columns { q[i] += values[base + i] * target }
                diagonal += rowWeights[r] * a.rowSumsOfSquares[r]
            }
        }
        let ridge = Self.ridge(meanDiagonal: columns == 0 ? 0 : diagonal / Double(columns))
        self.init(hessian: .weightedRows(a: a.values, rows: a.rows, weights: rowWeights, ridge: ridge), q: q)
    }

    public func objective(_ w: [Double]) -> Double {
        let support = w.indices.filter { w[$0] != 0 }
        var pw = w
        hessian.product(w, support: support, into: &pw)
        return support.reduce(0.0) { $0 + w[$1] * (0.5 * pw[$1] - q[$1]) }
    }

    /// `P w − q` into `g`.
    func gradient(_ w: [Double], support: [Int], into g: inout [Double]) {
        hessian.product(w, support: support, into: &g)
        for i in q.indices { g[i] -= q[i] }
    }

    /// Solves from `start` (a point of the simplex, e.g. the previous solution of a nearby problem)
    /// or from the best single donor.
    public func solve(start: [Double]? = nil) -> Solution {
        let n = q.count
        precondition(n > 0, "no donors")
        var w: [Double]
        if let start, start.count == n, start.allSatisfy({ $0 >= 0 }), abs(start.reduce(0, +) - 1) < 1e-9 {
            w = start
        } else {
            let vertexObjectives: [Double] = (0..<n).map { (i: Int) -> Double in 0.5 * hessian.entry(i, i, order: n) - q[i] }
            let best = vertexObjectives.indices.min { vertexObjectives[$0] < vertexObjectives[$1] }!
            w = Array(repeating: 0, count: n)
            w[best] = 1
        }
        // The free weights, ascending, and a mask of them.
        var support = (0..<n).filter { w[$0] > 0 }
        var isFree = w.map { $0 > 0 }
        let largestLinear = q.reduce(0.0) { max($0, abs($1)) }
        var iterations = 0
        var gap = 0.0
        var g = [Double](repeating: 0, count: n)
        // Whether `g` is the gradient at `w`, as it is when the loop ends by finding `w` optimal.
        var isCurrent = false
        while iterations < 50 * n + 100 {
            iterations += 1
            gradient(w, support: support, into: &g)
            isCurrent = true
            let scale = max(g.reduce(0.0) { max($0, abs($1)) }, largestLinear, 1e-300)
            let step = stepOnFree(support, gradient: g, scale: scale)
            if let (direction, isRay) = step {
                isCurrent = false
                // Move along the direction until the first free weight reaches zero (or the full step).
                var alpha = isRay ? Double.infinity : 1.0
                var blocking: Int?
                for (k, index) in support.enumerated() where direction[k] < 0 {
                    let limit = -w[index] / direction[k]
                    if limit < alpha {
                        alpha = limit
                        blocking = k
                    }
                }
                precondition(alpha.isFinite, "a ray of zero curvature must meet a bound on the simplex")
                for (k, index) in support.enumerated() { w[index] += alpha * direction[k] }
                for index in support where w[index] < 0 { w[index] = 0 }
                if let blocking {
                    w[support[blocking]] = 0
                    isFree[support[blocking]] = false
                    support.remove(at: blocking)
                }
                continue
            }
            // Stationary on the free weights: the multiplier of Σw = 1 is their common gradient; a
            // fixed weight whose gradient is below it would lower the objective if released.
            let mu = support.reduce(0.0) { $0 + g[$1] } / Double(max(support.count, 1))
            var entering: Int?
            var most = -1e-12 * scale
            var worstMultiplier = 0.0
            for index in 0..<n where !isFree[index] {
                let multiplier = g[index] - mu
                worstMultiplier = min(worstMultiplier, multiplier)
                if multiplier < most {
                    most = multiplier
                    entering = index
                }
            }
            let spread = support.reduce(0.0) { max($0, abs(g[$1] - mu)) }
            gap = max(spread, -worstMultiplier) / scale
            guard let entering else { break }
            isFree[entering] = true
            support.insert(entering, at: support.firstIndex { $0 > entering } ?? support.count)
        }
        let total = w.reduce(0, +)
        for i in support { w[i] = max(0, w[i]) / total }
        // The last gradient is that of the answer but for the rounding of the division above:
        // `w′Pw/2 − q′w = Σ w (g − q)/2` saves another product.
        let objective = isCurrent ? support.reduce(0.0) { $0 + w[$1] * 0.5 * (g[$1] - q[$1]) } : objective(w)
        return Solution(weights: w, objective: objective, iterations: iterations, optimalityGap: gap)
    }

    /// The step on the free weights: the Newton step of the problem restricted to them and to
    /// `Σp = 0`, or a descent ray of zero curvature; nil when they are already stationary.
    func stepOnFree(_ support: [Int], gradient g: [Double], scale: Double) -> (direction: [Double], isRay: Bool)? {
        let m = support.count
        guard m > 1 else { return nil }
        switch newtonStepOnFree(support, gradient: g, scale: scale) {
        case .stationary: return nil
        case .step(let direction): return (direction, false)
        case nil: break
        }
        let basis = Self.nullSpaceOfOnes(m)  // m × (m − 1), orthonormal columns
        let d = m - 1, n = q.count
        // Reduced gradient and Hessian.
        var r = Array(repeating: 0.0, count: d)
        for c in 0..<d { for k in 0..<m { r[c] += basis[k][c] * g[support[k]] } }
        var pz = Array(repeating: Array(repeating: 0.0, count: d), count: m)  // P_FF · Z
        for i in 0..<m {
            for c in 0..<d {
                var sum = 0.0
                for k in 0..<m { sum += hessian.entry(support[i], support[k], order: n) * basis[k][c] }
                pz[i][c] = sum
            }
        }
        var reduced = Array(repeating: Array(repeating: 0.0, count: d), count: d)
        for a in 0..<d {
            for b in a..<d {
                var sum = 0.0
                for i in 0..<m { sum += basis[i][a] * pz[i][b] }
                reduced[a][b] = sum
                reduced[b][a] = sum
            }
        }
        let (values, vectors) = DenseLinearAlgebra.symmetricEigen(reduced)
        let largest = max(values.max() ?? 0, 0)
        let flat = 1e-11 * max(largest, 1e-300)
        var y = Array(repeating: 0.0, count: d)
        var ray = Array(repeating: 0.0, count: d)
        var hasRay = false
        for (value, vector) in zip(values, vectors) {
            var c = 0.0
            for k in 0..<d { c += vector[k] * r[k] }
            if value > flat {
                for k in 0..<d { y[k] -= c / value * vector[k] }
            } else if abs(c) > 1e-12 * scale {
                hasRay = true
                for k in 0..<d { ray[k] -= c * vector[k] }
            }
        }
        // The reduced gradient is rounding: already stationary on the free weights.
        if !hasRay, (r.map(abs).max() ?? 0) <= 1e-12 * scale { return nil }
        let reducedStep = hasRay ? ray : y
        var direction = Array(repeating: 0.0, count: m)
        for k in 0..<m { for c in 0..<d { direction[k] += basis[k][c] * reducedStep[c] } }
        let size = direction.map(abs).max() ?? 0
        if !hasRay && size <= 1e-14 { return nil }
        return (direction, hasRay)
    }

    /// The Newton step on the free weights from the KKT system `P_FF d + g_F = ν1`, `1′d = 0`,
    /// by one Cholesky factorisation of `P_FF`: usually `P_FF` is positive definite and this is a
    /// few times cheaper than the reduced Hessian and its eigen-decomposition. nil when a pivot
    /// falls below the floor the eigen-decomposition uses for a flat direction (1e-11 of the
    /// largest diagonal entry, times the size: no eigenvalue exceeds that multiple of it), so that
    /// path decides about rays.
    func newtonStepOnFree(_ support: [Int], gradient g: [Double], scale: Double) -> NewtonStep? {
        let m = support.count, n = q.count
        // Equal gradients on the free weights: stationary, whatever the curvature, so no factoring.
        let mean = support.reduce(0.0) { $0 + g[$1] } / Double(m)
        if support.reduce(0.0, { max($0, abs(g[$1] - mean)) }) <= 1e-12 * scale { return .stationary }
        let factors: FreeBlockFactors.Entry
        if let kept = freeBlockFactors?.factors(for: support) {
            factors = kept
        } else {
            var block = [Double](repeating: 0, count: m * m)
            var largestDiagonal = 0.0
            for (a, i) in support.enumerated() {
                for (b, j) in support.enumerated() where b <= a {
                    block[a * m + b] = hessian.entry(i, j, order: n)
                    block[b * m + a] = block[a * m + b]
                }
                largestDiagonal = max(largestDiagonal, block[a * m + a])
            }
            guard largestDiagonal > 0 else { return nil }
            let floor = 1e-11 * largestDiagonal * Double(m)
            guard DenseLinearAlgebra.choleskyFactor(&block, order: m, minimumPivot: floor) else { return nil }
            var ones = [Double](repeating: 1, count: m)
            DenseLinearAlgebra.choleskySolve(factor: block, order: m, &ones)
            factors = FreeBlockFactors.Entry(support: support, factor: block, onesSolution: ones)
            freeBlockFactors?.keep(factors)
        }
        var direction = support.map { g[$0] }
        DenseLinearAlgebra.choleskySolve(factor: factors.factor, order: m, &direction)
        let ones = factors.onesSolution
        let nu = direction.reduce(0, +) / ones.reduce(0, +)
        var size = 0.0
        for k in 0..<m {
            direction[k] = nu * ones[k] - direction[k]
            size = max(size, abs(direction[k]))
        }
        if size <= 1e-14 { return .stationary }
        return .step(direction)
    }

    enum NewtonStep {
        case stationary
        case step([Double])
    }

    /// An orthonormal basis of the vectors whose entries sum to zero: the last m − 1 columns of the
    /// Householder reflection that maps `1/√m` to the first unit vector.
    static func nullSpaceOfOnes(_ m: Int) -> [[Double]] {
        let root = Double(m).squareRoot()
        var v = Array(repeating: 1 / root, count: m)
        v[0] -= 1
        let norm2 = v.reduce(0) { $0 + $1 * $1 }
        return (0..<m).map { i in
            (1..<m).map { j in (i == j ? 1.0 : 0.0) - 2 * v[i] * v[j] / norm2 }
        }
    }
}
