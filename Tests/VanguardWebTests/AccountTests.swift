import Foundation
import Testing
import VanguardCore
import VanguardStore
import VaporTesting

@testable import VanguardWeb

@Suite struct AccountTests {
    static let csrf = People.csrf

    /// The one link in the newest outbox message to `recipient`.
    static func link(sentTo recipient: String, in app: Application) async throws -> String {
        let message = try #require(try await AccountStore(on: app).outbox().first { $0.recipient == recipient })
        let line = try #require(message.body.split(separator: "\n").first { $0.hasPrefix("https://vanguard.test/") })
        return String(line.dropFirst("https://vanguard.test".count))
    }

    static func signIn(_ app: Application, email: String, password: String, cookies: [String: String] = [:]) async throws -> Fetched {
        try await app.send(
            .POST, "/account/sign-in", cookies: cookies.merging([TestApp.cookies.csrf: csrf]) { $1 },
            form: ["email": email, "password": password, CSRFMiddleware.fieldName: csrf])
    }

    @Test func aFormPostWithoutAValidCSRFTokenIsRefused() async throws {
        try await TestApp.run { app in
            let people = try await People.make(in: app)
            let withoutToken = try await app.send(
                .POST, "/account/sign-in", form: ["email": "member@example.nhs.uk", "password": People.password])
            #expect(withoutToken.status == .forbidden)
            #expect(withoutToken.body.contains("security token"))
            let mismatched = try await app.send(
                .POST, "/account/sign-in", cookies: [TestApp.cookies.csrf: Self.csrf],
                form: [
                    "email": "member@example.nhs.uk", "password": People.password,
                    CSRFMiddleware.fieldName: String(repeating: "d", count: 43),
                ])
            #expect(mismatched.status == .forbidden)
            #expect(mismatched.cookie(TestApp.cookies.session) == nil)
            // A signed-in person's form is refused too, and nothing changes.
            let edit = try await app.send(
                .POST, "/vanguards/1/edit", cookies: [TestApp.cookies.session: people.sessions[.siteLead]!], form: ["governance": "Board"])
            #expect(edit.status == .forbidden)
            #expect(try await RegistryStore(on: app).registry().governance[1]?.governance == nil)
            // Every page sets the CSRF cookie and puts the same token in its forms.
            let page = try await app.fetch("/account/sign-in")
            let token = try #require(page.cookie(TestApp.cookies.csrf))
            #expect(page.body.contains("name=\"csrf_token\" value=\"\(CSRFMiddleware.formToken(cookie: token, session: nil))\""))
        }
    }

    @Test func signingInIssuesANewSessionAndEndsThePlantedOne() async throws {
        try await TestApp.run { app in
            let people = try await People.make(in: app)
            let planted = people.sessions[.member]!
            // MUT: sign in from a browser that already carries a session id
            let response = try await Self.signIn(
                app, email: "member@example.nhs.uk", password: People.password, cookies: [TestApp.cookies.session: planted])
            // validate
            #expect(response.status == .seeOther)
            let issued = try #require(response.cookie(TestApp.cookies.session))
            #expect(issued != planted)
            let setCookie = response.headers[.setCookie].first { $0.hasPrefix(TestApp.cookies.session) } ?? ""
            #expect(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Lax") && setCookie.contains("Secure"))
            let old = try await app.send(.GET, "/account", cookies: [TestApp.cookies.session: planted])
            #expect(old.status == .seeOther)
            let new = try await app.send(.GET, "/account", cookies: [TestApp.cookies.session: issued])
            #expect(new.status == .ok)
            #expect(new.body.contains("member@example.nhs.uk"))
        }
    }

