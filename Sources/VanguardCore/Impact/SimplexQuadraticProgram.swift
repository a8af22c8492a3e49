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
    public let p: [[Double]]
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
        let meanDiagonal = n == 0 ? 0 : (0..<n).reduce(0.0) { $0 + p[$1][$1] } / Double(n)
        let ridge = 1e-9 * max(meanDiagonal, 1e-300)
        var regularised = p
        for i in 0..<n { regularised[i][i] += ridge }
        self.p = regularised
        self.q = q
    }

    /// Another right-hand side for a `p` that `init(p:q:)` has already regularised: many problems
    /// over the same donors share one matrix.
    init(regularised p: [[Double]], q: [Double]) {
        self.p = p
        self.q = q
    }

    /// The least-squares form: minimise `‖a w − b‖²` (rows of `a` weighted by `rowWeights`) over the simplex.
    public init(leastSquares a: [[Double]], _ b: [Double], rowWeights: [Double]? = nil) {
        let rows = a.count, columns = a.first?.count ?? 0
        let weights = rowWeights ?? Array(repeating: 1, count: rows)
        var p = Array(repeating: Array(repeating: 0.0, count: columns), count: columns)
        var q = Array(repeating: 0.0, count: columns)
        for r in 0..<rows where weights[r] != 0 {
            let row = a[r], weight = weights[r]
            for i in 0..<columns {
                let wi = weight * row[i]
                if wi == 0 { continue }
                q[i] += wi * b[r]
                for j in i..<columns { p[i][j] += wi * row[j] }
            }
        }
        for i in 0..<columns { for j in 0..<i { p[i][j] = p[j][i] } }
        self.init(p: p, q: q)
    }

    public func objective(_ w: [Double]) -> Double {
        var value = 0.0
        for i in w.indices where w[i] != 0 {
            var pw = 0.0
            for j in w.indices where w[j] != 0 { pw += p[i][j] * w[j] }
            value += w[i] * (0.5 * pw - q[i])
        }
        return value
    }

    func gradient(_ w: [Double], support: [Int]) -> [Double] {
        (0..<q.count).map { i in
            var sum = -q[i]
            for j in support { sum += p[i][j] * w[j] }
            return sum
        }
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
            let vertexObjectives: [Double] = (0..<n).map { (i: Int) -> Double in 0.5 * p[i][i] - q[i] }
            let best = vertexObjectives.indices.min { vertexObjectives[$0] < vertexObjectives[$1] }!
            w = Array(repeating: 0, count: n)
            w[best] = 1
        }
        var free = Set((0..<n).filter { w[$0] > 0 })
        var iterations = 0
        var gap = 0.0
        while iterations < 50 * n + 100 {
            iterations += 1
            let support = free.sorted()
            let g = gradient(w, support: support)
            let scale = max(g.map(abs).max() ?? 0, q.map(abs).max() ?? 0, 1e-300)
            let step = stepOnFree(support, gradient: g, scale: scale)
            if let (direction, isRay) = step {
                // Move along the direction until the first free weight reaches zero (or the full step).
                var alpha = isRay ? Double.infinity : 1.0
                var blocking: Int?
                for (k, index) in support.enumerated() where direction[k] < 0 {
                    let limit = -w[index] / direction[k]
                    if limit < alpha {
                        alpha = limit
                        blocking = index
                    }
                }
                precondition(alpha.isFinite, "a ray of zero curvature must meet a bound on the simplex")
                for (k, index) in support.enumerated() { w[index] += alpha * direction[k] }
                if let blocking {
                    w[blocking] = 0
                    free.remove(blocking)
                }
                for index in support where w[index] < 0 { w[index] = 0 }
                continue
            }
            // Stationary on the free weights: the multiplier of Σw = 1 is their common gradient; a
            // fixed weight whose gradient is below it would lower the objective if released.
            let mu = support.map { g[$0] }.reduce(0, +) / Double(max(support.count, 1))
            var entering: Int?
            var most = -1e-12 * scale
            for index in 0..<n where !free.contains(index) {
                let multiplier = g[index] - mu
                if multiplier < most {
                    most = multiplier
                    entering = index
                }
            }
            let spread = support.map { abs(g[$0] - mu) }.max() ?? 0
            let worstMultiplier = (0..<n).filter { !free.contains($0) }.map { g[$0] - mu }.min() ?? 0
            gap = max(spread, -min(0, worstMultiplier)) / scale
            guard let entering else { break }
            free.insert(entering)
        }
        let total = w.reduce(0, +)
        w = w.map { max(0, $0) / total }
        return Solution(weights: w, objective: objective(w), iterations: iterations, optimalityGap: gap)
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
        let d = m - 1
        // Reduced gradient and Hessian.
        var r = Array(repeating: 0.0, count: d)
        for c in 0..<d { for k in 0..<m { r[c] += basis[k][c] * g[support[k]] } }
        var pz = Array(repeating: Array(repeating: 0.0, count: d), count: m)  // P_FF · Z
        for i in 0..<m {
            for c in 0..<d {
                var sum = 0.0
                for k in 0..<m { sum += p[support[i]][support[k]] * basis[k][c] }
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
        let m = support.count
        let block = support.map { i in support.map { j in p[i][j] } }
        let largestDiagonal = (0..<m).map { block[$0][$0] }.max() ?? 0
        guard largestDiagonal > 0 else { return nil }
        let free = support.map { g[$0] }
        // Equal gradients on the free weights: stationary, whatever the curvature, so no factoring.
        let mean = free.reduce(0, +) / Double(m)
        if (free.map { abs($0 - mean) }.max() ?? 0) <= 1e-12 * scale { return .stationary }
        let floor = 1e-11 * largestDiagonal * Double(m)
        guard
            let solutions = DenseLinearAlgebra.choleskySolve(block, [free, Array(repeating: 1, count: m)], minimumPivot: floor)
        else { return nil }
        let (a, b) = (solutions[0], solutions[1])
        let nu = a.reduce(0, +) / b.reduce(0, +)
        let direction = zip(a, b).map { nu * $1 - $0 }
        if (direction.map(abs).max() ?? 0) <= 1e-14 { return .stationary }
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
