import Foundation

/// When an application is scored: on paper, or at its presentation to a panel.
public enum AssessmentStage: String, Sendable, Codable, CaseIterable {
    case application
    case presentation

    public var name: String {
        switch self {
        case .application: "Written application"
        case .presentation: "Presentation"
        }
    }
}

/// One assessor's task on one application at one stage, and their scores once submitted.
public struct Assessment: Sendable, Equatable, Identifiable {
    public let id: UUID
    public let applicationID: UUID
    public let assessorID: UUID
    public let assessorName: String
    public let stage: AssessmentStage
    /// Nil until the assessor submits; submitted scores never change.
    public let sheet: AssessorScores?
    public let submittedAt: Date?

    public init(
        id: UUID, applicationID: UUID, assessorID: UUID, assessorName: String, stage: AssessmentStage, sheet: AssessorScores?,
        submittedAt: Date?
    ) {
        self.id = id
        self.applicationID = applicationID
        self.assessorID = assessorID
        self.assessorName = assessorName
        self.stage = stage
        self.sheet = sheet
        self.submittedAt = submittedAt
    }

    public var isSubmitted: Bool { submittedAt != nil }
}

/// An agreed score for one criterion, set in moderation with the reason for it.
public struct ModeratedScore: Sendable, Equatable {
    public let criterion: String
    public let score: Int
    public let reason: String
    public let by: String

    public init(criterion: String, score: Int, reason: String, by: String) {
        self.criterion = criterion
        self.score = score
        self.reason = reason
        self.by = by
    }
}
