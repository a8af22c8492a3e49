import Foundation
import Testing

@testable import VanguardCore

@Suite("Markdown is rendered and made safe")
struct SafeMarkdownTests {
    @Test func rendersOrdinaryMarkdown() {
        let html = SafeMarkdown.html(
            from: "# Results\n\nAdmissions fell by **5%** — see [the report](https://example.org/r?a=1&b=2).\n\n- one\n- two"
        ).html
        #expect(
            html
                == "<h1>Results</h1>\n<p>Admissions fell by <strong>5%</strong> — see <a href=\"https://example.org/r?a=1&amp;b=2\">the report</a>.</p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n"
        )
    }

    @Test func rawScriptBecomesVisibleText() {
        let html = SafeMarkdown.html(from: "Hello <script>alert('x')</script> there").html
        #expect(!html.contains("<script"))
        #expect(html.contains("&lt;script>alert('x')&lt;/script&gt;") || html.contains("&lt;script&gt;"))
    }

    @Test func eventHandlersAndStylesAreDropped() {
        let html = SafeMarkdown.html(
            from: "<p onclick=\"steal()\" style=\"x\">Hi</p> <img src=\"/uploads/a.png\" onerror=\"steal()\" alt=\"A\">"
        ).html
        #expect(!html.contains("onclick"))
        #expect(!html.contains("onerror"))
        #expect(!html.contains("style"))
        #expect(html.contains("<img src=\"/uploads/a.png\" alt=\"A\">"))
    }

    @Test(arguments: [
        "javascript:alert(1)", "JaVaScRiPt:alert(1)", "java\tscript:alert(1)", "&#106;avascript:alert(1)",
        "&#x6A;avascript:alert(1)", "data:text/html;base64,PHNjcmlwdD4=", "vbscript:msgbox", " javascript:alert(1)",
        "javascript&colon;alert(1)",
    ])
    func dangerousURLsAreRefused(url: String) {
        #expect(!HTMLAllowlist.isSafeURL(url))
        let result = HTMLAllowlist.sanitise("<a href=\"\(url)\">x</a>")
        #expect(result.html == "<a>x</a>")
        #expect(result.refusedURLs == [url])
    }

    @Test(arguments: [
        "https://www.england.nhs.uk/vanguards/", "http://example.org", "mailto:team@example.org", "/vanguards/1", "#results", "report.pdf",
        "page?x=a:b",
    ])
    func safeURLsAreKept(url: String) {
        #expect(HTMLAllowlist.isSafeURL(url))
    }

    @Test func markdownLinkWithJavascriptIsReported() {
        let result = SafeMarkdown.html(from: "[click](javascript:alert(document.cookie))")
        #expect(!result.html.contains("javascript"))
        #expect(result.refusedURLs.count == 1)
    }

    @Test func unclosedTagsAreClosedAndStrayClosingTagsDropped() {
        #expect(HTMLAllowlist.sanitise("<strong>bold <em>both").html == "<strong>bold <em>both</em></strong>")
        #expect(HTMLAllowlist.sanitise("text</strong></em>").html == "text")
        #expect(HTMLAllowlist.sanitise("text</div>").html == "text&lt;/div&gt;")
        #expect(HTMLAllowlist.sanitise("<ul><li>a</ul>").html == "<ul><li>a</li></ul>")
    }

    @Test func commentsAndUnknownTagsShowAsText() {
        #expect(
            HTMLAllowlist.sanitise("<!-- x --><iframe src=\"https://e.org\"></iframe>").html
                == "&lt;!-- x --&gt;&lt;iframe src=\"https://e.org\"&gt;&lt;/iframe&gt;")
        #expect(HTMLAllowlist.sanitise("a < b > c").html == "a &lt; b &gt; c")
    }

    @Test func attributeValuesAreReEscaped() {
        #expect(HTMLAllowlist.sanitise("<a href='/x\"onmouseover=\"y'>z</a>").html == "<a href=\"/x&quot;onmouseover=&quot;y\">z</a>")
        #expect(
            HTMLAllowlist.sanitise("<code class=\"language-swift\">x</code><code class=\"evil x\">y</code>").html
                == "<code class=\"language-swift\">x</code><code>y</code>")
    }

    @Test func plainTextDropsMarkup() {
        #expect(SafeMarkdown.plainText(from: "# Title\n\nSome *emphasis* & [a link](/x).") == "Title Some emphasis & a link .")
    }
}

