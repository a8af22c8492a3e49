import FluentKit
import Foundation

/// A metric of the framework.
public final class MetricRecord: Model, @unchecked Sendable {
    public static let schema = "metrics"

    @ID(custom: "code", generatedBy: .user) public var id: String?
    @Field(key: "name") public var name: String
    @Field(key: "definition") public var definition: String
    @Field(key: "numerator") public var numerator: String
    @Field(key: "denominator") public var denominator: String
    @Field(key: "unit") public var unit: String
    @Field(key: "multiplier") public var multiplier: Double
    @Field(key: "direction") public var direction: String
    /// Care-model codes joined by ";".
    @Field(key: "care_models") public var careModels: String
    @Field(key: "source") public var source: String
    @OptionalField(key: "target") public var target: Double?
    /// The SPC chart the framework draws it on (`SPCChartKind`).
    @Field(key: "chart") public var chart: String

    public init() {}
}

/// One accepted file (or API call) of returns: who sent it, when, and what it changed.
public final class SubmissionRecord: Model, @unchecked Sendable {
    public static let schema = "submissions"

    @ID(key: .id) public var id: UUID?
    @Field(key: "at") public var at: Date
    @OptionalField(key: "actor_user_id") public var actorUserID: UUID?
    @Field(key: "actor_label") public var actorLabel: String
    @Field(key: "channel") public var channel: String
    @Field(key: "file_name") public var fileName: String
    @Field(key: "row_count") public var rowCount: Int
    @Field(key: "added") public var added: Int
    @Field(key: "revised") public var revised: Int

    public init() {}
}

/// One revision of one value. A resubmission adds a revision and keeps the earlier ones.
public final class ReturnValueRecord: Model, @unchecked Sendable {
    public static let schema = "return_values"

    @ID(key: .id) public var id: UUID?
    @Field(key: "area_code") public var areaCode: String
    @Field(key: "metric_code") public var metricCode: String
    /// `YYYY-MM`, which sorts as the months do.
    @Field(key: "period") public var period: String
    @Field(key: "numerator") public var numerator: Double
    @Field(key: "denominator") public var denominator: Double
    @Field(key: "revision") public var revision: Int
    @Field(key: "is_current") public var isCurrent: Bool
    @Field(key: "submission_id") public var submissionID: UUID

    public init() {}
}
