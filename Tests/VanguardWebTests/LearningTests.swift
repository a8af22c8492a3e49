import FluentKit
import Foundation
import Testing
import VanguardCore
import VanguardStore
import VaporTesting

@testable import VanguardWeb

/// The learning space through the pages each person uses: a case study beside its evidence,
/// moderated comments, feeds, search and digests.
@Suite struct LearningFlowTests {
    typealias Person = SelectionFlowTests.Person

    static func caseStudy(
        title: String = "Care home support in Wirral", vanguard: String = "1", metric: String = "emergency_admissions",
        body: String = "Intro with <script>alert('x')</script> and [a report](https://www.england.nhs.uk/)."
    ) -> [String: String] {
        [
            "kind": "case_study", "title": title, "summary": "A named GP for every care home cut emergency admissions.", "body": body,
            "problem": "Too many emergency admissions from care homes.", "what_changed": "Weekly ward rounds by a named GP.",
            "results": "Admissions fell.", "cost": "£1.2m over two years.", "contacts": "care.homes@example.nhs.uk",
            "vanguard": vanguard, "innovation": "", "work_streams": "Workforce, Digital", "status": "published",
            "categories[]": "care-homes", "care_models[]": "ehch", "metrics[]": metric,
        ]
    }

    @Test func aCaseStudyIsPublishedBesideItsEvidenceAndModeratedCommentsFollow() async throws {
        try await TestApp.run { app in
            let people = try await People.make(in: app)
            try await FundingFlowTests.evidence(in: app)
            let learning = LearningStore(on: app)

            // Who may write: not a member; a site lead only for their own vanguard.
            #expect(try await people.send(app, .member, .POST, "/learning/posts/new", form: Self.caseStudy()).status == .forbidden)
            let elsewhere = try await people.send(app, .siteLead, .POST, "/learning/posts/new", form: Self.caseStudy(vanguard: "2"))
            #expect(elsewhere.status == .badRequest && elsewhere.body.contains("You write for your own vanguard only"))

            // Bad input names the field and saves nothing.
            var badLink = Self.caseStudy()
            badLink["results"] = "[click](javascript:alert(1))"
            let refused = try await people.send(app, .siteLead, .POST, "/learning/posts/new", form: badLink)
            #expect(refused.status == .badRequest)
            #expect(
                refused.body.contains("javascript:alert(1)")
                    && refused.body.contains("is not allowed: links must start http:, https:, mailto: or /"))
            let noMetric = try await people.send(app, .siteLead, .POST, "/learning/posts/new", form: Self.caseStudy(metric: "made_up"))
            #expect(noMetric.status == .badRequest && noMetric.body.contains("is not a metric in the framework"))
            var long = Self.caseStudy()
            long["body"] = String(repeating: "a", count: 100_001)
            #expect(
                try await people.send(app, .siteLead, .POST, "/learning/posts/new", form: long).body.contains("Too long: 100001 characters")
            )
            #expect(try await learning.published().isEmpty)