@Suite("Posts, categories and case studies")
struct PostContentTests {
    let metrics: Set<String> = ["emergency_admissions", "ae_attendances"]
    let categories = Set(PostCategory.starting.map(\.slug))

    func caseStudy(metrics: [String] = ["emergency_admissions"], vanguard: Int? = 7) -> PostContent {
        PostContent(
            kind: .caseStudy, title: "Care home support", summary: "Fewer admissions", body: "",
            caseStudy: CaseStudyParts(
                problem: "Too many admissions", whatChanged: "A named GP per home", results: "Down 5%", cost: "£1.2m",
                contacts: "team@example.org"),
            vanguardNumber: vanguard, categorySlugs: ["care-homes"], careModels: [.ehch], metricCodes: metrics)
    }

    @Test func aCompleteCaseStudyHasNoProblems() {
        #expect(caseStudy().problems(knownMetrics: metrics, knownCategories: categories).isEmpty)
    }

    @Test func aCaseStudyNamesItsVanguardMetricsAndEveryPart() {
        var content = caseStudy(metrics: [], vanguard: nil)
        content.caseStudy?.cost = " "
        let fields = content.problems(knownMetrics: metrics, knownCategories: categories).map(\.field)
        #expect(fields == ["vanguard", "metrics", "cost"])
        #expect(
            caseStudy(metrics: ["made_up"]).problems(knownMetrics: metrics, knownCategories: categories).map(\.reason)
                == ["'made_up' is not a metric in the framework"])
    }

    @Test func overLongPostsAndDangerousLinksAreRefused() {
        let long = PostContent(
            kind: .blog, title: String(repeating: "t", count: 201), summary: "", body: String(repeating: "a", count: 100_001))
        #expect(long.problems(knownMetrics: [], knownCategories: []).map(\.field) == ["title", "body"])
        let link = PostContent(kind: .news, title: "News", summary: "", body: "[x](javascript:alert(1))", categorySlugs: ["nowhere"])
        let problems = link.problems(knownMetrics: [], knownCategories: categories)
        #expect(problems.map(\.field) == ["body", "categories"])
        #expect(problems[0].reason.contains("javascript:alert(1)"))
    }

    @Test func changesAreNamed() {
        var edited = caseStudy()
        edited.title = "New title"
        edited.caseStudy?.results = "Down 6%"
        #expect(edited.changes(from: caseStudy()) == ["title", "case study parts"])
    }

    @Test func slugsAreReadable() {
        #expect(Post.slug(from: "Care homes: what worked — in Wirral!") == "care-homes-what-worked-in-wirral")
        #expect(Post.slug(from: "???") == "post")
    }

    @Test func categoriesNest() {
        let tree = CategoryTree(PostCategory.starting)
        #expect(tree.label("commissioning-vanguard") == "Commissioning and Procurement › Vanguard")
        #expect(
            tree.descendants(of: "commissioning-and-procurement") == [
                "commissioning-and-procurement", "commissioning-vanguard", "contracting",
            ])
        #expect(tree.problem(adding: PostCategory(slug: "x", name: "X", parentSlug: "missing"))?.field == "parent")
        #expect(tree.problem(adding: PostCategory(slug: "acute", name: "Acute", parentSlug: nil))?.field == "name")
        #expect(tree.problem(adding: PostCategory(slug: "frailty", name: "Frailty", parentSlug: "acute")) == nil)
    }

    @Test func scheduledPostsAreHiddenUntilTheirTime() {
        let now = Date(timeIntervalSince1970: 1_000_000)
        let post = Post(
            id: UUID(), slug: "s", status: .published, publishAt: now.addingTimeInterval(60), authorID: UUID(), authorName: "A",
            createdAt: now, updatedAt: now, revision: 1, content: caseStudy())
        #expect(!post.isVisible(at: now))
        #expect(post.isScheduled(at: now))
        #expect(post.isVisible(at: now.addingTimeInterval(60)))
    }
}

