import Foundation
import SQLKit
import Testing
import VanguardStore
import VaporTesting

@testable import VanguardWeb

/// Public pages are kept for anonymous visitors only while the content they show is unchanged,
/// whatever changed it; people signed in always get their own.
@Suite struct PublicPageCacheTests {
    /// A page is kept for a minute at most, so a suite that compares answers across requests
    /// stops the clock; on the real one a minute turning mid-test (CI, slow PostgreSQL set-up)
    /// made the page anew and failed the comparison.
    private func run(_ body: (Application) async throws -> Void) async throws {
        try await TestApp.run(clock: TestClock(), body)
    }

    @Test func aKeptPageLastsUntilTheContentChangesAndItsTagAnswers304() async throws {
        try await run { app in
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
        try await run { app in
            let before = try await app.fetch("/vanguards")
            #expect(!before.body.contains("Renamed in plain SQL"))
            // Not through any store: the database's triggers move the version.
            try await TestApp.sql(app).raw("UPDATE vanguards SET name = 'Renamed in plain SQL' WHERE number = 1").run()
            #expect(try await app.fetch("/vanguards").body.contains("Renamed in plain SQL"))
            #expect(try await app.fetch("/api/v1/vanguards/1").json()["name"] as? String == "Renamed in plain SQL")
        }
    }

    @Test func aSignedInPersonGetsTheirOwnPageAndNeverTheKeptOne() async throws {
        try await run { app in
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
        try await run { app in
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

    @Test func aKeptPageIsAnsweredBeforeTheRouterWithTheHeadersTheMiddlewareGave() async throws {
        try await run { app in
            let made = try await app.fetch("/vanguards/1")
            let later = RecordingResponder()
            let responder = KeptPageResponder(
                next: later, cache: app.publicPageCache, monitoring: app.monitoring, sessionCookie: TestApp.cookies.session)
            func ask(_ headers: [(String, String)] = []) async throws -> Response {
                let request = Request(
                    application: app, method: .GET, url: URI(string: "/vanguards/1"), headersNoUpdate: HTTPHeaders(headers),
                    on: app.eventLoopGroup.any())
                return try await responder.respond(to: request).get()
            }
            let kept = try await ask()
            #expect(later.asked == 0)
            #expect(kept.status == .ok)
            #expect(kept.body.string == made.body)
            // Every header the whole way gave, security headers and tag among them, but those the
            // server writes for each answer.
            let perAnswer: Set<String> = ["content-length", "connection", "date", "set-cookie"]
            func named(_ headers: HTTPHeaders) -> [String: String] {
                Dictionary(
                    headers.filter { !perAnswer.contains($0.name.lowercased()) }.map { ($0.name.lowercased(), $0.value) },
                    uniquingKeysWith: { first, _ in first })
            }
            #expect(named(kept.headers) == named(made.headers))
            #expect(kept.headers.first(name: "X-Frame-Options") == "DENY")
            #expect(try await ask([("If-None-Match", try #require(made.headers.first(name: .eTag)))]).status == .notModified)
            // MUT: someone signed in, a token, or content changed since: the whole way, every time.
            _ = try await ask([("Cookie", "\(TestApp.cookies.session)=anything")])
            #expect(later.asked == 1)
            _ = try await ask([("Authorization", "Bearer anything")])
            #expect(later.asked == 2)
            try await TestApp.sql(app).raw("UPDATE vanguards SET name = 'Renamed' WHERE number = 1").run()
            _ = try await ask()
            #expect(later.asked == 3)
            // Answers from the kept page are counted under their route, as the middleware counts them.
            let scraped = try await app.fetch("/metrics").body
            #expect(scraped.contains(#"vanguard_http_requests_total{method="GET",route="/vanguards/:number",status="200"} 2"#))
            #expect(scraped.contains(#"vanguard_http_requests_total{method="GET",route="/vanguards/:number",status="304"} 1"#))
        }
    }

    @Test func aSQLiteFileKeepsAWriteAheadLogAndReadsTheVersionOnItsOwnConnection() async throws {
        try await run { app in
            guard case .sqliteFile = app.appConfig.database else { return }
            let mode = try await TestApp.sql(app).raw("PRAGMA journal_mode").first()?.decode(column: "journal_mode", as: String.self)
            #expect(mode == "wal")
            let pageSize = try await TestApp.sql(app).raw("PRAGMA page_size").first()?.decode(column: "page_size", as: Int.self)
            #expect(pageSize == SQLiteJournal.pageSize)
            // The version is read on a connection of its own, which sees what the main one wrote.
            #expect(app.publicPageCache.versionDatabase == .contentVersion)
            let own = try #require(app.databases.database(.contentVersion, logger: app.logger, on: app.eventLoopGroup.any()))
            try await TestApp.sql(app).raw("UPDATE vanguards SET name = 'Seen on the other connection' WHERE number = 1").run()
            #expect(try await ContentVersion.current(on: own) == ContentVersion.current(on: app.db))
        }
    }
}

/// Stands for the rest of the application: counts what reaches it.
final class RecordingResponder: Responder, @unchecked Sendable {
    private(set) var asked = 0

    func respond(to request: Request) -> EventLoopFuture<Response> {
        asked += 1
        return request.eventLoop.makeSucceededFuture(Response(status: .ok))
    }
}
