import FluentKit
import Foundation

/// A stored evaluation of one metric for one place; pages read these and never compute.
public final class EvaluationRecord: Model, @unchecked Sendable {
    public static let schema = "evaluations"

    /// `vanguard:{number}:{metric}` or `rest_of_england:{metric}`.
    @ID(custom: "key", generatedBy: .user) public var id: String?
    @Field(key: "scope") public var scope: String
    @Field(key: "metric_code") public var metricCode: String
    @Field(key: "computed_at") public var computedAt: Date
    /// The whole `MetricEvaluation` as JSON.
    @Field(key: "body") public var body: String
    @OptionalField(key: "variation_icon") public var variationIcon: String?
    @OptionalField(key: "assurance_icon") public var assuranceIcon: String?
    @OptionalField(key: "change_against_baseline") public var changeAgainstBaseline: Double?

    public init() {}
}

/// The truth the demo-data generator built in, so evaluations can be checked against it.
public final class InjectedEffectRecord: Model, @unchecked Sendable {
    public static let schema = "injected_effects"

    @ID(key: .id) public var id: UUID?
    @Field(key: "seed") public var seed: Int
    @Field(key: "area_code") public var areaCode: String
    @Field(key: "metric_code") public var metricCode: String
    @Field(key: "vanguard_number") public var vanguardNumber: Int
    @Field(key: "start") public var start: String
    @Field(key: "relative_effect") public var relativeEffect: Double
    @Field(key: "ramp_months") public var rampMonths: Int

    public init() {}
}