@Suite("Comments are moderated")
struct CommentModerationTests {
    @Test func newMembersFirstCommentIsHeld() {
        #expect(
            CommentModeration.initialStatus(body: "Great work", authorHasShownComment: false, authorIsModerator: false) == (
                .held, "A new member's first comment"
            ))
        #expect(CommentModeration.initialStatus(body: "Great work", authorHasShownComment: true, authorIsModerator: false).0 == .shown)
        #expect(CommentModeration.initialStatus(body: "Great work", authorHasShownComment: false, authorIsModerator: true).0 == .shown)
    }

    @Test func blockedWordsHoldAnyone() {
        let result = CommentModeration.initialStatus(body: "Cheap VIAGRA here", authorHasShownComment: true, authorIsModerator: true)
        #expect(result.0 == .held)
        #expect(result.reason == "Contains a blocked word (viagra)")
        #expect(CommentModeration.blockedWord(in: "Scunthorpe's casinos", from: CommentModeration.startingBlockedWords) == nil)
        #expect(CommentModeration.blockedWord(in: "A great LOAN  offer!", from: ["loan offer"]) == "loan offer")
    }

    @Test func emptyAndOverLongCommentsAreRefused() {
        #expect(CommentModeration.problem(with: "  \n") == .invalid(field: "body", reason: "Write a comment"))
        #expect(CommentModeration.problem(with: String(repeating: "a", count: 5_001))?.field == "body")
        #expect(CommentModeration.problem(with: "Fine") == nil)
    }

    @Test func decisionsFollowTheStatus() {
        #expect(CommentModeration.Decision.approve.resultingStatus(from: .held) == .shown)
        #expect(CommentModeration.Decision.approve.resultingStatus(from: .hidden) == .shown)
        #expect(CommentModeration.Decision.reject.resultingStatus(from: .held) == .rejected)
        #expect(CommentModeration.Decision.reject.resultingStatus(from: .shown) == nil)
        #expect(CommentModeration.Decision.hide.resultingStatus(from: .shown) == .hidden)
        #expect(CommentModeration.Decision.hide.resultingStatus(from: .rejected) == nil)
    }

    @Test func authorsEditForTenMinutes() {
        let author = UUID()
        let posted = Date(timeIntervalSince1970: 0)
        let comment = Comment(
            id: UUID(), number: 1, postID: UUID(), parentNumber: nil, authorID: author, authorName: "A", authorRole: "Member",
            authorOrganisation: nil, body: "x", status: .shown, statusReason: nil, createdAt: posted, editedAt: nil, flagCount: 0)
        #expect(comment.canBeEdited(by: author, at: posted.addingTimeInterval(600)))
        #expect(!comment.canBeEdited(by: author, at: posted.addingTimeInterval(601)))
        #expect(!comment.canBeEdited(by: UUID(), at: posted))
    }
}

@Suite("Feeds, digests and search queries")
struct FollowingTests {
    @Test func atomFeedEscapesAndDatesInUTC() {
        let date = Date(timeIntervalSince1970: 1_449_000_000)
        let feed = AtomFeed(
            id: "https://v.example/learning/feed.atom", title: "Posts & <news>", selfURL: "https://v.example/learning/feed.atom",
            pageURL: "https://v.example/learning", emptyUpdated: date,
            entries: [
                .init(
                    id: "urn:uuid:1", title: "A \"quoted\" title", url: "https://v.example/p", published: date, updated: date,
                    authorName: "Ann", summary: "", contentHTML: "<p>x &amp; y</p>", categories: [("ehch", "EHCH")])
            ])
        let xml = feed.xml
        #expect(xml.contains("<title>Posts &amp; &lt;news&gt;</title>"))
        #expect(xml.contains("<updated>2015-12-01T20:00:00Z</updated>"))
        #expect(xml.contains("<content type=\"html\">&lt;p&gt;x &amp;amp; y&lt;/p&gt;</content>"))
        #expect(xml.contains("<title>A &quot;quoted&quot; title</title>"))
        #expect(!xml.contains("<summary>"))
        #expect(AtomFeed.escape("a\u{0}b\u{1B}c") == "abc")
    }