            // The site lead publishes; the page shows the parts, escaped script and the live chart.
            #expect(try await people.send(app, .siteLead, .POST, "/learning/posts/new", form: Self.caseStudy()).status == .seeOther)
            let post = try #require(try await learning.post(slug: "care-home-support-in-wirral"))
            #expect(
                post.content.metricCodes == ["emergency_admissions"] && post.content.categorySlugs == ["care-homes"]
                    && post.content.careModels == [.ehch])
            let page = try await app.fetch("/learning/posts/care-home-support-in-wirral")
            #expect(page.status == .ok)
            #expect(page.body.contains("<h2>What it cost</h2>"))
            #expect(!page.body.contains("<script>alert"))
            #expect(
                page.body.contains("&lt;script&gt;alert('x')&lt;/script&gt;") || page.body.contains("&lt;script>alert('x')&lt;/script&gt;"))
            #expect(page.body.contains("The evidence, live"))
            #expect(page.body.contains("<svg") && page.body.contains("Change against 2014/15: −5.0%; the rest of England +1.0%."))
            #expect(try await app.fetch("/vanguards/1").body.contains("Care home support in Wirral"))

            // A new member's first comment is held: only they and the moderators see it.
            #expect(
                try await people.send(
                    app, .member, .POST, "/learning/posts/care-home-support-in-wirral/comments",
                    form: ["body": "How did you fund the GP time?"]
                ).status == .seeOther)
            let held = try #require(try await CommentStore(on: app).comments(on: post.id).first)
            #expect(held.status == .held && held.authorRole == "Member")
            #expect(!(try await app.fetch("/learning/posts/care-home-support-in-wirral").body.contains("How did you fund the GP time?")))
            #expect(
                try await people.send(app, .member, .GET, "/learning/posts/care-home-support-in-wirral").body.contains(
                    "Only you and the moderators can see it"))
            #expect(try await people.send(app, .programmeTeam, .GET, "/learning/moderation").body.contains("How did you fund the GP time?"))
            let noReason = try await people.send(
                app, .programmeTeam, .POST, "/learning/comments/\(held.number)/moderate", form: ["decision": "reject"])
            #expect(noReason.status == .badRequest && noReason.body.contains("Give a reason"))
            #expect(
                try await people.send(
                    app, .programmeTeam, .POST, "/learning/comments/\(held.number)/moderate", form: ["decision": "approve"]
                ).status == .ok)
            let shown = try await app.fetch("/learning/posts/care-home-support-in-wirral")
            #expect(shown.body.contains("How did you fund the GP time?") && shown.body.contains("#\(held.number)"))

            // Once approved, the member's next comment is shown at once; a reply threads under it.
            _ = try await people.send(
                app, .member, .POST, "/learning/posts/care-home-support-in-wirral/comments", form: ["body": "Thanks, very useful."])
            _ = try await people.send(
                app, .siteLead, .POST, "/learning/posts/care-home-support-in-wirral/comments",
                form: ["body": "From the iBCF.", "parent": String(held.number)])
            var comments = try await CommentStore(on: app).comments(on: post.id)
            #expect(comments.map(\.status) == [.shown, .shown, .held])
            #expect(comments[2].parentNumber == held.number && comments[2].authorRole.hasPrefix("Site lead, "))
            #expect(comments.map(\.number) == [held.number, held.number + 1, held.number + 2])
            // Every comment form on the page has its own ids: a label names one text box, never several.
            let thread = try await people.send(app, .member, .GET, "/learning/posts/care-home-support-in-wirral")
            #expect(thread.count(of: "id=\"body\"") == 1 && thread.count(of: "id=\"reply-\(held.number)\"") == 1)
            #expect(thread.count(of: "id=\"edit-\(held.number + 1)\"") == 1)

            // A blocked word holds anyone's comment; an edit shows as edited.
            _ = try await people.send(
                app, .member, .POST, "/learning/posts/care-home-support-in-wirral/comments", form: ["body": "Visit my casino"])
            #expect(try await CommentStore(on: app).comment(number: held.number + 3)?.statusReason == "Contains a blocked word (casino)")
            // The programme team keeps the list: a phrase added holds the next comment that uses it.
            #expect(
                try await people.send(app, .programmeTeam, .POST, "/learning/blocked-words", form: ["word": "Buy  NOW"]).body.contains(
                    "‘buy now’ will be held"))
            #expect(
                try await people.send(app, .programmeTeam, .POST, "/learning/blocked-words", form: ["word": "!!!"]).status == .badRequest)
            #expect(try await people.send(app, .programmeTeam, .POST, "/learning/blocked-words/casino/remove").status == .ok)
            #expect(!(try await CommentStore(on: app).blockedWords().contains("casino")))
            _ = try await people.send(
                app, .member, .POST, "/learning/posts/care-home-support-in-wirral/comments", form: ["body": "Buy now, cheap"])
            #expect(try await CommentStore(on: app).comment(number: held.number + 4)?.statusReason == "Contains a blocked word (buy now)")
            #expect(
                try await people.send(
                    app, .member, .POST, "/learning/comments/\(held.number + 1)/edit", form: ["body": "Thanks, very useful indeed."]
                ).status == .seeOther)
            #expect(try await app.fetch("/learning/posts/care-home-support-in-wirral").body.contains("Thanks, very useful indeed.</p>"))
            #expect(
                try await people.send(app, .assessor, .POST, "/learning/comments/\(held.number + 1)/edit", form: ["body": "Hijacked"])
                    .status == .badRequest)

            // Ten comments in ten minutes is the most one person can post.
            let store = CommentStore(on: app)
            let member = try await TestAuthors.member(people)
            for index in 0..<6 { _ = try await store.add(to: post.id, replyingTo: nil, body: "Note \(index)", by: member) }
            await #expect(throws: ValidationError.self) {
                _ = try await store.add(to: post.id, replyingTo: nil, body: "One too many", by: member)
            }
            let flood = try await people.send(
                app, .member, .POST, "/learning/posts/care-home-support-in-wirral/comments", form: ["body": "Again"])
            #expect(flood.status == .badRequest && flood.body.contains("You have posted 10 comments in the last 10 minutes"))

            // Three members' flags take a shown comment down until a moderator looks.
            for kind in [People.Kind.assessor, .signatory, .programmeTeam] {
                #expect(
                    try await people.send(app, kind, .POST, "/learning/comments/\(held.number + 1)/flag", form: ["reason": "Off topic"])
                        .status == .ok)
            }
            #expect(
                try await people.send(app, .assessor, .POST, "/learning/comments/\(held.number + 1)/flag", form: ["reason": "again"]).body
                    .contains("already flagged"))
            comments = try await CommentStore(on: app).comments(on: post.id)
            #expect(comments[1].status == .held && comments[1].statusReason == "Flagged by 3 members")

            // Feeds: every post, its category and the category above it, its care model, its vanguard.
            for path in [
                "/learning/feed.atom", "/learning/categories/care-homes/feed.atom",
                "/learning/categories/primary-and-community-care/feed.atom",
                "/learning/care-models/ehch/feed.atom", "/vanguards/1/posts.atom",
            ] {
                let feed = try await app.fetch(path)
                #expect(feed.status == .ok && feed.headers.first(name: .contentType) == "application/atom+xml; charset=utf-8", "\(path)")
                #expect(feed.body.contains("<title>Care home support in Wirral</title>"), "\(path)")
                #expect(feed.body.contains("<id>urn:uuid:\(post.id.uuidString.lowercased())</id>"))
            }
            #expect(!(try await app.fetch("/learning/categories/acute/feed.atom").body.contains("<entry>")))
            let home = try await app.fetch("/").body
            #expect(
                home.contains(
                    "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"All posts and case studies\" href=\"/learning/feed.atom\"/>"
                ))

            // Search finds the post (stemmed: "admission" finds "admissions"), vanguards and organisations, with matches marked.
            let found = try await app.fetch("/api/v1/search?q=care%20home%20admission").json()
            let results = try #require(found["results"] as? [[String: Any]])
            #expect(results.first?["kind"] as? String == "post" && results.first?["title"] as? String == "Care home support in Wirral")
            let page2 = try await app.fetch("/search?q=Wirral")
            #expect(page2.body.contains("<mark>Wirral</mark>") || page2.body.contains("<mark>wirral</mark>"))
            #expect(page2.body.contains("/vanguards/1\""))
            #expect(try await app.fetch("/search?q=%22%20OR%20NEAR(").status == .ok)
            #expect(try await app.fetch("/api/v1/search?q=").status == .badRequest)

            // A deleted post leaves search and feeds, and takes no comments.
            #expect(try await people.send(app, .siteLead, .POST, "/learning/posts/care-home-support-in-wirral/delete").status == .seeOther)
            let late = try await people.send(
                app, .member, .POST, "/learning/posts/care-home-support-in-wirral/comments", form: ["body": "Late"])
            #expect(late.status == .badRequest && late.body.contains("takes no comments"))
            #expect(try await SearchIndex(database: app.db).search(SearchQuery("care home admission"), at: Date()).isEmpty)
            #expect(!(try await app.fetch("/learning/feed.atom").body.contains("<entry>")))
        }
    }

    @Test func searchFollowsAVanguardsEditedGovernance() async throws {
        try await TestApp.run { app in
            let people = try await People.make(in: app)
            let index = SearchIndex(database: app.db)
            #expect(try await index.search(SearchQuery("quadripartite alliance"), at: Date()).isEmpty)
            let edit = try await people.send(
                app, .siteLead, .POST, "/vanguards/1/edit", form: ["governance": "A quadripartite alliance board", "contracting": ""])
            #expect(edit.status == .seeOther)
            let hits = try await index.search(SearchQuery("quadripartite alliance"), at: Date())
            #expect(hits.map(\.kind) == [.vanguard] && hits.first?.key == "1")
        }
    }

    @Test func scheduledPostsWaitAndRevisionsAreKept() async throws {
        try await TestApp.run { app in
            let people = try await People.make(in: app)
            let learning = LearningStore(on: app)
            let future = CalendarText.editable(Date().addingTimeInterval(7 * 86_400))
            let form = [
                "kind": "news", "title": "Wave three announced", "summary": "", "body": "Eight new **vanguards**.", "status": "published",
                "publish_at": future, "vanguard": "",
            ]
            #expect(
                try await people.send(app, .siteLead, .POST, "/learning/posts/new", form: form).body.contains(
                    "programme-wide posts are written by the programme team"))
            #expect(try await people.send(app, .programmeTeam, .POST, "/learning/posts/new", form: form).status == .seeOther)
            let post = try #require(try await learning.post(slug: "wave-three-announced"))
            #expect(post.isScheduled(at: Date()))
            #expect(try await app.fetch("/learning/posts/wave-three-announced").status == .notFound)
            #expect(try await learning.published().isEmpty)
            #expect(try await SearchIndex(database: app.db).search(SearchQuery("vanguards announced"), at: Date()).isEmpty)
            #expect(
                try await SearchIndex(database: app.db).search(
                    SearchQuery("vanguards announced"), at: Date().addingTimeInterval(8 * 86_400)
                ).count == 1)

            var edited = form
            edited["title"] = "Wave three: eight new vanguards"
            edited["publish_at"] = ""
            edited["status"] = "published"
            #expect(
                try await people.send(app, .programmeTeam, .POST, "/learning/posts/wave-three-announced/edit", form: edited).status
                    == .seeOther)
            let revisions = try await learning.revisions(of: post.id)
            #expect(
                revisions.map(\.number) == [1, 2] && revisions[1].changes == ["title"]
                    && revisions[0].content.title == "Wave three announced")
            // Still scheduled: the first time is kept.
            #expect(try await app.fetch("/learning/posts/wave-three-announced/revisions").status == .notFound)
        }
    }

    @Test func digestsGoToTheOutboxOnceAndUnsubscribeInOneClick() async throws {
        try await TestApp.run { app in
            let people = try await People.make(in: app)
            #expect(
                try await people.send(
                    app, .member, .POST, "/account/subscriptions",
                    form: ["topic": "category:primary-and-community-care", "frequency": "weekly"]
                ).status == .ok)
            #expect(
                try await people.send(
                    app, .member, .POST, "/account/subscriptions", form: ["topic": "category:nowhere", "frequency": "weekly"]
                ).status == .badRequest)
            let member = people.accounts[.member]!
            let subscriptions = SubscriptionStore(on: app)
            let subscription = try #require(try await subscriptions.subscriptions(of: member.id).first)
            // Make the subscription a week old, then publish a case study into a category beneath the followed one.
            let record = try #require(try await SubscriptionRecord.find(subscription.id, on: app.db))
            record.createdAt = Date().addingTimeInterval(-8 * 86_400)
            try await record.save(on: app.db)
            try await FundingFlowTests.evidence(in: app)
            #expect(
                try await people.send(app, .siteLead, .POST, "/learning/posts/new", form: LearningFlowTests.caseStudy()).status == .seeOther
            )

            #expect(
                try await people.send(app, .programmeTeam, .POST, "/learning/digests/send").body.contains(
                    "Digests written to the outbox: 1."))
            #expect(try await DigestMail.sendDue(database: app.db, publicURL: "http://localhost:8080", at: Date()) == 0)
            let outbox = try await AccountStore(on: app).outbox()
            let digest = try #require(outbox.first { $0.subject.hasPrefix("Vanguard weekly digest") })
            #expect(digest.recipient == member.email)
            #expect(digest.subject == "Vanguard weekly digest: 1 new post in Primary and community care")
            #expect(digest.body.contains("Case study: Care home support in Wirral"))
            let token = try #require(try await subscriptions.token(of: subscription.id))
            #expect(digest.body.contains("/learning/unsubscribe/\(token)"))
            // Mail clients get RFC 8058's one-click address in the headers.
            #expect(digest.listUnsubscribe == "https://vanguard.test/learning/unsubscribe/\(token)/one-click")

            #expect(try await app.fetch("/learning/unsubscribe/\(token)").body.contains("Stop the digest of Primary and community care?"))
            #expect(
                try await app.send(
                    .POST, "/learning/unsubscribe/\(token)", cookies: [TestApp.cookies.csrf: People.csrf],
                    form: [CSRFMiddleware.fieldName: People.csrf]
                ).body.contains("You will receive no more digests of Primary and community care."))
            #expect(try await subscriptions.subscriptions(of: member.id).isEmpty)
            #expect(try await app.fetch("/learning/unsubscribe/\(token)").status == .notFound)
        }
    }
}

