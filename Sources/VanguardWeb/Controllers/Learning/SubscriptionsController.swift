import Foundation
import Plot
import VanguardCore
import VanguardStore
import Vapor

/// A member's digests, the one-click unsubscribe, and sending what is due.
enum SubscriptionsController {
    static func topics(_ request: Request) async throws -> [(key: String, name: String)] {
        let tree = try await LearningStore(on: request).categories()
        let registry = try await request.registry()
        return [(SubscriptionTopic.everything.key, "Every post")]
            + tree.categories.map { (SubscriptionTopic.category($0.slug).key, "Category: \(tree.label($0.slug))") }.sorted { $0.1 < $1.1 }
            + registry.vanguards.map { (SubscriptionTopic.vanguard($0.number).key, "Vanguard: \($0.name)") }
    }

    static func page(_ request: Request, notice: String? = nil, errors: [String: String] = [:]) async throws -> HTML {
        let person = try request.requirePerson()
        let model = SubscriptionsPage.Model(
            subscriptions: try await SubscriptionStore(on: request).subscriptions(of: person.id),
            topics: try await topics(request), notice: notice, errors: errors)
        return SubscriptionsPage.document(model, context: request.pageContext)
    }

    @Sendable static func list(request: Request) async throws -> Response {
        try await page(request).response()
    }

    @Sendable static func subscribe(request: Request) async throws -> Response {
        let person = try request.requirePerson()
        let form = try request.content.decode([String: String].self)
        let known = try await topics(request)
        guard let key = form["topic"], let topic = SubscriptionTopic(key: key), let name = known.first(where: { $0.key == key })?.name
        else {
            return try await page(request, errors: ["topic": "Choose a topic from the list"]).response(status: .badRequest)
        }
        guard let frequency = DigestFrequency(rawValue: form["frequency"] ?? "") else {
            return try await page(request, errors: ["frequency": "Choose daily or weekly"]).response(status: .badRequest)
        }
        try await SubscriptionStore(on: request).subscribe(
            person.id, to: topic, frequency: frequency, token: Secrets.make(), by: person.actor)
        return try await page(request, notice: "Subscribed: \(name), \(frequency.name.lowercased()).").response()
    }

    @Sendable static func cancel(request: Request) async throws -> Response {
        let person = try request.requirePerson()
        guard let id = UUID(uuidString: request.pathParameter("id")) else { throw AppError.notFound("The subscription") }
        try await SubscriptionStore(on: request).unsubscribe(id, account: person.id, by: person.actor)
        return try await page(request, notice: "Unsubscribed.").response()
    }

    @Sendable static func unsubscribeForm(request: Request) async throws -> Response {
        let token = request.pathParameter("token")
        let subscription = try await SubscriptionStore(on: request).subscription(token: token)
        let name = subscription == nil ? nil : try await topicName(subscription!.topic, request)
        return UnsubscribePage.document(topicName: name, token: token, done: false, context: request.pageContext).response(
            status: subscription == nil ? .notFound : .ok)
    }

    @Sendable static func unsubscribe(request: Request) async throws -> Response {
        let ended = try await SubscriptionStore(on: request).unsubscribe(token: request.pathParameter("token"))
        let name = ended == nil ? nil : try await topicName(ended!.topic, request)
        return UnsubscribePage.document(topicName: name, token: "", done: true, context: request.pageContext).response(
            status: ended == nil ? .notFound : .ok)
    }

    /// RFC 8058: a mail client posts `List-Unsubscribe=One-Click` to the digest's List-Unsubscribe
    /// address, and the subscription ends with no page in between. The token in the address is the proof.
    @Sendable static func unsubscribeOneClick(request: Request) async throws -> Response {
        guard (try? request.content.get(String.self, at: "List-Unsubscribe")) == "One-Click" else {
            throw AppError.badRequest("Send List-Unsubscribe=One-Click, as RFC 8058 says.")
        }
        let ended = try await SubscriptionStore(on: request).unsubscribe(token: request.pathParameter("token"))
        guard ended != nil else { throw AppError.notFound("The subscription") }
        return Response(status: .ok, body: .init(string: "Unsubscribed.\n"))
    }

    static func topicName(_ topic: SubscriptionTopic, _ request: Request) async throws -> String {
        SubscriptionsPage.topicName(
            topic, categories: try await LearningStore(on: request).categories(), vanguards: try await request.registry().vanguards)
    }

    /// The programme team's "send every digest now"; the scheduled `vanguard digests` command sends only those due.
    @Sendable static func sendDue(request: Request) async throws -> Response {
        let sent = try await DigestMail.sendDue(
            database: request.db, publicURL: request.application.appConfig.publicURL, at: request.now, everyone: true)
        return try await CommentsController.queuePage(request, notice: "Digests written to the outbox: \(sent).")
    }
}