    @Test func digestListsNewPostsNewestFirst() throws {
        let early = Date(timeIntervalSince1970: 100)
        let late = Date(timeIntervalSince1970: 200)
        let digest = try #require(
            Digest.compose(
                recipientName: "Ann", topicName: "Care homes", frequency: .weekly,
                items: [
                    .init(title: "Old", kind: .news, summary: "", url: "https://v/1", publishedAt: early),
                    .init(title: "New", kind: .caseStudy, summary: "Fewer falls", url: "https://v/2", publishedAt: late),
                ],
                manageURL: "https://v/account/subscriptions", unsubscribeURL: "https://v/u/abc"))
        #expect(digest.subject == "Vanguard weekly digest: 2 new posts in Care homes")
        #expect(digest.body.contains("Case study: New\nFewer falls\nhttps://v/2\n\nNews: Old\nhttps://v/1\n"))
        #expect(digest.body.contains("one click: https://v/u/abc"))
        #expect(
            Digest.compose(recipientName: "Ann", topicName: "x", frequency: .daily, items: [], manageURL: "", unsubscribeURL: "") == nil)
    }

    @Test func subscriptionsFollowTheirTopic() {
        let tree = CategoryTree(PostCategory.starting)
        let start = Date(timeIntervalSince1970: 0)
        let byCategory = Subscription(
            id: UUID(), accountID: UUID(), topic: .category("acute"), frequency: .daily, createdAt: start, lastSentAt: nil)
        let content = PostContent(
            kind: .news, title: "t", summary: "", body: "b", vanguardNumber: 3, categorySlugs: ["acute-collaboration"])
        #expect(byCategory.follows(content, categories: tree))
        #expect(
            !Subscription(id: UUID(), accountID: UUID(), topic: .vanguard(4), frequency: .daily, createdAt: start, lastSentAt: nil).follows(
                content, categories: tree))
        #expect(!byCategory.isDue(at: start.addingTimeInterval(86_399)))
        #expect(byCategory.isDue(at: start.addingTimeInterval(86_400)))
        #expect(SubscriptionTopic(key: "vanguard:12") == .vanguard(12))
        #expect(SubscriptionTopic(key: "category:care-homes") == .category("care-homes"))
        #expect(SubscriptionTopic(key: "vanguard:x") == nil)
    }

    @Test func queriesKeepOnlyWords() {
        #expect(SearchQuery("Care-homes AND \"falls\" OR NEAR(x) care*").terms == ["care", "homes", "and", "falls", "or", "near", "x"])
        #expect(SearchQuery("  !!! ").isEmpty)
    }

    @Test func markedSnippetsSplitIntoPieces() {
        let marked = "fewer \(SearchHit.matchStart)falls\(SearchHit.matchEnd) in homes"
        #expect(
            SearchHit.pieces(fromMarked: marked) == [
                .init(text: "fewer ", isMatch: false), .init(text: "falls", isMatch: true), .init(text: " in homes", isMatch: false),
            ])
    }
}

@Suite("Events, innovations and images")
struct EventsAndAdoptionTests {
    let start = Date(timeIntervalSince1970: 1_476_264_600)  // 12 October 2016, 09:30 UTC

    func event(place: String? = "Wirral", link: String? = nil, capacity: Int = 30, hours: Double = 2) -> ProgrammeEvent {
        ProgrammeEvent(
            id: UUID(), kind: .openDay, title: "Open day", description: "Come and see", startsAt: start,
            endsAt: start.addingTimeInterval(hours * 3600), place: place, link: link, capacity: capacity, vanguardNumber: 1)
    }

