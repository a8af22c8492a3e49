import Foundation
import Plot
import VanguardCore

/// A member's e-mail digests: what they follow and how often, and a form to follow more.
enum SubscriptionsPage {
    struct Model {
        let subscriptions: [Subscription]
        let topics: [(key: String, name: String)]
        var notice: String? = nil
        var errors: [String: String] = [:]
    }

    static func topicName(_ topic: SubscriptionTopic, categories: CategoryTree, vanguards: [Vanguard]) -> String {
        switch topic {
        case .everything: "every post"
        case .category(let slug): categories.category(slug) == nil ? slug : categories.label(slug)
        case .vanguard(let number): vanguards.first { $0.number == number }?.name ?? "Vanguard \(number)"
        }
    }

    static func document(_ model: Model, context: PageContext) -> HTML {
        let names = Dictionary(model.topics.map { ($0.key, $0.name) }, uniquingKeysWith: { first, _ in first })
        return Layout.document(
            title: "E-mail digests", context: context, breadcrumbs: [("Home", .home), ("Your account", .account)],
            body: .group(
                .h1(.text("E-mail digests")),
                .p(
                    .text(
                        "A digest lists what was published since the last one, in the topics you follow. Nothing new, no e-mail. Every digest has a one-click unsubscribe link."
                    )),
                .unwrap(model.notice) { .div(.class("nhsuk-inset-text"), .p(.text($0))) },
                model.subscriptions.isEmpty
                    ? .p(.text("You do not receive any digests yet."))
                    : .table(
                        .class("nhsuk-table"),
                        .thead(.tr(.th(.text("Following")), .th(.text("How often")), .th(.text("Last sent")), .th(.text("")))),
                        .tbody(
                            .forEach(model.subscriptions) { subscription in
                                .tr(
                                    .td(.text(names[subscription.topic.key] ?? subscription.topic.key)),
                                    .td(.text(subscription.frequency.name)),
                                    .td(.text(subscription.lastSentAt.map(DateText.short) ?? "Not yet")),
                                    .td(
                                        Forms.postButton(
                                            .learning(.cancelSubscription(subscription.id)), csrf: context.csrfToken, label: "Unsubscribe"))
                                )
                            })
                    ),
                .h2(.text("Follow")),
                Forms.form(
                    action: .learning(.subscriptions), csrf: context.csrfToken,
                    fields: [
                        FormField(
                            name: "topic", label: "Topic", kind: .select(model.topics.map { ($0.key, $0.name) }),
                            error: model.errors["topic"]),
                        FormField(
                            name: "frequency", label: "How often", kind: .select(DigestFrequency.allCases.map { ($0.rawValue, $0.name) }),
                            value: "weekly",
                            error: model.errors["frequency"]),
                    ],
                    submit: "Subscribe"
                )
            )
        )
    }
}

/// The page an unsubscribe link opens: one button, so a mail scanner following links cannot unsubscribe anyone.
enum UnsubscribePage {
    static func document(topicName: String?, token: String, done: Bool, context: PageContext) -> HTML {
        Layout.document(
            title: "Unsubscribe", context: context,
            body: .group(
                .h1(.text(done ? "Unsubscribed" : "Unsubscribe")),
                .unwrap(
                    topicName,
                    { name in
                        done
                            ? .p(.text("You will receive no more digests of \(name)."))
                            : .group(
                                .p(.text("Stop the digest of \(name)?")),
                                Forms.postButton(
                                    .learning(.unsubscribe(token)), csrf: context.csrfToken, label: "Unsubscribe", secondary: false)
                            )
                    },
                    else: .p(
                        .text(
                            done
                                ? "You will receive no more of that digest."
                                : "This unsubscribe link has already been used or is not one of ours.")))
            )
        )
    }
}
