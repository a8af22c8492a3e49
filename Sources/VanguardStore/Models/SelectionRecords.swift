import FluentKit
import Foundation

/// A call for applications (see `Call`).
public final class CallRecord: Model, @unchecked Sendable {
    public static let schema = "calls"

    @ID(key: .id) public var id: UUID?
    @Field(key: "title") public var title: String
    @Field(key: "description") public var description: String
    @Field(key: "opens_at") public var opensAt: Date
    @Field(key: "closes_at") public var closesAt: Date
    /// Care model codes separated by spaces.
    @Field(key: "care_models") public var careModels: String
    /// `[CallQuestion]` as JSON.
    @Field(key: "questions") public var questions: String
    /// `[AssessmentCriterion]` as JSON.
    @Field(key: "criteria") public var criteria: String
    @Field(key: "is_historical") public var isHistorical: Bool
    @Field(key: "created_by") public var createdBy: String
    @Field(key: "created_at") public var createdAt: Date

    public init() {}
}

/// An application to a call (see `Application`).
public final class ApplicationRecord: Model, @unchecked Sendable {
    public static let schema = "applications"

    @ID(key: .id) public var id: UUID?
    @Field(key: "call_id") public var callID: UUID
    @Field(key: "lead_user_id") public var leadUserID: UUID
    /// `ApplicationContent` as JSON.
    @Field(key: "content") public var content: String
    @Field(key: "status") public var status: String
    @OptionalField(key: "submitted_at") public var submittedAt: Date?
    @Field(key: "updated_at") public var updatedAt: Date
    /// `[TimetableProblem.Unavailability]` as JSON: when a shortlisted partnership cannot present.
    @OptionalField(key: "unavailable") public var unavailable: String?

    public init() {}
}
