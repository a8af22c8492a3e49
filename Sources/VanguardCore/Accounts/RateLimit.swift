import Foundation

/// At most `limit` uses in any `window`, per key (an address, an e-mail). Counting is the store's
/// (every app server sees the same uses); the rule, and how long to wait, are here.
public struct RateLimit: Sendable, Equatable {
    /// Names the kind of use, so different limits never count each other's uses.
    public let bucket: String
    public let limit: Int
    public let window: TimeInterval

    public init(bucket: String, limit: Int, window: TimeInterval) {
        self.bucket = bucket
        self.limit = limit
        self.window = window
    }

    /// Creating accounts: each costs a bcrypt hash and an e-mail.
    public static let signUpsPerAddress = RateLimit(bucket: "sign_up:address", limit: 5, window: 60 * 60)
    /// Asking for password-reset links: each costs an e-mail to someone who may not want it.
    public static let resetsPerAddress = RateLimit(bucket: "reset:address", limit: 5, window: 60 * 60)
    public static let resetsPerEmail = RateLimit(bucket: "reset:email", limit: 3, window: 60 * 60)

    /// Seconds until a use is allowed again, given when the counted uses were made (oldest first
    /// or not); nil when another use is allowed now. The count includes the use being asked for.
    public func wait(uses: [Date], now: Date) -> Int? {
        let recent = uses.filter { $0 > now.addingTimeInterval(-window) }.sorted()
        guard recent.count > limit, let oldest = recent.first else { return nil }
        return max(1, Int((oldest.addingTimeInterval(window).timeIntervalSince(now)).rounded(.up)))
    }
}
