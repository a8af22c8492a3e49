import FluentKit
import Foundation

/// A conflict of interest an assessor declared (see `ConflictOfInterest`).
public final class ConflictRecord: Model, @unchecked Sendable {
    public static let schema = "assessor_conflicts"

    @ID(key: .id) public var id: UUID?
    @Field(key: "assessor_id") public var assessorID: UUID
    /// `organisation` or `area`.
    @Field(key: "kind") public var kind: String
    @Field(key: "value") public var value: String
    @Field(key: "declared_at") public var declaredAt: Date

    public init() {}
}

/// An assessor's task on an application at a stage (see `Assessment`).
public final class AssessmentRecord: Model, @unchecked Sendable {
    public static let schema = "assessments"

    @ID(key: .id) public var id: UUID?
    @Field(key: "application_id") public var applicationID: UUID
    @Field(key: "assessor_id") public var assessorID: UUID
    @Field(key: "stage") public var stage: String
    /// `AssessorScores` as JSON, once submitted.
    @OptionalField(key: "scores") public var scores: String?
    @OptionalField(key: "submitted_at") public var submittedAt: Date?
    @Field(key: "assigned_at") public var assignedAt: Date

    public init() {}
}

/// A score agreed in moderation (see `ModeratedScore`).
public final class ModeratedScoreRecord: Model, @unchecked Sendable {
    public static let schema = "moderated_scores"

    @ID(key: .id) public var id: UUID?
    @Field(key: "application_id") public var applicationID: UUID
    @Field(key: "stage") public var stage: String
    @Field(key: "criterion") public var criterion: String
    @Field(key: "score") public var score: Int
    @Field(key: "reason") public var reason: String
    @Field(key: "moderated_by") public var moderatedBy: String
    @Field(key: "moderated_at") public var moderatedAt: Date

    public init() {}
}

/// The decision on an application, keyed by it (see `SelectionDecision`).
public final class DecisionRecord: Model, @unchecked Sendable {
    public static let schema = "selection_decisions"

    @ID(custom: "application_id", generatedBy: .user) public var id: UUID?
    @Field(key: "outcome") public var outcome: String
    @OptionalField(key: "wave_name") public var waveName: String?
    @OptionalField(key: "announced_on") public var announcedOn: String?
    @Field(key: "feedback") public var feedback: String
    @OptionalField(key: "vanguard_number") public var vanguardNumber: Int?
    /// Whether the application was on the shortlist when decided, for the published funnel.
    @Field(key: "was_shortlisted") public var wasShortlisted: Bool
    @Field(key: "decided_by") public var decidedBy: String
    @Field(key: "decided_at") public var decidedAt: Date

    public init() {}
}

/// A call's presentation plan and, once solved, its timetable (both JSON).
public final class PresentationPlanRecord: Model, @unchecked Sendable {
    public static let schema = "presentation_plans"

    @ID(custom: "call_id", generatedBy: .user) public var id: UUID?
    /// `PresentationPlan` as JSON.
    @Field(key: "settings") public var settings: String
    /// `Timetable` as JSON.
    @OptionalField(key: "timetable") public var timetable: String?
    @OptionalField(key: "published_at") public var publishedAt: Date?

    public init() {}
}
