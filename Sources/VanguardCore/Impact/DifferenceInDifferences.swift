import Foundation

/// Two-way fixed effects difference-in-differences on a balanced panel: unit and time effects
/// absorbed by two-way demeaning (exact when every unit has every time), standard errors clustered
/// by unit with the small-sample factor `n / (n − k)` that `linearmodels`' PanelOLS applies
/// (k counts the absorbed effects, the regressors and a constant).
public struct DifferenceInDifferences: Sendable {
    public let units: [String]
    public let times: [Int]
    /// `outcomes[unit][time index]`, complete.
    public let outcomes: [[Double]]
    public let treated: Set<String>
    public let treatmentTime: Int

    public init(units: [String], times: [Int], outcomes: [[Double]], treated: Set<String>, treatmentTime: Int) throws(ImpactError) {
        guard outcomes.count == units.count, outcomes.allSatisfy({ $0.count == times.count }) else {
            throw .invalid("panel", "every unit needs a value at every time")
        }
        guard !treated.isEmpty, treated.isSubset(of: Set(units)) else { throw .invalid("treated", "no treated unit in the panel") }
        guard units.count > treated.count else { throw .invalid("comparison", "no comparison unit") }
        guard times.contains(where: { $0 < treatmentTime }), times.contains(where: { $0 >= treatmentTime }) else {
            throw .invalid("treatment_time", "the panel needs times before and after \(treatmentTime)")
        }
        self.units = units
        self.times = times
        self.outcomes = outcomes
        self.treated = treated
        self.treatmentTime = treatmentTime
    }

    public struct Coefficient: Sendable, Equatable, Codable {
        public let estimate: Double
        public let standardError: Double
        /// The 97.5% point of Student's t with one degree of freedom fewer than clusters: with a
        /// handful of areas the normal 1.96 gives intervals that are far too narrow.
        public let criticalValue: Double
        public var lower: Double { estimate - criticalValue * standardError }
        public var upper: Double { estimate + criticalValue * standardError }
    }

    /// The effect of being treated after `treatmentTime`.
    public func estimate() -> Coefficient {
        let design = units.map { unit in times.map { [treated.contains(unit) && $0 >= treatmentTime ? 1.0 : 0.0] } }
        return regress(design)[0]
    }

    public struct EventStudy: Sendable, Equatable, Codable {
        /// Event time (in bins since the start; the bin before the start is the reference, fixed at 0).
        public let bins: [Int]
        public let coefficients: [Coefficient]
        /// Wald test that every coefficient before the start is zero, with its p-value.
        public let preTrendStatistic: Double
        public let preTrendPValue: Double
    }

    /// Effects by time since the start, in bins of `binWidth` times, from `first` to `last` bins
    /// (times beyond either end are pooled into it); bin −1 is the reference.
    public func eventStudy(binWidth: Int, first: Int, last: Int) -> EventStudy {
        let bins = (first...last).filter { $0 != -1 }
        let design = units.map { unit in
            times.map { time -> [Double] in
                guard treated.contains(unit) else { return bins.map { _ in 0 } }
                let offset = time - treatmentTime
                let bin = min(max(Int((Double(offset) / Double(binWidth)).rounded(.down)), first), last)
                return bins.map { $0 == bin ? 1 : 0 }
            }
        }
        let (coefficients, covariance) = regressWithCovariance(design)
        let pre = bins.indices.filter { bins[$0] < -1 }
        var statistic = 0.0, pValue = 1.0
        if !pre.isEmpty {
            let sub = pre.map { i in pre.map { covariance[i][$0] } }
            let b = pre.map { coefficients[$0].estimate }
            if let solved = DenseLinearAlgebra.solve(sub, b.map { [$0] }) {
                statistic = zip(b, solved).reduce(0) { $0 + $1.0 * $1.1[0] }
                pValue = ChiSquared.survival(statistic, degreesOfFreedom: Double(pre.count))
            }
        }
        return EventStudy(bins: bins, coefficients: coefficients, preTrendStatistic: statistic, preTrendPValue: pValue)
    }

    /// Two-way demeaning of a unit × time array.
    static func demeaned(_ values: [[Double]]) -> [[Double]] {
        let n = Double(values.count), t = Double(values[0].count)
        let unitMeans = values.map { $0.reduce(0, +) / t }
        let timeMeans = values[0].indices.map { j in values.reduce(0) { $0 + $1[j] } / n }
        let grand = unitMeans.reduce(0, +) / n
        return values.indices.map { i in values[i].indices.map { j in values[i][j] - unitMeans[i] - timeMeans[j] + grand } }
    }

    func regress(_ design: [[[Double]]]) -> [Coefficient] {
        regressWithCovariance(design).coefficients
    }

