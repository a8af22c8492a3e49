import FluentKit
import Foundation

/// A point from which a chart's limits are recalculated (a change in the process), with its reason.
public final class RebaseRecord: Model, @unchecked Sendable {
    public static let schema = "rebase_points"

    @ID(key: .id) public var id: UUID?
    /// `vanguard:{number}`, as evaluations are scoped.
    @Field(key: "scope") public var scope: String
    @Field(key: "metric_code") public var metricCode: String
    @Field(key: "period") public var period: String
    @Field(key: "reason") public var reason: String
    @Field(key: "created_by") public var createdBy: String
    @Field(key: "created_at") public var createdAt: Date

    public init() {}
}
