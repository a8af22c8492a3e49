/// The Nelder–Mead simplex method (with SciPy's adaptive coefficients for the dimension), for the
/// outer problem of synthetic control: a handful of predictor weights, a loss that is continuous
/// but not smooth (the donor weights change support as they move), so no gradients are used.
struct NelderMead {
    var absoluteTolerance = 1e-9
    var maximumEvaluations = 1500
    /// A run also stops when its best value has not fallen by a relative 1e-9 in this many
    /// evaluations per dimension: the simplex is then creeping along a flat valley floor, and a
    /// restart from where it stands (which the caller does) is the better use of evaluations.
    var stallEvaluationsPerDimension = 50

    struct Result {
        let point: [Double]
        let value: Double
        let evaluations: Int
    }

    func minimise(_ f: ([Double]) -> Double, from start: [Double]) -> Result {
        let n = start.count
        let dimension = Double(n)
        // Adaptive parameters (Gao & Han 2012), as SciPy uses with adaptive=True.
        let rho = 1.0, chi = 1 + 2 / dimension, psi = 0.75 - 1 / (2 * dimension), sigma = 1 - 1 / dimension
        var simplex = [start]
        for i in 0..<n {
            var vertex = start
            vertex[i] = vertex[i] != 0 ? vertex[i] * 1.05 : 0.00025
            simplex.append(vertex)
        }
        var values = simplex.map(f)
        var evaluations = values.count
        var lastProgress = (value: values.min()!, evaluations: evaluations)
        while evaluations < maximumEvaluations {
            let order = values.indices.sorted { values[$0] < values[$1] }
            simplex = order.map { simplex[$0] }
            values = order.map { values[$0] }
            if values[0] < lastProgress.value - 1e-9 * max(1, abs(lastProgress.value)) {
                lastProgress = (values[0], evaluations)
            } else if evaluations - lastProgress.evaluations >= stallEvaluationsPerDimension * n {
                break
            }
            let spread =
                zip(simplex.dropFirst(), simplex.dropFirst().indices).map { vertex, _ in
                    zip(vertex, simplex[0]).map { abs($0 - $1) }.max() ?? 0
                }.max() ?? 0
            if spread <= absoluteTolerance && (values.last! - values[0]) <= absoluteTolerance * max(1, abs(values[0])) { break }
            var centroid = Array(repeating: 0.0, count: n)
            for vertex in simplex.dropLast() { for i in 0..<n { centroid[i] += vertex[i] / dimension } }
            let worst = simplex[n]
            func along(_ t: Double) -> [Double] { (0..<n).map { centroid[$0] + t * (centroid[$0] - worst[$0]) } }
            let reflected = along(rho)
            let reflectedValue = f(reflected)
            evaluations += 1
            if reflectedValue < values[0] {
                let expanded = along(rho * chi)
                let expandedValue = f(expanded)
                evaluations += 1
                if expandedValue < reflectedValue {
                    simplex[n] = expanded
                    values[n] = expandedValue
                } else {
                    simplex[n] = reflected
                    values[n] = reflectedValue
                }
                continue
            }
            if reflectedValue < values[n - 1] {
                simplex[n] = reflected
                values[n] = reflectedValue
                continue
            }
            let outside = reflectedValue < values[n]
            let contracted = along(outside ? psi * rho : -psi)
            let contractedValue = f(contracted)
            evaluations += 1
            if contractedValue <= (outside ? reflectedValue : values[n]) {
                simplex[n] = contracted
                values[n] = contractedValue
                continue
            }
            for k in 1...n {
                simplex[k] = (0..<n).map { simplex[0][$0] + sigma * (simplex[k][$0] - simplex[0][$0]) }
                values[k] = f(simplex[k])
            }
            evaluations += n
        }
        let best = values.indices.min { values[$0] < values[$1] }!
        return Result(point: simplex[best], value: values[best], evaluations: evaluations)
    }
}
