import Foundation

extension VanguardImpact {
    /// The estimate to read first: of the methods that passed their own check, the one whose
    /// counterfactual followed the footprint most closely before the start, as a share of the
    /// footprint's own spread then (a unit-free figure, so the three can be compared).
    public struct Preference: Codable, Sendable, Equatable {
        public enum Method: String, Codable, Sendable, CaseIterable {
            case syntheticControl = "synthetic_control"
            case syntheticDifferenceInDifferences = "synthetic_difference_in_differences"
            case differenceInDifferences = "difference_in_differences"

            public var name: String {
                switch self {
                case .syntheticControl: "synthetic control"
                case .syntheticDifferenceInDifferences: "synthetic difference-in-differences"
                case .differenceInDifferences: "matched comparison (difference-in-differences)"
                }
            }

            /// For a table column.
            public var shortName: String {
                switch self {
                case .syntheticControl: "synthetic control"
                case .syntheticDifferenceInDifferences: "synthetic DiD"
                case .differenceInDifferences: "matched comparison"
                }
            }
        }

        /// nil when no method passed its check.
        public let method: Method?
        public let reason: String
    }

    static func notEnoughData(footprint: Int, donors: Int, before: Int, after: Int) -> String {
        if footprint == 0 { return "the footprint has no returns for this metric" }
        if donors < 2 { return "fewer than two areas with no vanguard report this metric" }
        if before < 12 { return "only \(before) months of returns before the start (at least 12 are needed)" }
        return "only \(after) months of returns after the start (at least 6 are needed)"
    }

    /// Root mean square of `errors` over the spread of `series`.
    static func relativeError(_ errors: [Double], of series: [Double]) -> Double {
        let spread = SampleStatistics.standardDeviation(series)
        guard spread > 0, !errors.isEmpty else { return .infinity }
        return (errors.reduce(0) { $0 + $1 * $1 } / Double(errors.count)).squareRoot() / spread
    }

    static func preference(
        synthetic: SyntheticResult?, differenceInDifferences: DiDResult?,
        syntheticDifferenceInDifferences: SyntheticDifferenceInDifferencesResult?, startIndex: Int
    ) -> Preference {
        var candidates: [(method: Preference.Method, error: Double)] = []
        if let synthetic, synthetic.verdict.isReliable {
            let errors = (0..<startIndex).map { synthetic.observed[$0] - synthetic.synthetic[$0] }
            candidates.append((.syntheticControl, relativeError(errors, of: Array(synthetic.observed[..<startIndex]))))
        }
        if let sdid = syntheticDifferenceInDifferences, sdid.verdict.isReliable {
            let errors = (0..<startIndex).map { sdid.observed[$0] - sdid.counterfactual[$0] }
            candidates.append((.syntheticDifferenceInDifferences, relativeError(errors, of: Array(sdid.observed[..<startIndex]))))
        }
        if let did = differenceInDifferences, did.verdict.isReliable {
            // On the log scale the comparison works on, after the constant difference it allows.
            let gaps = (0..<startIndex).map { log(max(did.treatedMean[$0], 1e-9)) - log(max(did.comparisonMean[$0], 1e-9)) }
            let meanGap = gaps.reduce(0, +) / Double(max(gaps.count, 1))
            let series = (0..<startIndex).map { log(max(did.treatedMean[$0], 1e-9)) }
            candidates.append((.differenceInDifferences, relativeError(gaps.map { $0 - meanGap }, of: series)))
        }
        guard let best = candidates.min(by: { $0.error < $1.error }) else {
            return Preference(method: nil, reason: "No method passed its check, so no estimate is read as an effect.")
        }
        let others = candidates.filter { $0.method != best.method }.map {
            "\($0.method.name) \(String(format: "%.0f%%", $0.error * 100))"
        }
        let comparison = others.isEmpty ? "it is the only method that passed its check" : "against \(others.joined(separator: " and "))"
        return Preference(
            method: best.method,
            reason:
                "Read the \(best.method.name) first: its counterfactual followed the footprint most closely before the start (error \(String(format: "%.0f%%", best.error * 100)) of the series' spread; \(comparison))."
        )
    }
}