    @Test func unknownAccountAndWrongPasswordGetTheSameAnswer() async throws {
        try await TestApp.run { app in
            _ = try await People.make(in: app)
            let unknown = try await Self.signIn(app, email: "nobody@example.nhs.uk", password: "whatever it is, it is wrong")
            let wrong = try await Self.signIn(app, email: "member@example.nhs.uk", password: "whatever it is, it is wrong")
            #expect(unknown.status == .badRequest && wrong.status == .badRequest)
            #expect(
                unknown.body.replacingOccurrences(of: "nobody@", with: "X@") == wrong.body.replacingOccurrences(of: "member@", with: "X@"))
            #expect(wrong.body.contains("The e-mail address or password is not right."))
        }
    }

    @Test func signInIsThrottledPerAccount() async throws {
        let clock = TestClock()
        try await TestApp.run(clock: clock) { app in
            _ = try await People.make(in: app)
            for _ in 0..<SignInThrottle.standard.failuresPerAccount {
                let attempt = try await Self.signIn(app, email: "assessor@example.nhs.uk", password: "not the password at all")
                #expect(attempt.status == .badRequest)
            }
            // Even the right password waits now.
            let blocked = try await Self.signIn(app, email: "assessor@example.nhs.uk", password: People.password)
            #expect(blocked.status == .tooManyRequests)
            #expect(blocked.cookie(TestApp.cookies.session) == nil)
            // Another account is not affected.
            let other = try await Self.signIn(app, email: "member@example.nhs.uk", password: People.password)
            #expect(other.status == .seeOther)
            // Once the window has passed the account signs in again: the app's clock, not the test, waits.
            clock.advance(by: SignInThrottle.standard.window - 60)
            #expect(try await Self.signIn(app, email: "assessor@example.nhs.uk", password: People.password).status == .tooManyRequests)
            clock.advance(by: 61)
            #expect(try await Self.signIn(app, email: "assessor@example.nhs.uk", password: People.password).status == .seeOther)
        }
    }

    @Test func signUpConfirmSignInAndTheLinkWorksOnce() async throws {
        try await TestApp.run { app in
            // MUT: sign up
            let signUp = try await app.send(
                .POST, "/account/sign-up", cookies: [TestApp.cookies.csrf: Self.csrf],
                form: [
                    "display_name": "Grace Hopper", "organisation": "NHS Wirral CCG", "email": "Grace@Example.NHS.uk",
                    "password": "ships and sealing wax", CSRFMiddleware.fieldName: Self.csrf,
                ])
            #expect(signUp.status == .ok)
            #expect(signUp.body.contains("Check your e-mail"))
            // Before confirming, signing in is refused with a fresh link.
            let early = try await Self.signIn(app, email: "grace@example.nhs.uk", password: "ships and sealing wax")
            #expect(early.status == .forbidden)
            let link = try await Self.link(sentTo: "grace@example.nhs.uk", in: app)
            #expect(link.hasPrefix("/account/confirm?token="))
            let confirmed = try await app.fetch(link)
            #expect(confirmed.status == .ok)
            #expect(confirmed.body.contains("Your e-mail address is confirmed"))
            let reused = try await app.fetch(link)
            #expect(reused.status == .badRequest)
            #expect(reused.body.contains("already been used"))
            let signIn = try await Self.signIn(app, email: "grace@example.nhs.uk", password: "ships and sealing wax")
            #expect(signIn.status == .seeOther)
            #expect(signIn.location == "/account")
            // Signing up again with the same address says the same, and warns the owner instead.
            let again = try await app.send(
                .POST, "/account/sign-up", cookies: [TestApp.cookies.csrf: Self.csrf],
                form: [
                    "display_name": "Someone Else", "email": "grace@example.nhs.uk", "password": "another long passphrase",
                    CSRFMiddleware.fieldName: Self.csrf,
                ])
            #expect(again.body.contains("Check your e-mail"))
            #expect(
                try await AccountStore(on: app).outbox().first?.subject == "Someone tried to create a Vanguard account with your address")
        }
    }

    @Test(arguments: [
        (
            ["display_name": "A", "email": "not-an-address", "password": "a long and unusual passphrase"], "email",
            "Enter an e-mail address in the right form"
        ),
        (["display_name": "A", "email": "a@example.nhs.uk", "password": "short"], "password", "Use at least 12 characters"),
        (["display_name": "A", "email": "a@example.nhs.uk", "password": "password1234"], "password", "one of the most common"),
        (
            ["display_name": String(repeating: "x", count: 101), "email": "a@example.nhs.uk", "password": "a long and unusual passphrase"],
            "display_name", "Use at most 100 characters"
        ),
        (
            ["display_name": "", "email": "a@example.nhs.uk", "password": "a long and unusual passphrase"], "display_name",
            "Enter your display name"
        ),
    ])
    func badSignUpsAreRefusedWithTheReasonAndWriteNothing(form: [String: String], field: String, reason: String) async throws {
        try await TestApp.run { app in
            let response = try await app.send(
                .POST, "/account/sign-up", cookies: [TestApp.cookies.csrf: Self.csrf],
                form: form.merging([CSRFMiddleware.fieldName: Self.csrf]) { $1 })
            #expect(response.status == .badRequest)
            #expect(response.body.contains(reason))
            #expect(response.body.contains("href=\"#\(field)\""))
            #expect(try await AccountStore(on: app).accounts().isEmpty)
            #expect(try await AccountStore(on: app).outbox().isEmpty)
        }
    }

    @Test func passwordResetLinksAreSingleUseAndExpire() async throws {
        try await TestApp.run { app in
            let people = try await People.make(in: app)
            let store = AccountStore(on: app)
            // An unknown address gets the same answer and no mail.
            let unknown = try await app.send(
                .POST, "/account/reset", cookies: [TestApp.cookies.csrf: Self.csrf],
                form: ["email": "nobody@example.nhs.uk", CSRFMiddleware.fieldName: Self.csrf])
            #expect(unknown.body.contains("If an account uses nobody@example.nhs.uk"))
            #expect(try await store.outbox().isEmpty)
            _ = try await app.send(
                .POST, "/account/reset", cookies: [TestApp.cookies.csrf: Self.csrf],
                form: ["email": "member@example.nhs.uk", CSRFMiddleware.fieldName: Self.csrf])
            let link = try await Self.link(sentTo: "member@example.nhs.uk", in: app)
            #expect(try await app.fetch(link).status == .ok)
            // A weak password is refused without using up the link.
            let weak = try await app.send(
                .POST, link, cookies: [TestApp.cookies.csrf: Self.csrf],
                form: ["password": "qwerty123456", CSRFMiddleware.fieldName: Self.csrf])
            #expect(weak.status == .badRequest)
            let reset = try await app.send(
                .POST, link, cookies: [TestApp.cookies.csrf: Self.csrf],
                form: ["password": "a brand new passphrase", CSRFMiddleware.fieldName: Self.csrf])
            #expect(reset.status == .ok)
            // The old sessions are gone and the new password works.
            #expect(try await app.send(.GET, "/account", cookies: [TestApp.cookies.session: people.sessions[.member]!]).status == .seeOther)
            #expect(try await Self.signIn(app, email: "member@example.nhs.uk", password: "a brand new passphrase").status == .seeOther)
            let reused = try await app.send(
                .POST, link, cookies: [TestApp.cookies.csrf: Self.csrf],
                form: ["password": "yet another passphrase", CSRFMiddleware.fieldName: Self.csrf])
            #expect(reused.status == .badRequest)
            // An expired link is refused.
            let expired = Secrets.make()
            try await store.createLink(
                secretHash: Secrets.hash(expired), purpose: .resetPassword, for: people.accounts[.member]!.id, lifetime: -1)
            let late = try await app.fetch(SiteURL.resetPassword(expired).path)
            #expect(late.status == .badRequest)
            #expect(late.body.contains("expired"))
        }
    }

    @Test func changingYourPasswordChecksTheCurrentOne() async throws {
        try await TestApp.run { app in
            let people = try await People.make(in: app)
            let wrong = try await people.send(
                app, .member, .POST, "/account/password", form: ["current_password": "not it at all", "password": "a brand new passphrase"])
            #expect(wrong.status == .badRequest)
            #expect(wrong.body.contains("Your current password is not right"))
            let right = try await people.send(
                app, .member, .POST, "/account/password", form: ["current_password": People.password, "password": "a brand new passphrase"])
            #expect(right.status == .ok)
            #expect(right.body.contains("Your password has been changed"))
            #expect(right.cookie(TestApp.cookies.session) != nil)
        }
    }
}

