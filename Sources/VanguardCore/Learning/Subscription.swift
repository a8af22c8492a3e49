import Foundation

/// How often a member hears what is new.
public enum DigestFrequency: String, Codable, Sendable, CaseIterable {
    case daily, weekly

    public var interval: TimeInterval { self == .daily ? 86_400 : 7 * 86_400 }
    public var name: String { self == .daily ? "Daily" : "Weekly" }
}

/// What a subscription follows.
public enum SubscriptionTopic: Codable, Sendable, Equatable, Hashable {
    case everything
    case category(String)
    case vanguard(Int)

    public var key: String {
        switch self {
        case .everything: "all"
        case .category(let slug): "category:\(slug)"
        case .vanguard(let number): "vanguard:\(number)"
        }
    }

    public init?(key: String) {
        if key == "all" { self = .everything; return }
        let parts = key.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2, !parts[1].isEmpty else { return nil }
        switch parts[0] {
        case "category": self = .category(parts[1])
        case "vanguard":
            guard let number = Int(parts[1]) else { return nil }
            self = .vanguard(number)
        default: return nil
        }
    }
}

/// A member's e-mail digest: what it follows, how often, and when it last went.
public struct Subscription: Sendable, Equatable, Identifiable {
    public let id: UUID
    public let accountID: UUID
    public let topic: SubscriptionTopic
    public let frequency: DigestFrequency
    public let createdAt: Date
    public let lastSentAt: Date?

    public init(id: UUID, accountID: UUID, topic: SubscriptionTopic, frequency: DigestFrequency, createdAt: Date, lastSentAt: Date?) {
        self.id = id
        self.accountID = accountID
        self.topic = topic
        self.frequency = frequency
        self.createdAt = createdAt
        self.lastSentAt = lastSentAt
    }

    /// The start of the window a digest covers: since the last one, or since subscribing.
    public var coversSince: Date { lastSentAt ?? createdAt }

    public func isDue(at date: Date) -> Bool {
        date.timeIntervalSince(lastSentAt ?? createdAt) >= frequency.interval
    }

    /// Whether a post belongs in this subscription's digest.
    public func follows(_ post: PostContent, categories: CategoryTree) -> Bool {
        switch topic {
        case .everything: true
        case .vanguard(let number): post.vanguardNumber == number
        case .category(let slug): !categories.descendants(of: slug).isDisjoint(with: post.categorySlugs)
        }
    }
}
