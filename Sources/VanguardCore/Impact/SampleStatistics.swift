/// Small summaries of samples that the impact estimators share.
enum SampleStatistics {
    /// The sample standard deviation (n − 1 in the denominator, as R and pandas use); 0 for fewer
    /// than two values.
    static func standardDeviation(_ values: [Double]) -> Double {
        guard values.count > 1 else { return 0 }
        let mean = values.reduce(0, +) / Double(values.count)
        return (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)).squareRoot()
    }
}
