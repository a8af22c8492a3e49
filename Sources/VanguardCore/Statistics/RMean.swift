/// The arithmetic mean as R's `mean()` computes it for doubles: summed in long double, divided,
/// then corrected by the mean of the residuals (src/main/summary.c). Matching it is what lets our
/// limits agree with NHSRplotthedots to the last bit rather than to 1e-15.
enum RMean {
    static func mean(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        #if arch(x86_64) || arch(i386)
            let n = Float80(values.count)
            var sum: Float80 = 0
            for value in values { sum += Float80(value) }
            var mean = sum / n
            if mean.isFinite {
                var residual: Float80 = 0
                for value in values { residual += Float80(value) - mean }
                mean += residual / n
            }
            return Double(mean)
        #else
            let n = Double(values.count)
            var mean = values.reduce(0, +) / n
            if mean.isFinite {
                mean += values.reduce(0) { $0 + ($1 - mean) } / n
            }
            return mean
        #endif
    }
}
