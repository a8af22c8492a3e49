import Foundation

/// A rule a tranche must meet before it is released, composed by the programme team from a
/// small set of comparisons over evaluated metrics. Conditions are data: stored as JSON,
/// validated when saved, evaluated from the stored evaluations.
public enum TrancheCondition: Sendable, Equatable, Codable {
    /// The place's change against 2014/15 in `metric` is at least `points` percentage points
    /// below the rest of England's (July 2017: emergency admissions, 3 points for PACS, 1 for MCP).
    case growthBelowRestOfEngland(metric: String, points: Double)
    /// The latest point of the place's SPC chart of `metric` is not special cause of concern.
    case latestPointNotConcern(metric: String)

    public var metric: String {
        switch self {
        case .growthBelowRestOfEngland(let metric, _), .latestPointNotConcern(let metric): metric
        }
    }

    /// The rule in words, naming the metric as the framework does.
    public func sentence(metricName: String) -> String {
        switch self {
        case .growthBelowRestOfEngland(_, let points):
            "Growth in \(metricName) against 2014/15 is at least \(Self.figure(points)) percentage point\(points == 1 ? "" : "s") below the rest of England"
        case .latestPointNotConcern:
            "The latest SPC point of \(metricName) is not special cause of concern"
        }
    }

    /// What is wrong with the condition as written; nil when it can be saved.
    public func problem(knownMetrics: Set<String>) -> ValidationError? {
        guard knownMetrics.contains(metric) else {
            return .invalid(field: "condition", reason: "\(metric) is not a metric in the framework")
        }
        if case .growthBelowRestOfEngland(_, let points) = self, !(points.isFinite && points >= 0 && points <= 100) {
            return .invalid(field: "condition", reason: "The margin should be between 0 and 100 percentage points")
        }
        return nil
    }

    /// A condition on a metric the place's care model is not measured on could never be met: a
    /// vanguard's dashboard has no chart for it. Nil when the condition fits the care model (or the
    /// place is a partnership with no care model).
    public func problem(careModel: CareModel?, metrics: [Metric]) -> ValidationError? {
        guard let careModel, let measured = metrics.first(where: { $0.code == metric }) else { return nil }
        guard measured.careModels.contains(careModel) else {
            return .invalid(
                field: "condition",
                reason:
                    "\(measured.code) is not among the metrics of \(careModel.name.lowercased()), the plan's care model, so the condition could never be met"
            )
        }
        return nil
    }

    /// Checks the condition against the place's and the rest of England's evaluations.
    public func check(place: MetricEvaluation?, restOfEngland: MetricEvaluation?) -> ConditionCheck {
        switch self {
        case .growthBelowRestOfEngland(_, let points):
            guard let ours = place?.changeAgainstBaseline, let theirs = restOfEngland?.changeAgainstBaseline else {
                return ConditionCheck(isMet: false, evidence: "Not met: there is not yet a full year of returns to compare with 2014/15.")
            }
            // Relative changes are in fractions (0.03 = 3%); percentages change in points already.
            let scale = place?.changeIsInPoints == true ? 1.0 : 100.0
            let gap = (theirs - ours) * scale
            let evidence =
                "Change against 2014/15: \(Self.signed(ours * scale)) here, \(Self.signed(theirs * scale)) in the rest of England: "
                + "\(Self.figure((gap * 10).rounded() / 10)) points below, against the \(Self.figure(points)) required."
            return ConditionCheck(isMet: gap >= points - 1e-9, evidence: (gap >= points - 1e-9 ? "Met. " : "Not met. ") + evidence)
        case .latestPointNotConcern:
            guard let chart = place?.reading, let last = chart.pointTypes.last, let month = place?.months.last else {
                return ConditionCheck(isMet: false, evidence: "Not met: there is no chart yet.")
            }
            let concern = last == "special_cause_concern"
            return ConditionCheck(
                isMet: !concern,
                evidence: "\(concern ? "Not met" : "Met"): the latest point (\(month)) is \(last.replacingOccurrences(of: "_", with: " "))."
            )
        }
    }

    static func figure(_ value: Double) -> String {
        value.figureText
    }

    static func signed(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return (rounded > 0 ? "+" : "") + figure(rounded) + "%"
    }
}

/// Whether a condition holds, with the figures that show it.
public struct ConditionCheck: Sendable, Equatable {
    public let isMet: Bool
    public let evidence: String

    public init(isMet: Bool, evidence: String) {
        self.isMet = isMet
        self.evidence = evidence
    }
}
