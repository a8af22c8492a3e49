import FluentKit
import Foundation
import VanguardCore

/// Digest subscriptions, and the bookkeeping that sends each digest once.
public struct SubscriptionStore: Store {
    let database: any Database
    let now: @Sendable () -> Date

    public init(database: any Database, now: @escaping @Sendable () -> Date = SystemTime.now) {
        self.database = database
        self.now = now
    }

    public func subscriptions(of account: UUID) async throws -> [Subscription] {
        try await SubscriptionRecord.query(on: database).filter(\.$userID == account).sort(\.$createdAt).all().compactMap(Self.subscription)
    }

    /// Subscribes, or changes how often when already subscribed to the topic.
    public func subscribe(
        _ account: UUID, to topic: SubscriptionTopic, frequency: DigestFrequency, token: String, by actor: Actor, at date: Date? = nil
    ) async throws {
        let date = date ?? now()
        try await database.guardedTransaction { database in
            let existing = try await SubscriptionRecord.query(on: database).filter(\.$userID == account).filter(\.$topic == topic.key)
                .first()
            let record = existing ?? SubscriptionRecord()
            if existing == nil {
                record.userID = account
                record.topic = topic.key
                record.unsubscribeToken = token
                record.createdAt = date
            }
            record.frequency = frequency.rawValue
            try await record.save(on: database)
            try await AuditLog.record(
                actor, "subscribe", entity: "subscription", id: try record.requireID().uuidString,
                after: ["topic": topic.key, "frequency": frequency.rawValue], at: now(), on: database)
        }
    }

    /// Unsubscribes by the link's token (no sign-in needed); the subscription it ended, or nil.
    public func unsubscribe(token: String) async throws -> Subscription? {
        guard !token.isEmpty, let record = try await SubscriptionRecord.query(on: database).filter(\.$unsubscribeToken == token).first(),
            let subscription = Self.subscription(record)
        else { return nil }
        try await database.guardedTransaction { database in
            try await record.delete(on: database)
            try await AuditLog.record(
                Actor(userID: record.userID, label: "unsubscribe link", channel: .web), "unsubscribe", entity: "subscription",
                id: subscription.id.uuidString, before: ["topic": record.topic], at: now(), on: database)
        }
        return subscription
    }

    public func subscription(token: String) async throws -> Subscription? {
        guard !token.isEmpty else { return nil }
        return try await SubscriptionRecord.query(on: database).filter(\.$unsubscribeToken == token).first().flatMap(Self.subscription)
    }

    public func token(of id: UUID) async throws -> String? {
        try await SubscriptionRecord.find(id, on: database)?.unsubscribeToken
    }

    public func unsubscribe(_ id: UUID, account: UUID, by actor: Actor) async throws {
        try await database.guardedTransaction { database in
            guard let record = try await SubscriptionRecord.find(id, on: database), record.userID == account else { return }
            try await record.delete(on: database)
            try await AuditLog.record(
                actor, "unsubscribe", entity: "subscription", id: id.uuidString, before: ["topic": record.topic], at: now(), on: database)
        }
    }

    public func due(at date: Date) async throws -> [Subscription] {
        try await SubscriptionRecord.query(on: database).all().compactMap(Self.subscription).filter { $0.isDue(at: date) }
    }

    /// Records a digest as sent, only if nobody else sent it first (so two runs never send twice).
    public func markSent(_ subscription: Subscription, at date: Date) async throws -> Bool {
        guard let record = try await SubscriptionRecord.find(subscription.id, on: database), record.lastSentAt == subscription.lastSentAt
        else { return false }
        record.lastSentAt = date
        try await record.save(on: database)
        return true
    }

    static func subscription(_ record: SubscriptionRecord) -> Subscription? {
        guard let id = record.id, let topic = SubscriptionTopic(key: record.topic),
            let frequency = DigestFrequency(rawValue: record.frequency)
        else { return nil }
        return Subscription(
            id: id, accountID: record.userID, topic: topic, frequency: frequency, createdAt: record.createdAt, lastSentAt: record.lastSentAt
        )
    }
}
