import FluentKit
import Foundation

/// A stored impact estimate of one vanguard on one metric; pages read these and never fit.
public final class ImpactRecord: Model, @unchecked Sendable {
    public static let schema = "impact_estimates"

    /// `vanguard:{number}:{metric}`.
    @ID(custom: "key", generatedBy: .user) public var id: String?
    @Field(key: "vanguard_number") public var vanguardNumber: Int
    @Field(key: "metric_code") public var metricCode: String
    @Field(key: "computed_at") public var computedAt: Date
    /// The whole `VanguardImpact` as JSON (series, placebos, weights).
    @Field(key: "body") public var body: String
    /// The `ImpactSummary` as JSON, for the national table without decoding every body.
    @Field(key: "summary") public var summary: String

    public init() {}
}