@Suite struct SignInRedirectTests {
    @Test func signingInReturnsToThePageThatAskedAndNeverLeavesTheSite() async throws {
        try await TestApp.run { app in
            _ = try await People.make(in: app)
            let asked = try await app.fetch("/admin/audit")
            #expect(asked.status == .seeOther)
            #expect(asked.location == "/account/sign-in?next=/admin/audit")
            let form = try await app.fetch("/account/sign-in?next=/admin/audit")
            #expect(form.body.contains("name=\"next\" value=\"/admin/audit\""))
            let attempts = [
                ("/admin/audit", "/admin/audit"), ("//evil.example/", "/account"), ("https://evil.example/", "/account"),
                // browsers drop tabs and newlines and read a backslash as a slash: each of these means //evil.example
                ("/\t/evil.example", "/account"), ("/\n/evil.example", "/account"), ("/\\evil.example", "/account"),
                ("/%09/evil.example", "/account"), ("/%2F/evil.example", "/account"), (" //evil.example", "/account"),
            ]
            for (next, expected) in attempts {
                let response = try await app.send(
                    .POST, "/account/sign-in", cookies: [TestApp.cookies.csrf: People.csrf],
                    form: [
                        "email": "programmeteam@example.nhs.uk", "password": People.password, "next": next,
                        CSRFMiddleware.fieldName: People.csrf,
                    ])
                #expect(response.location == expected, "next=\(next)")
            }
        }
    }
}

@Suite struct AddressThrottleTests {
    @Test func oneAddressGuessingManyAccountsIsSlowedDown() async throws {
        try await TestApp.run { app in
            _ = try await People.make(in: app)
            // setup: failures spread over many accounts, all from the test client's address
            for index in 0..<SignInThrottle.standard.failuresPerAddress {
                let attempt = try await AccountTests.signIn(app, email: "guess\(index)@example.nhs.uk", password: "not a real password")
                #expect(attempt.status == .badRequest)
            }
            // MUT
            let next = try await AccountTests.signIn(app, email: "member@example.nhs.uk", password: People.password)
            // validate
            #expect(next.status == .tooManyRequests)
            #expect(next.body.contains("Too many attempts"))
        }
    }
}