/// Events with places, innovations with their spread, and images checked by their bytes.
@Suite struct SpreadTests {
    static func eventForm(capacity: String = "2", vanguard: String = "1") -> [String: String] {
        let start = Date().addingTimeInterval(14 * 86_400)
        return [
            "kind": "open_day", "title": "Wirral care homes open day", "description": "See the **ward rounds**.",
            "starts_at": CalendarText.editable(start), "ends_at": CalendarText.editable(start.addingTimeInterval(3 * 3600)),
            "place": "Arrowe Park, Wirral", "link": "", "capacity": capacity, "vanguard": vanguard,
        ]
    }

    @Test func eventsTakeSignUpsUpToCapacityAndPublishACalendar() async throws {
        try await TestApp.run { app in
            let people = try await People.make(in: app)
            var bad = Self.eventForm(capacity: "0")
            bad["ends_at"] = bad["starts_at"]
            bad["link"] = "javascript:alert(1)"
            let refused = try await people.send(app, .siteLead, .POST, "/learning/events/new", form: bad)
            #expect(refused.status == .badRequest)
            #expect(
                refused.body.contains("The event must end after it starts")
                    && refused.body.contains("Give the number of places, from 1 to 10000")
                    && refused.body.contains("The joining link must be a web address starting https://"))
            #expect(
                try await people.send(app, .siteLead, .POST, "/learning/events/new", form: Self.eventForm(vanguard: "2")).body.contains(
                    "own vanguard only"))
            #expect(try await people.send(app, .siteLead, .POST, "/learning/events/new", form: Self.eventForm()).status == .seeOther)
            let event = try #require(try await EventStore(on: app).events().first?.event)
            let path = "/learning/events/\(event.id.uuidString)"

