/// The few dense linear-algebra pieces the impact estimators need, on small matrices (tens of rows):
/// written out here because no linear-algebra package is available to the project.
enum DenseLinearAlgebra {
    /// Eigenvalues and orthonormal eigenvectors of a symmetric matrix by cyclic Jacobi rotations,
    /// which are accurate to working precision for every eigenvalue, small ones included.
    /// Returns `vectors[i]` as the eigenvector of `values[i]`.
    static func symmetricEigen(_ matrix: [[Double]]) -> (values: [Double], vectors: [[Double]]) {
        let n = matrix.count
        var a = matrix
        var v = identity(n)
        for _ in 0..<100 {
            var off = 0.0, total = 0.0
            for i in 0..<n {
                for j in 0..<n {
                    total += a[i][j] * a[i][j]
                    if i != j { off += a[i][j] * a[i][j] }
                }
            }
            // Off-diagonal mass below 1e-24 of the total is rounding: the eigenvalues are settled.
            if off <= 1e-24 * total || off == 0 { break }
            for p in 0..<n {
                for q in (p + 1)..<n where a[p][q] != 0 {
                    let theta = (a[q][q] - a[p][p]) / (2 * a[p][q])
                    let t = (theta >= 0 ? 1.0 : -1.0) / (abs(theta) + (theta * theta + 1).squareRoot())
                    let c = 1 / (t * t + 1).squareRoot(), s = t * c
                    for k in 0..<n {
                        let akp = a[k][p], akq = a[k][q]
                        a[k][p] = c * akp - s * akq
                        a[k][q] = s * akp + c * akq
                    }
                    for k in 0..<n {
                        let apk = a[p][k], aqk = a[q][k]
                        a[p][k] = c * apk - s * aqk
                        a[q][k] = s * apk + c * aqk
                    }
                    for k in 0..<n {
                        let vkp = v[k][p], vkq = v[k][q]
                        v[k][p] = c * vkp - s * vkq
                        v[k][q] = s * vkp + c * vkq
                    }
                }
            }
        }
        let values = (0..<n).map { a[$0][$0] }
        let vectors = (0..<n).map { column in (0..<n).map { v[$0][column] } }
        return (values, vectors)
    }

    /// Overwrites the lower triangle of the symmetric row-major `n` × `n` matrix `a` with its
    /// Cholesky factor; false unless every pivot is above `minimumPivot` (then `a` is positive
    /// definite and well enough conditioned for the factor to be trusted). In place, because the
    /// simplex solver factors a small block at every step of thousands of solves.
    static func choleskyFactor(_ a: inout [Double], order n: Int, minimumPivot: Double) -> Bool {
        for i in 0..<n {
            for j in 0...i {
                var sum = a[i * n + j]
                for k in 0..<j { sum -= a[i * n + k] * a[j * n + k] }
                if i == j {
                    guard sum > minimumPivot else { return false }
                    a[i * n + i] = sum.squareRoot()
                } else {
                    a[i * n + j] = sum / a[j * n + j]
                }
            }
        }
        return true
    }

    /// Solves `l l′ x = b` in place for the factor `choleskyFactor` left in `l`'s lower triangle.
    static func choleskySolve(factor l: [Double], order n: Int, _ b: inout [Double]) {
        for i in 0..<n {
            for k in 0..<i { b[i] -= l[i * n + k] * b[k] }
            b[i] /= l[i * n + i]
        }
        for i in stride(from: n - 1, through: 0, by: -1) {
            for k in (i + 1)..<n { b[i] -= l[k * n + i] * b[k] }
            b[i] /= l[i * n + i]
        }
    }

    static func identity(_ n: Int) -> [[Double]] {
        (0..<n).map { i in (0..<n).map { $0 == i ? 1.0 : 0.0 } }
    }

    /// Solves `a x = b` for a square system by Gaussian elimination with partial pivoting; nil when singular.
    static func solve(_ a: [[Double]], _ b: [[Double]]) -> [[Double]]? {
        let n = a.count
        var m = a, rhs = b
        for column in 0..<n {
            guard let pivot = (column..<n).max(by: { abs(m[$0][column]) < abs(m[$1][column]) }), abs(m[pivot][column]) > 1e-300 else {
                return nil
            }
            m.swapAt(column, pivot)
            rhs.swapAt(column, pivot)
            for row in (column + 1)..<n {
                let factor = m[row][column] / m[column][column]
                if factor == 0 { continue }
                for k in column..<n { m[row][k] -= factor * m[column][k] }
                for k in 0..<rhs[row].count { rhs[row][k] -= factor * rhs[column][k] }
            }
        }
        var x = rhs
        for row in stride(from: n - 1, through: 0, by: -1) {
            for k in 0..<x[row].count {
                var sum = rhs[row][k]
                for j in (row + 1)..<n { sum -= m[row][j] * x[j][k] }
                x[row][k] = sum / m[row][row]
            }
        }
        return x
    }

    static func transpose(_ a: [[Double]]) -> [[Double]] {
        guard let columns = a.first?.count else { return [] }
        return (0..<columns).map { j in a.map { $0[j] } }
    }

    static func multiply(_ a: [[Double]], _ b: [[Double]]) -> [[Double]] {
        let inner = b.count, columns = b.first?.count ?? 0
        return a.map { row in
            (0..<columns).map { j in
                var sum = 0.0
                for k in 0..<inner { sum += row[k] * b[k][j] }
                return sum
            }
        }
    }
}
