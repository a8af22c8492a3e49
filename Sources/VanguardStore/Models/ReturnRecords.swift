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

/// One revision of one value, as stored: a row of `return_values`, read with SQL.
///
/// The table is keyed by what a value is (metric, area, month, revision) and has no surrogate
/// identifier, so it is not a Fluent model (Migration 0029 says why).
public struct ReturnValueRecord: Codable, Sendable, Equatable {
    public static let schema = "return_values"
    /// The key, in the order the table is clustered by: a series (one metric in one area) is one
    /// range of it.
    static let key = ["metric_code", "area_code", "period", "revision"]

    public var areaCode: String
    public var metricCode: String
    /// `YYYY-MM`, which sorts as the months do.
    public var period: String
    public var numerator: Double
    public var denominator: Double
    public var revision: Int
    public var isCurrent: Bool
    public var submissionID: UUID

    enum CodingKeys: String, CodingKey, CaseIterable {
        case areaCode = "area_code", metricCode = "metric_code", period, numerator, denominator, revision
        case isCurrent = "is_current", submissionID = "submission_id"
    }
}
