import FluentKit
import Foundation
import VanguardCore
import VanguardStore

/// Composes every due digest and writes it to the outbox, marking the subscription sent in the
/// same transaction, so a digest is neither lost nor sent twice. The outbox delivers it.
enum DigestMail {
    /// `everyone` sends every subscription's digest now, due or not (the programme team's "send now",
    /// e.g. before a holiday); each still covers only what is new since its last one.
    static func sendDue(database: any Database, publicURL: String, at date: Date, everyone: Bool = false) async throws -> Int {
        // What the digest writes is stamped with the time it is sent for.
        let clock: @Sendable () -> Date = { date }
        let learning = LearningStore(database: database, now: clock)
        let tree = try await learning.categories()
        let vanguards = try await RegistryStore(database: database, now: clock).registry().vanguards
        let accounts = AccountStore(database: database, now: clock)
        var sent = 0
        for subscription in try await SubscriptionStore(database: database, now: clock).due(at: everyone ? .distantFuture : date) {
            guard let account = try await accounts.account(id: subscription.accountID),
                let token = try await SubscriptionStore(database: database, now: clock).token(of: subscription.id)
            else { continue }
            let posts = try await learning.published(.init(since: subscription.coversSince), at: date)
                .filter { subscription.follows($0.content, categories: tree) }
            let digest = Digest.compose(
                recipientName: account.displayName,
                topicName: SubscriptionsPage.topicName(subscription.topic, categories: tree, vanguards: vanguards),
                frequency: subscription.frequency,
                items: posts.map { post in
                    Digest.Item(
                        title: post.content.title, kind: post.content.kind, summary: post.content.summary,
                        url: publicURL + SiteURL.learning(.post(post.slug)).path, publishedAt: post.publishAt ?? post.createdAt)
                },
                manageURL: publicURL + SiteURL.learning(.subscriptions).path,
                unsubscribeURL: publicURL + SiteURL.learning(.unsubscribe(token)).path
            )
            let wrote = try await database.guardedTransaction { database in
                // An empty window still moves on, so the next digest covers only what is new after it.
                guard try await SubscriptionStore(database: database, now: clock).markSent(subscription, at: date) else { return false }
                guard let digest else { return false }
                try await AccountStore(database: database, now: clock).enqueue(
                    to: account.email, subject: digest.subject, body: digest.body,
                    listUnsubscribe: publicURL + SiteURL.learning(.unsubscribeOneClick(token)).path)
                return true
            }
            if wrote { sent += 1 }
        }
        return sent
    }
}
