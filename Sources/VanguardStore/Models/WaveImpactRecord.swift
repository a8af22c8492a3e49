import FluentKit
import Foundation

/// A stored wave-by-wave impact estimate of one care model on one metric (or why there is none).
public final class WaveImpactRecord: Model, @unchecked Sendable {
    public static let schema = "wave_impact_estimates"

    /// `{care model}:{metric}`.
    @ID(custom: "key", generatedBy: .user) public var id: String?
    @Field(key: "care_model") public var careModel: String
    @Field(key: "metric_code") public var metricCode: String
    @Field(key: "computed_at") public var computedAt: Date
    /// The `WaveImpactResult` as JSON.
    @Field(key: "body") public var body: String

    public init() {}
}
