/// The `P` of a `SimplexQuadraticProgram`, ridge included, in whichever form is cheaper to keep.
///
/// A synthetic control's outer search solves thousands of problems `‖√V (a w − b)‖²` with a few
/// rows (the predictors) and many columns (the donors), `a` the same in all of them. Forming
/// `P = a′Va` costs rows × donors² each time, while the active-set method only ever reads `P w` and
/// the entries among the few free weights: kept as `a` (shared, not copied) and `V`, a problem
/// costs rows × donors to set up and to step.
enum SimplexHessian: Sendable {
    /// Row-major `n` × `n`, ridge on the diagonal.
    case dense([Double])
    /// `P = a′ diag(weights) a + ridge · I` for the row-major `rows` × `n` matrix `a`.
    case weightedRows(a: [Double], rows: Int, weights: [Double], ridge: Double)

    /// `P[i][j]`.
    func entry(_ i: Int, _ j: Int, order n: Int) -> Double {
        switch self {
        case .dense(let matrix):
            return matrix[i * n + j]
        case .weightedRows(let a, let rows, let weights, let ridge):
            var sum = i == j ? ridge : 0
            for r in 0..<rows { sum += weights[r] * a[r * n + i] * a[r * n + j] }
            return sum
        }
    }

    /// `P w` into `result` (of `w`'s size) for a `w` that is zero off `support`.
    func product(_ w: [Double], support: [Int], into result: inout [Double]) {
        let n = w.count
        switch self {
        case .dense(let matrix):
            matrix.withUnsafeBufferPointer { p in
                for i in 0..<n {
                    var sum = 0.0
                    let base = i * n
                    for j in support { sum += p[base + j] * w[j] }
                    result[i] = sum
                }
            }
        case .weightedRows(let a, let rows, let weights, let ridge):
            for i in 0..<n { result[i] = ridge * w[i] }
            a.withUnsafeBufferPointer { a in
                for r in 0..<rows where weights[r] != 0 {
                    let base = r * n
                    var aw = 0.0
                    for j in support { aw += a[base + j] * w[j] }
                    let value = weights[r] * aw
                    if value == 0 { continue }
                    for i in 0..<n { result[i] += a[base + i] * value }
                }
            }
        }
    }
}
