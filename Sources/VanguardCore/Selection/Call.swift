import Foundation

/// A call for applications: what the programme asks for, from whom, until when, and how bids are judged.
public struct Call: Sendable, Equatable, Identifiable {
    public let id: UUID
    public var title: String
    public var description: String
    public var opensAt: Date
    public var closesAt: Date
    public var careModels: [CareModel]
    public var questions: [CallQuestion]
    public var criteria: [AssessmentCriterion]
    /// Set for a call held outside the platform (2015's), whose figures are shown but not run.
    public var isHistorical: Bool

    public init(
        id: UUID, title: String, description: String, opensAt: Date, closesAt: Date, careModels: [CareModel],
        questions: [CallQuestion], criteria: [AssessmentCriterion], isHistorical: Bool = false
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.opensAt = opensAt
        self.closesAt = closesAt
        self.careModels = careModels
        self.questions = questions
        self.criteria = criteria
        self.isHistorical = isHistorical
    }

    public enum Phase: String, Sendable {
        case upcoming, open, closed
    }

    /// Applications can be submitted from the opening time up to, not including, the closing time.
    public func phase(at now: Date) -> Phase {
        if now < opensAt { return .upcoming }
        return now < closesAt ? .open : .closed
    }

    /// What is wrong with the call as written, field by field; empty when it can be saved.
    public var problems: [ValidationError] {
        var problems: [ValidationError] = []
        if title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            problems.append(.invalid(field: "title", reason: "Give the call a title"))
        }
        if title.count > 200 {
            problems.append(.invalid(field: "title", reason: "Keep the title to 200 characters (it has \(title.count))"))
        }
        if description.count > 20_000 {
            problems.append(.invalid(field: "description", reason: "Keep the description to 20,000 characters"))
        }
        if closesAt <= opensAt { problems.append(.invalid(field: "closes_at", reason: "The call must close after it opens")) }
        if careModels.isEmpty { problems.append(.invalid(field: "care_models", reason: "Choose at least one care model")) }
        if questions.isEmpty { problems.append(.invalid(field: "questions", reason: "Ask applicants at least one question")) }
        if criteria.isEmpty { problems.append(.invalid(field: "criteria", reason: "Give at least one assessment criterion")) }
        return problems
    }
}

/// A question every application answers.
public struct CallQuestion: Sendable, Equatable, Codable {
    /// Stable within the call (`q1`, `q2`…), so answers survive rewording.
    public var key: String
    public var prompt: String
    public var isRequired: Bool
    public var wordLimit: Int?

    public init(key: String, prompt: String, isRequired: Bool = true, wordLimit: Int? = nil) {
        self.key = key
        self.prompt = prompt
        self.isRequired = isRequired
        self.wordLimit = wordLimit
    }
}

/// A criterion assessors score each application on, from 0 to `scaleMaximum`.
public struct AssessmentCriterion: Sendable, Equatable, Codable {
    public var name: String
    public var description: String
    public var weight: Double
    public var scaleMaximum: Int

    public init(name: String, description: String, weight: Double, scaleMaximum: Int) {
        self.name = name
        self.description = description
        self.weight = weight
        self.scaleMaximum = scaleMaximum
    }
}
