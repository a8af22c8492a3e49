/// A matrix in one flat row-major array, made once and read by many problems (the predictor matrix
/// of a synthetic control's outer search).
struct RowMajorMatrix: Sendable {
    let rows: Int
    let columns: Int
    let values: [Double]
    /// Each row's sum of squares: the diagonal of `a′Va` sums these, weighted.
    let rowSumsOfSquares: [Double]

    init(_ rows: [[Double]]) {
        self.rows = rows.count
        columns = rows.first?.count ?? 0
        values = rows.flatMap { $0 }
        rowSumsOfSquares = rows.map { $0.reduce(0) { $0 + $1 * $1 } }
    }

    subscript(row: Int, column: Int) -> Double { values[row * columns + column] }
}