    @Test func eventsNeedAPlaceATimeAndPlaces() {
        #expect(event().problems.isEmpty)
        #expect(event(place: nil, link: nil).problems.map(\.field) == ["place"])
        #expect(event(place: nil, link: "javascript:alert(1)").problems.map(\.field) == ["link"])
        #expect(event(capacity: 0, hours: -1).problems.map(\.field) == ["ends_at", "capacity"])
        #expect(event(place: nil, link: "https://meet.example.nhs.uk/x").problems.isEmpty)
        // The README promises https only: plain http is refused, as are addresses with no host.
        for link in [
            "http://meet.example.nhs.uk/x", "HTTP://meet.example.nhs.uk/x", "https://", "https:meet", "ftp://meet.example.nhs.uk",
            "https://meet example",
        ] {
            #expect(
                event(place: "Wirral", link: link).problems.map(\.reason) == ["The joining link must be a web address starting https://"],
                "\(link)")
        }
    }

    @Test func iCalendarEscapesFoldsAndUsesUTC() {
        let text = ICalendar.calendar(
            name: "Vanguard events",
            events: [
                .init(
                    uid: "abc@vanguard", summary: "Open day; care homes, Wirral", description: "Line one\nLine two \\ end", startsAt: start,
                    endsAt: start.addingTimeInterval(7200), location: nil, url: "https://v.example/e", updatedAt: start)
            ])
        #expect(text.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"))
        #expect(text.contains("\r\nDTSTART:20161012T093000Z\r\nDTEND:20161012T113000Z\r\n"))
        #expect(text.contains("SUMMARY:Open day\\; care homes\\, Wirral\r\n"))
        #expect(text.contains("DESCRIPTION:Line one\\nLine two \\\\ end\r\n"))
        #expect(text.hasSuffix("END:VEVENT\r\nEND:VCALENDAR\r\n"))
        let long = ICalendar.calendar(name: String(repeating: "é", count: 60), events: [])
        for line in long.components(separatedBy: "\r\n") { #expect(line.utf8.count <= 75) }
        #expect(long.contains("\r\n é"))
    }

    @Test func adoptionsNeedAnAreaADateAndAContact() {
        let today = CalendarDate(year: 2017, month: 6, day: 1)
        #expect(
            Adoption.problems(
                adopter: "Mid Notts", areaCode: "E1", knownAreas: ["E1"], adoptedOn: CalendarDate(year: 2016, month: 3, day: 1),
                today: today, contact: "a@b"
            ).isEmpty)
        #expect(
            Adoption.problems(
                adopter: " ", areaCode: "E9", knownAreas: ["E1"], adoptedOn: CalendarDate(year: 2018, month: 1, day: 1),
                today: today, contact: ""
            ).map(\.field) == ["adopter", "area", "adopted_on", "contact"])
    }

    @Test func theAdoptionCurveCountsUpByMonth() {
        func adoption(_ year: Int, _ month: Int) -> Adoption {
            Adoption(
                id: UUID(), innovationSlug: "x", adopter: "A", organisationSlug: nil, areaCode: "E1",
                adoptedOn: CalendarDate(year: year, month: month, day: 10), contact: "c", recordedBy: UUID())
        }
        let curve = AdoptionCurve([adoption(2016, 3), adoption(2016, 5), adoption(2016, 5)], through: Month(year: 2016, month: 6))
        #expect(curve.points.map(\.cumulative) == [1, 1, 3, 3])
        #expect(curve.points.first?.month == Month(year: 2016, month: 3))
        #expect(AdoptionCurve([], through: Month(year: 2016, month: 6)).points.isEmpty)
    }

    @Test func imagesAreKnownByTheirBytes() throws {
        #expect(try PostImage.check([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0]) == .png)
        #expect(try PostImage.check([0xFF, 0xD8, 0xFF, 0xE0]) == .jpeg)
        #expect(try PostImage.check(Array("GIF89a....".utf8)) == .gif)
        #expect(try PostImage.check(Array("RIFF\0\0\0\0WEBPVP8 ".utf8)) == .webp)
        #expect(throws: ValidationError.invalid(field: "image", reason: "This file is not a PNG, JPEG, GIF or WebP image")) {
            try PostImage.check(Array("<svg onload=alert(1)>".utf8))
        }
        #expect(throws: ValidationError.self) { try PostImage.check([UInt8](repeating: 0xFF, count: PostImage.maximumBytes + 1)) }
    }
}

/// Rendering is linear in the length of the text for every family of adversarial input: eight
/// times the text takes about eight times as long (a quadratic renderer takes sixty-four). A ratio
/// measured within one run, not a time limit; each figure is the best of five, so other tests
/// running at the same time do not decide it.
@Suite("Markdown renders in linear time") struct MarkdownLinearityTests {
    static func seconds(_ text: String) -> Double {
        Stopwatch.bestSeconds(of: 5) { _ = SafeMarkdown.html(from: text) }
    }

    @Test(arguments: [AdversarialMarkdown.prose] + AdversarialMarkdown.families)
    func eightTimesTheTextTakesAboutEightTimesAsLong(family: AdversarialMarkdown.Family) {
        let small = Self.seconds(family.text(length: 12_500))
        let large = Self.seconds(family.text(length: 100_000))
        // Linear is 8; quadratic, 64. The slack is for a busy machine and fixed costs.
        #expect(large / max(small, 1e-6) < 32, "\(family.name): \(small) s for 12.5 KB, \(large) s for 100 KB")
    }

    @Test func theReviewsInputIsShownAsText() {
        let html = SafeMarkdown.html(from: AdversarialMarkdown.families[0].text(length: 99_000)).html
        #expect(html.hasPrefix("<p>&lt;a &lt;a "))
        #expect(!html.contains("<a"))
    }
}