    /// OLS of the demeaned outcome on demeaned regressors, with the unit-clustered covariance.
    func regressWithCovariance(_ design: [[[Double]]]) -> (coefficients: [Coefficient], covariance: [[Double]]) {
        let k = design[0][0].count
        let y = Self.demeaned(outcomes)
        let x = (0..<k).map { column in Self.demeaned(design.map { unit in unit.map { $0[column] } }) }  // k × N × T
        var xx = Array(repeating: Array(repeating: 0.0, count: k), count: k)
        var xy = Array(repeating: [0.0], count: k)
        for i in units.indices {
            for t in times.indices {
                for a in 0..<k {
                    xy[a][0] += x[a][i][t] * y[i][t]
                    for b in 0..<k { xx[a][b] += x[a][i][t] * x[b][i][t] }
                }
            }
        }
        guard let inverse = DenseLinearAlgebra.solve(xx, DenseLinearAlgebra.identity(k)),
            let beta = DenseLinearAlgebra.solve(xx, xy)?.map({ $0[0] })
        else {
            let nan = Coefficient(estimate: .nan, standardError: .nan, criticalValue: .nan)
            return (Array(repeating: nan, count: k), Array(repeating: Array(repeating: .nan, count: k), count: k))
        }
        var meat = Array(repeating: Array(repeating: 0.0, count: k), count: k)
        for i in units.indices {
            var score = Array(repeating: 0.0, count: k)
            for t in times.indices {
                var residual = y[i][t]
                for a in 0..<k { residual -= beta[a] * x[a][i][t] }
                for a in 0..<k { score[a] += x[a][i][t] * residual }
            }
            for a in 0..<k { for b in 0..<k { meat[a][b] += score[a] * score[b] } }
        }
        let observations = Double(units.count * times.count)
        let parameters = Double(units.count - 1 + times.count - 1 + k + 1)
        let factor = observations / (observations - parameters)
        let covariance = DenseLinearAlgebra.multiply(DenseLinearAlgebra.multiply(inverse, meat), inverse).map { $0.map { $0 * factor } }
        let critical = StudentT.quantile975(degreesOfFreedom: units.count - 1)
        return (
            (0..<k).map { Coefficient(estimate: beta[$0], standardError: covariance[$0][$0].squareRoot(), criticalValue: critical) },
            covariance
        )
    }
}

/// Student's t, for intervals from few clusters.
enum StudentT {
    /// t(0.975, df) for df = 1…30 (SciPy `t.ppf`); beyond 30, the Cornish–Fisher expansion about 1.96.
    static let table = [
        12.706205, 4.302653, 3.182446, 2.776445, 2.570582, 2.446912, 2.364624, 2.306004, 2.262157, 2.228139, 2.200985, 2.178813, 2.160369,
        2.144787, 2.13145,
        2.119905, 2.109816, 2.100922, 2.093024, 2.085963, 2.079614, 2.073873, 2.068658, 2.063899, 2.059539, 2.055529, 2.051831, 2.048407,
        2.04523, 2.042272,
    ]

    static func quantile975(degreesOfFreedom df: Int) -> Double {
        if df < 1 { return .infinity }
        if df <= table.count { return table[df - 1] }
        let z = 1.959963984540054, n = Double(df)
        return z + (z * z * z + z) / (4 * n) + (5 * pow(z, 5) + 16 * z * z * z + 3 * z) / (96 * n * n)
    }
}

/// The chi-squared distribution's upper tail, for Wald tests.
enum ChiSquared {
    static func survival(_ x: Double, degreesOfFreedom k: Double) -> Double {
        guard x > 0 else { return 1 }
        return 1 - regularisedLowerGamma(k / 2, x / 2)
    }

    /// ln Γ(x) for x > 0 by the Lanczos approximation (g = 7, nine terms; about 15 digits).
    /// Written here because `lgamma` is ambiguous between Foundation and Glibc on Linux.
    static func logGamma(_ x: Double) -> Double {
        let coefficients = [
            0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
            12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
        ]
        if x < 0.5 { return log(Double.pi / sin(Double.pi * x)) - logGamma(1 - x) }
        let z = x - 1
        var sum = coefficients[0]
        for i in 1..<9 { sum += coefficients[i] / (z + Double(i)) }
        let t = z + 7.5
        return 0.5 * log(2 * Double.pi) + (z + 0.5) * log(t) - t + log(sum)
    }

    /// P(a, x) by its series for x < a + 1 and Legendre's continued fraction otherwise (Numerical Recipes 6.2).
    static func regularisedLowerGamma(_ a: Double, _ x: Double) -> Double {
        let logGammaA = logGamma(a)
        if x < a + 1 {
            var term = 1 / a, sum = term, n = a
            for _ in 0..<10_000 {
                n += 1
                term *= x / n
                sum += term
                if abs(term) < abs(sum) * 1e-16 { break }
            }
            return sum * exp(-x + a * log(x) - logGammaA)
        }
        var b = x + 1 - a, c = 1 / 1e-300, d = 1 / b, h = d
        for i in 1...10_000 {
            let an = -Double(i) * (Double(i) - a)
            b += 2
            d = an * d + b
            if abs(d) < 1e-300 { d = 1e-300 }
            c = b + an / c
            if abs(c) < 1e-300 { c = 1e-300 }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-16 { break }
        }
        return 1 - exp(-x + a * log(x) - logGammaA) * h
    }
}
