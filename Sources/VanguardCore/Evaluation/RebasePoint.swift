import Foundation

/// A month from which a vanguard's chart of one metric has its limits recalculated, because the
/// process changed then (a new service, a new pathway); the reason is part of the record.
public struct RebasePoint: Sendable, Hashable, Codable {
    public let metricCode: String
    public let period: Month
    public let reason: String
    public let createdBy: String
    public let createdAt: Date

    public init(metricCode: String, period: Month, reason: String, createdBy: String, createdAt: Date) {
        self.metricCode = metricCode
        self.period = period
        self.reason = reason
        self.createdBy = createdBy
        self.createdAt = createdAt
    }
}
