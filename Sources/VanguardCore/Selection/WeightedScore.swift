import Foundation

/// One assessor's scores for one application, criterion by criterion, with comments.
public struct AssessorScores: Sendable, Equatable, Codable {
    public var assessor: String
    /// Score by criterion name.
    public var scores: [String: Int]
    public var comments: [String: String]

    public init(assessor: String, scores: [String: Int], comments: [String: String] = [:]) {
        self.assessor = assessor
        self.scores = scores
        self.comments = comments
    }

    /// Every criterion scored, each within its scale; the problems named by criterion.
    public func problems(against criteria: [AssessmentCriterion]) -> [ValidationError] {
        criteria.compactMap { criterion in
            guard let score = scores[criterion.name] else {
                return .invalid(field: criterion.name, reason: "Score \(criterion.name)")
            }
            guard (0...criterion.scaleMaximum).contains(score) else {
                return .invalid(
                    field: criterion.name, reason: "\(criterion.name) is scored from 0 to \(criterion.scaleMaximum), not \(score)")
            }
            return nil
        }
    }
}

/// How the scores for one criterion of one application spread across assessors.
public struct CriterionSpread: Sendable, Equatable {
    public let criterion: String
    public let scores: [Int]
    public let mean: Double
    public let range: Int
    /// Assessors more than a quarter of the scale apart: moderation should talk it through.
    public let needsDiscussion: Bool
}

/// Weighted totals and the moderation view of one application's independent scores.
public enum WeightedScore {
    /// The weighted total as a percentage of the most an application could score:
    /// Σ weight × score / Σ weight × highest score × 100. Agreed scores replace assessors' means.
    public static func percentage(criteria: [AssessmentCriterion], scores: [String: Double]) -> Double? {
        var earned = 0.0, possible = 0.0
        for criterion in criteria {
            guard let score = scores[criterion.name] else { return nil }
            earned += criterion.weight * score
            possible += criterion.weight * Double(criterion.scaleMaximum)
        }
        return possible > 0 ? earned * 100 / possible : nil
    }

    /// The per-criterion spread of independent scores.
    public static func spread(criteria: [AssessmentCriterion], of sheets: [AssessorScores]) -> [CriterionSpread] {
        criteria.map { criterion in
            let scores = sheets.compactMap { $0.scores[criterion.name] }
            let range = (scores.max() ?? 0) - (scores.min() ?? 0)
            let mean = scores.isEmpty ? 0 : Double(scores.reduce(0, +)) / Double(scores.count)
            return CriterionSpread(
                criterion: criterion.name, scores: scores, mean: mean, range: range,
                needsDiscussion: Double(range) > Double(criterion.scaleMaximum) / 4)
        }
    }

    /// Scores to total for each criterion: the agreed one where moderation set it, else the mean.
    public static func moderated(criteria: [AssessmentCriterion], sheets: [AssessorScores], agreed: [String: Int]) -> [String: Double] {
        var result: [String: Double] = [:]
        for spread in spread(criteria: criteria, of: sheets) where !spread.scores.isEmpty || agreed[spread.criterion] != nil {
            result[spread.criterion] = agreed[spread.criterion].map(Double.init) ?? spread.mean
        }
        return result
    }
}
