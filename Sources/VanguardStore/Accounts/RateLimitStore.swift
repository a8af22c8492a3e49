import FluentKit
import Foundation
import VanguardCore

/// Counts uses for `RateLimit`s in the database, so every app server sees the same count.
public struct RateLimitStore: Store {
    let database: any Database
    let now: @Sendable () -> Date

    public init(database: any Database, now: @escaping @Sendable () -> Date = SystemTime.now) {
        self.database = database
        self.now = now
    }

    /// Records a use and answers nil when it is within the limit, else the seconds to wait (and the
    /// use is taken back). Written before counting, so parallel uses cannot all slip under the limit.
    public func use(_ limit: RateLimit, key: String) async throws -> Int? {
        let hit = RateLimitHitRecord()
        hit.id = UUID()
        hit.bucket = limit.bucket
        hit.key = key.lowercased()
        hit.at = now()
        try await hit.create(on: database)
        let since = now().addingTimeInterval(-limit.window)
        let uses = try await RateLimitHitRecord.query(on: database).filter(\.$bucket == limit.bucket).filter(\.$key == hit.key)
            .filter(\.$at > since).all().map(\.at)
        guard let wait = limit.wait(uses: uses, now: now()) else { return nil }
        try await hit.delete(on: database)
        // Old uses are of no further interest; clearing them here keeps the table small.
        try await RateLimitHitRecord.query(on: database).filter(\.$bucket == limit.bucket).filter(\.$at < since).delete()
        return wait
    }
}

/// One counted use of a rate-limited action.
public final class RateLimitHitRecord: Model, @unchecked Sendable {
    public static let schema = "rate_limit_hits"

    @ID(key: .id) public var id: UUID?
    @Field(key: "bucket") public var bucket: String
    @Field(key: "key") public var key: String
    @Field(key: "at") public var at: Date

    public init() {}
}
