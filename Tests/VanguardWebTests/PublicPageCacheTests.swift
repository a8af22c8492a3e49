import Foundation
import SQLKit
import Testing
import VanguardStore
import VaporTesting

@testable import VanguardWeb

/// Public pages are kept for anonymous visitors only while the content they show is unchanged,
/// whatever changed it; people signed in always get their own.
@Suite struct PublicPageCacheTests {
    @Test func aKeptPageLastsUntilTheContentChangesAndItsTagAnswers304() async throws {
        try await TestApp.run { app in
            let people = try await People.make(in: app)
            let first = try await app.fetch("/vanguards/1")
            let tag = try #require(first.headers.first(name: .eTag))
            #expect(first.headers.first(name: .cacheControl) == "private, no-cache")
            let again = try await app.fetch("/vanguards/1")
            #expect(again.headers.first(name: .eTag) == tag)
            #expect(again.body == first.body)
            #expect(app.publicPageCache.count == 1)
            let unchanged = try await app.send(.GET, "/vanguards/1", headers: [("If-None-Match", tag)])
            #expect(unchanged.status == .notModified)
            #expect(unchanged.body.isEmpty)
            // MUT: a change through the API shows on the very next request; the old tag no longer matches
            let edit = try await app.send(
                .PATCH, "/api/v1/vanguards/1", json: #"{"governance": "A board kept fresh"}"#, bearer: people.token)
            #expect(edit.status == .ok)
            let after = try await app.send(.GET, "/vanguards/1", headers: [("If-None-Match", tag)])
            #expect(after.status == .ok)
            #expect(after.body.contains("A board kept fresh"))
            #expect(after.headers.first(name: .eTag) != tag)
        }
    }

    @Test func aChangeMadeInPlainSQLShowsOnTheNextRequestToo() async throws {
        try await TestApp.run { app in
            let before = try await app.fetch("/vanguards")
            #expect(!before.body.contains("Renamed in plain SQL"))
            // Not through any store: the database's triggers move the version.
            try await TestApp.sql(app).raw("UPDATE vanguards SET name = 'Renamed in plain SQL' WHERE number = 1").run()
            #expect(try await app.fetch("/vanguards").body.contains("Renamed in plain SQL"))
            #expect(try await app.fetch("/api/v1/vanguards/1").json()["name"] as? String == "Renamed in plain SQL")
        }
    }

    @Test func aSignedInPersonGetsTheirOwnPageAndNeverTheKeptOne() async throws {
        try await TestApp.run { app in
            let people = try await People.make(in: app)
            let anonymous = try await app.fetch("/vanguards/1")
            #expect(!anonymous.body.contains("Sign out"))
            let signedIn = try await people.send(app, .programmeTeam, .GET, "/vanguards/1")
            #expect(signedIn.status == .ok)
            #expect(signedIn.body.contains("Sign out"))
            #expect(signedIn.headers.first(name: .eTag) == nil)
            // and the kept page is still the anonymous one
            let later = try await app.fetch("/vanguards/1")
            #expect(later.body == anonymous.body)
            #expect(!later.body.contains("Sign out"))
        }
    }

    @Test func liveAnswersAreNeverKept() async throws {
        try await TestApp.run { app in
            let health = try await app.fetch("/healthz")
            #expect(health.status == .ok)
            #expect(health.headers.first(name: .eTag) == nil)
            #expect(health.headers.first(name: .cacheControl) == "no-store")
            let missing = try await app.fetch("/vanguards/99")
            #expect(missing.status == .notFound)
            #expect(app.publicPageCache.count == 0)
        }
    }

    @Test func aPageIsMadeAgainWhenTheMinuteTurns() async throws {
        let clock = TestClock()
        try await TestApp.run(clock: clock) { app in
            _ = try await app.fetch("/vanguards/1")
            #expect(try await JobStore(on: app).enqueue(.sendDigests, key: "cache-test"))
            // A job is not content: the version stands, the page is the kept one.
            let stamp = try #require(app.publicPageCache.stamp(of: "/vanguards/1"))
            _ = try await app.fetch("/vanguards/1")
            #expect(app.publicPageCache.stamp(of: "/vanguards/1") == stamp)
            clock.advance(by: 60)
            _ = try await app.fetch("/vanguards/1")
            #expect(app.publicPageCache.stamp(of: "/vanguards/1")?.minute == stamp.minute + 1)
            #expect(app.publicPageCache.stamp(of: "/vanguards/1")?.version == stamp.version)
        }
    }
}
