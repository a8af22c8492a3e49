import Foundation
import Testing
import VanguardCore
import VanguardStore
import VaporTesting

@testable import VanguardWeb

/// RFC 8058: a mail client unsubscribes with one POST to the digest's List-Unsubscribe address,
/// with no page, cookie or CSRF token; the secret token in the address is the proof.
@Suite struct OneClickUnsubscribeTests {
    @Test func aMailClientsOneClickPostEndsTheSubscription() async throws {
        try await TestApp.run { app in
            let people = try await People.make(in: app)
            let member = try #require(people.accounts[.member])
            let token = Secrets.make()
            let subscriptions = SubscriptionStore(on: app)
            try await subscriptions.subscribe(member.id, to: .everything, frequency: .weekly, token: token, by: member.actor)
            let address = "/learning/unsubscribe/\(token)/one-click"
            // Anything but RFC 8058's body is refused, and changes nothing.
            #expect(try await app.send(.POST, address, form: ["List-Unsubscribe": "Yes"]).status == .badRequest)
            #expect(try await subscriptions.subscriptions(of: member.id).count == 1)
            // MUT: the client's POST, with no cookie and no CSRF token
            let done = try await app.send(.POST, address, form: ["List-Unsubscribe": "One-Click"])
            // validate
            #expect(done.status == .ok && done.body == "Unsubscribed.\n")
            #expect(try await subscriptions.subscriptions(of: member.id).isEmpty)
            #expect(try await app.send(.POST, address, form: ["List-Unsubscribe": "One-Click"]).status == .notFound)
            // The page's own form still needs its CSRF token.
            #expect(try await app.send(.POST, "/learning/unsubscribe/\(token)", form: [:]).status == .forbidden)
        }
    }
}
