import Foundation

/// One line of a progress report: how a vanguard's metric has moved since 2014/15, beside the rest
/// of England, and whether that is better or worse given which way the metric improves.
public struct ProgressHeadline: Sendable, Equatable {
    public enum Comparison: String, Sendable {
        case better, worse, similar
        /// No baseline on one side, or a metric where neither direction is better.
        case notComparable = "not_comparable"
    }

    public let metricCode: String
    public let comparison: Comparison
    /// The vanguard's change minus the rest of England's, in the change's own unit.
    public let gap: Double?
    public let sentence: String

    /// Gaps smaller than this (0.5% of a rate, or 0.5 percentage points) count as similar.
    static func tolerance(inPoints: Bool) -> Double { inPoints ? 0.5 : 0.005 }

    public init(metric: Metric, evaluation: MetricEvaluation, restOfEngland: MetricEvaluation?) {
        metricCode = metric.code
        let own = evaluation.changeAgainstBaseline, rest = restOfEngland?.changeAgainstBaseline
        let inPoints = evaluation.changeIsInPoints
        if let own, let rest {
            let gap = own - rest
            self.gap = gap
            if metric.direction == .neutral {
                comparison = .notComparable
            } else if abs(gap) < Self.tolerance(inPoints: inPoints) {
                comparison = .similar
            } else {
                comparison = (gap < 0) == (metric.direction == .decrease) ? .better : .worse
            }
        } else {
            gap = nil
            comparison = .notComparable
        }
        let ownText = Self.change(own, inPoints: inPoints) ?? "no 2014/15 baseline"
        let restText =
            Self.change(rest, inPoints: restOfEngland?.changeIsInPoints ?? inPoints).map { "\($0) in the rest of England" }
            ?? "no comparison with the rest of England"
        let verdict =
            switch comparison {
            case .better: "better than the rest of England"
            case .worse: "worse than the rest of England"
            case .similar: "in line with the rest of England"
            case .notComparable: metric.direction == .neutral ? "neither direction is better" : "not comparable"
            }
        sentence = "\(metric.name): \(ownText) since 2014/15, against \(restText) (\(verdict))."
    }

    /// A change as people read it: "+2.5%" for a rate, "−1.2 points" for a percentage.
    public static func change(_ value: Double?, inPoints: Bool) -> String? {
        guard let value, value.isFinite else { return nil }
        let shown = inPoints ? value : value * 100
        let text = String(format: "%.1f", abs(shown))
        let sign = text == "0.0" ? "" : shown > 0 ? "+" : "−"
        return sign + text + (inPoints ? " points" : "%")
    }
}
