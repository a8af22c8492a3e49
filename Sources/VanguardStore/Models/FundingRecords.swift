import FluentKit
import Foundation

/// A funding round (see `FundingRound`).
public final class FundingRoundRecord: Model, @unchecked Sendable {
    public static let schema = "funding_rounds"

    @ID(key: .id) public var id: UUID?
    @Field(key: "name") public var name: String
    @Field(key: "pot_pounds") public var potPounds: Int
    @Field(key: "opens_on") public var opensOn: String
    @Field(key: "closes_on") public var closesOn: String
    @Field(key: "guidance") public var guidance: String
    @Field(key: "transformation_percent") public var transformationPercent: Int
    @Field(key: "conditions") public var conditions: String
    @Field(key: "variance_threshold") public var varianceThreshold: Int
    @Field(key: "created_at") public var createdAt: Date

    public init() {}
}

/// A place's plan in a round; its content lives in versions.
public final class FundingPlanRecord: Model, @unchecked Sendable {
    public static let schema = "funding_plans"

    @ID(key: .id) public var id: UUID?
    @Field(key: "round_id") public var roundID: UUID
    @Field(key: "place_key") public var placeKey: String
    /// `FundingPlace` as JSON.
    @Field(key: "place") public var place: String
    @Field(key: "lead_user_id") public var leadUserID: UUID
    @Field(key: "created_at") public var createdAt: Date
    /// Slugs (JSON list) of the organisations confirmed as the place's partners: the registry's
    /// when a vanguard's plan starts, and those the programme team confirms.
    @Field(key: "confirmed_partners") public var confirmedPartners: String

    public init() {}
}

/// One version of a plan's content, never changed once written.
public final class FundingPlanVersionRecord: Model, @unchecked Sendable {
    public static let schema = "funding_plan_versions"

    @ID(key: .id) public var id: UUID?
    @Field(key: "plan_id") public var planID: UUID
    @Field(key: "number") public var number: Int
    /// `FundingPlanContent` as JSON.
    @Field(key: "content") public var content: String
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "created_by") public var createdBy: String

    public init() {}
}

/// A partner organisation's signature of one version.
public final class PlanSignatureRecord: Model, @unchecked Sendable {
    public static let schema = "plan_signatures"

    @ID(key: .id) public var id: UUID?
    @Field(key: "plan_id") public var planID: UUID
    @Field(key: "version") public var version: Int
    @Field(key: "organisation_slug") public var organisationSlug: String
    @Field(key: "signatory_user_id") public var signatoryUserID: UUID
    @Field(key: "signatory_name") public var signatoryName: String
    @Field(key: "signed_at") public var signedAt: Date

    public init() {}
}

/// A tranche of an allocation (see `Tranche`).
public final class TrancheRecord: Model, @unchecked Sendable {
    public static let schema = "tranches"

    @ID(key: .id) public var id: UUID?
    @Field(key: "plan_id") public var planID: UUID
    @Field(key: "quarter") public var quarter: String
    @Field(key: "pounds") public var pounds: Int
    /// `TrancheCondition` as JSON.
    @OptionalField(key: "condition") public var condition: String?
    @Field(key: "status") public var status: String

    public init() {}
}

/// Each time a tranche's condition was checked, with the evidence.
public final class ConditionCheckRecord: Model, @unchecked Sendable {
    public static let schema = "condition_checks"

    @ID(key: .id) public var id: UUID?
    @Field(key: "tranche_id") public var trancheID: UUID
    @Field(key: "is_met") public var isMet: Bool
    @Field(key: "evidence") public var evidence: String
    @Field(key: "checked_at") public var checkedAt: Date
    @Field(key: "checked_by") public var checkedBy: String

    public init() {}
}

/// A money movement (see `LedgerEntry`); rows are inserted, never updated or deleted.
public final class LedgerRecord: Model, @unchecked Sendable {
    public static let schema = "funding_ledger"

    @ID(key: .id) public var id: UUID?
    @Field(key: "round_id") public var roundID: UUID
    @Field(key: "plan_id") public var planID: UUID
    @OptionalField(key: "tranche_id") public var trancheID: UUID?
    @Field(key: "kind") public var kind: String
    @Field(key: "pounds") public var pounds: Int
    @Field(key: "reason") public var reason: String
    @OptionalField(key: "reverses") public var reverses: UUID?
    @Field(key: "at") public var at: Date
    @Field(key: "by") public var by: String

    public init() {}
}

/// A quarter's spend return; a resubmission adds a row, so earlier ones stay.
public final class SpendReturnRecord: Model, @unchecked Sendable {
    public static let schema = "spend_returns"

    @ID(key: .id) public var id: UUID?
    @Field(key: "plan_id") public var planID: UUID
    @Field(key: "quarter") public var quarter: String
    @Field(key: "sustainability_pounds") public var sustainabilityPounds: Int
    @Field(key: "transformation_pounds") public var transformationPounds: Int
    @Field(key: "narrative") public var narrative: String
    @Field(key: "submitted_at") public var submittedAt: Date
    @Field(key: "submitted_by") public var submittedBy: String

    public init() {}
}
