import FluentKit
import Foundation

/// A row of the job queue (`JobStore`).
public final class JobRecord: Model, @unchecked Sendable {
    public static let schema = "jobs"

    @ID(key: .id) public var id: UUID?
    @Field(key: "kind") public var kind: String
    @Field(key: "key") public var key: String
    @Field(key: "state") public var state: String
    @Field(key: "attempts") public var attempts: Int
    @Field(key: "run_at") public var runAt: Date
    @OptionalField(key: "lease_until") public var leaseUntil: Date?
    @OptionalField(key: "worker") public var worker: String?
    @OptionalField(key: "last_error") public var lastError: String?
    @Field(key: "created_at") public var createdAt: Date
    @OptionalField(key: "finished_at") public var finishedAt: Date?

    public init() {}
}