            #expect(try await people.send(app, .member, .POST, path + "/sign-up").body.contains("You have a place"))
            #expect(try await people.send(app, .member, .POST, path + "/sign-up").body.contains("You already have a place"))
            #expect(try await people.send(app, .assessor, .POST, path + "/sign-up").status == .ok)
            let full = try await people.send(app, .signatory, .POST, path + "/sign-up")
            #expect(full.status == .badRequest && full.body.contains("The event is full: all 2 places are taken"))
            #expect(try await app.fetch(path).body.contains("0 of 2 left"))
            #expect(try await people.send(app, .siteLead, .GET, path).body.contains("Who is coming (2)"))
            #expect(!(try await app.fetch(path).body.contains("Who is coming")))
            _ = try await people.send(app, .assessor, .POST, path + "/cancel")
            #expect(try await people.send(app, .signatory, .POST, path + "/sign-up").status == .ok)

            let calendar = try await app.fetch("/learning/events.ics")
            #expect(calendar.headers.first(name: .contentType) == "text/calendar; charset=utf-8")
            #expect(calendar.body.contains("SUMMARY:Open day: Wirral care homes open day\r\n"))
            #expect(calendar.body.contains("LOCATION:Arrowe Park\\, Wirral\r\n"))
            #expect(calendar.body.contains("UID:\(event.id.uuidString.lowercased())@vanguard\r\n"))
        }
    }

    @Test func anInnovationSpreadsAndItsAdoptersAreCompared() async throws {
        try await TestApp.run { app in
            let people = try await People.make(in: app)
            try await FundingFlowTests.evidence(in: app)
            let form = [
                "name": "Named GP for care homes", "summary": "Every care home has a named GP.", "care_model": "pacs", "vanguard": "1",
            ]
            #expect(
                try await people.send(app, .siteLead, .POST, "/learning/innovations", form: form.merging(["vanguard": "2"]) { $1 }).body
                    .contains("site leads add their own"))
            #expect(try await people.send(app, .siteLead, .POST, "/learning/innovations", form: form).status == .seeOther)
            #expect(try await people.send(app, .programmeTeam, .POST, "/learning/innovations", form: form).body.contains("already has"))

            // A case study names it and appears on its page.
            var study = LearningFlowTests.caseStudy()
            study["innovation"] = "not-in-the-catalogue"
            #expect(
                try await people.send(app, .siteLead, .POST, "/learning/posts/new", form: study).body.contains(
                    "is not in the innovations catalogue"))
            study["innovation"] = "named-gp-for-care-homes"
            #expect(try await people.send(app, .siteLead, .POST, "/learning/posts/new", form: study).status == .seeOther)

            // A member records an adoption elsewhere; bad ones name the field.
            let registry = try await RegistryStore(on: app).registry()
            let covered = Set(registry.footprints.map(\.areaCode))
            let outside = try #require(registry.areas.first { !covered.contains($0.code) })
            let future = try await people.send(
                app, .member, .POST, "/learning/innovations/named-gp-for-care-homes/adoptions",
                form: ["adopter": "Mid Notts", "area": outside.code, "adopted_on": "2099-01-01", "contact": "x@y"])
            #expect(future.status == .badRequest && future.body.contains("is in the future"))
            let recorded = try await people.send(
                app, .member, .POST, "/learning/innovations/named-gp-for-care-homes/adoptions",
                form: [
                    "adopter": "Mid Notts <b>CCG</b>", "area": outside.code, "adopted_on": "2015-05-01", "contact": "lead@example.nhs.uk",
                ])
            #expect(
                recorded.status == .ok && recorded.body.contains("Recorded: Mid Notts &lt;b&gt;CCG&lt;/b&gt; adopted it on 1 May 2015."))
            let page = try await app.fetch("/learning/innovations/named-gp-for-care-homes")
            #expect(page.body.contains("Care home support in Wirral"))
            #expect(page.body.contains("class=\"vg-area vg-fill--adopted\"") && page.body.contains("class=\"vg-area vg-fill--origin\""))
            #expect(page.body.contains("class=\"vg-curve\""))
            // The adopting area rose 1% (the evidence's area outside every vanguard); the originator fell 5%.
            #expect(page.body.contains("Adopters on the same measures"))
            #expect(page.body.contains("+1.0%") && page.body.contains("−5.0%"))
            #expect(try await app.fetch("/learning/innovations").body.contains("Named GP for care homes"))
            #expect(
                try await app.fetch("/vanguards/1").body.contains(
                    "<a href=\"/learning/innovations/named-gp-for-care-homes\">Named GP for care homes</a>"))
        }
    }

    @Test func imagesAreCheckedByTheirBytesAndServedAsWhatTheyAre() async throws {
        try await TestApp.run { app in
            let people = try await People.make(in: app)
            let store = LearningStore(on: app)
            let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]
            let id = try await store.saveImage(png, by: people.accounts[.siteLead]!.id)
            let served = try await app.fetch("/learning/images/\(id.uuidString)")
            #expect(served.status == .ok && served.headers.first(name: .contentType) == "image/png" && served.bytes == png)
            // An image never changes: kept or not, it says so (the page cache keeps the handler's caching).
            #expect(served.headers.first(name: .cacheControl) == "public, max-age=31536000, immutable")
            let again = try await app.fetch("/learning/images/\(id.uuidString)")
            #expect(again.headers.first(name: .cacheControl) == "public, max-age=31536000, immutable" && again.bytes == png)
            #expect(served.headers.first(name: "X-Content-Type-Options") == "nosniff")
            await #expect(throws: ValidationError.invalid(field: "image", reason: "This file is not a PNG, JPEG, GIF or WebP image")) {
                _ = try await store.saveImage(Array("<svg onload=alert(1)>".utf8), by: people.accounts[.siteLead]!.id)
            }
            // Through the form: a text file named .png is refused with the reason.
            let boundary = "XBOUNDARYX"
            let body =
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(CSRFMiddleware.fieldName)\"\r\n\r\n\(CSRFMiddleware.formToken(cookie: People.csrf, session: people.sessions[.siteLead]))\r\n--\(boundary)\r\nContent-Disposition: form-data; name=\"image\"; filename=\"cat.png\"\r\nContent-Type: image/png\r\n\r\n<script>alert(1)</script>\r\n--\(boundary)--\r\n"
            var headers = HTTPHeaders()
            headers.add(
                name: .cookie, value: "\(TestApp.cookies.csrf)=\(People.csrf); \(TestApp.cookies.session)=\(people.sessions[.siteLead]!)")
            headers.add(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
            try await app.testing().test(.POST, "/learning/images", headers: headers, body: ByteBuffer(string: body)) { response in
                #expect(response.status == .badRequest)
                #expect(response.body.string.contains("This file is not a PNG, JPEG, GIF or WebP image"))
            }
        }
    }
}

/// The member as a comment author, for driving the store directly.
enum TestAuthors {
    static func member(_ people: People) async throws -> CommentStore.Author {
        let account = people.accounts[.member]!
        return CommentStore.Author(
            id: account.id, name: account.displayName, role: "Member", organisation: nil, isModerator: false, actor: account.actor)
    }
}
