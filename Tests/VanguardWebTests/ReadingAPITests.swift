import Foundation
import Testing
import VanguardCore
import VanguardStore
import VaporTesting

@testable import VanguardWeb

/// The API reads what the pages show: calls with their funnels, posts, events, innovations with
/// their adoptions, and a vanguard's evaluations, with the same figures as the pages.
@Suite struct ReadingAPITests {
    @Test func callsShowTheirFunnelOnceClosed() async throws {
        try await TestApp.run { app in
            let people = try await People.make(in: app)
            #expect(try await people.send(app, .programmeTeam, .POST, "/calls/new", form: CallTests.form()).status == .seeOther)
            let upcoming = CallTests.form(opens: Date().addingTimeInterval(86_400), closes: Date().addingTimeInterval(2 * 86_400))
            #expect(
                try await people.send(app, .programmeTeam, .POST, "/calls/new", form: upcoming.merging(["title": "Not yet"]) { $1 }).status
                    == .seeOther)
            let calls = try #require(
                try JSONSerialization.jsonObject(with: Data(try await app.fetch("/api/v1/calls").body.utf8)) as? [[String: Any]])
            // The call not yet open is the programme team's alone, here as on the pages.
            #expect(
                calls.count == 1 && calls[0]["title"] as? String == "New care models: wave three" && calls[0]["phase"] as? String == "open")
            #expect(calls[0]["funnel"] is NSNull && calls[0]["care_models"] as? [String] == ["pacs", "mcp"])
            let id = try #require(calls[0]["id"] as? String)
            #expect(try await app.fetch("/api/v1/calls/\(id)").json()["title"] as? String == "New care models: wave three")

            // A call that has closed publishes its funnel: Wirral selected, Fylde a fast follower, Notts not.
            let (open, applications, _) = try await SelectionFlowTests.submitted(in: app)
            let store = SelectionStore(on: app)
            try await store.setShortlisted(applications[0].id, true, by: .operatorAtCLI("test"))
            _ = try await store.decide(
                applications[2].id, outcome: .notSelected, waveName: nil, announcedOn: nil, feedback: "Not this time.",
                by: .operatorAtCLI("test"))
            var closed = open
            closed.closesAt = Date().addingTimeInterval(-60)
            try await store.update(closed, by: .operatorAtCLI("test"))
            let detail = try await app.fetch("/api/v1/calls/\(closed.id.uuidString)").json()
            let funnel = try #require(detail["funnel"] as? [String: Any])
            #expect(funnel["totals"] as? [String: Int] == ["started": 3, "applied": 3, "shortlisted": 1, "selected": 0])
            #expect((funnel["by_care_model"] as? [String: [String: Int]])?["applied"] == ["mcp": 3])
            #expect(try await app.fetch("/api/v1/calls/\(UUID().uuidString)").status == .notFound)
        }
    }

    @Test func postsEventsAndInnovationsReadAsTheirPagesShowThem() async throws {
        try await TestApp.run { app in
            let people = try await People.make(in: app)
            try await FundingFlowTests.evidence(in: app)
            let form = [
                "name": "Named GP for care homes", "summary": "Every care home has a named GP.", "care_model": "pacs", "vanguard": "1",
            ]
            #expect(try await people.send(app, .siteLead, .POST, "/learning/innovations", form: form).status == .seeOther)
            var study = LearningFlowTests.caseStudy()
            study["innovation"] = "named-gp-for-care-homes"
            #expect(try await people.send(app, .siteLead, .POST, "/learning/posts/new", form: study).status == .seeOther)
            #expect(try await people.send(app, .siteLead, .POST, "/learning/events/new", form: SpreadTests.eventForm()).status == .seeOther)
            let registry = try await RegistryStore(on: app).registry()
            let covered = Set(registry.footprints.map(\.areaCode))
            let outside = try #require(registry.areas.first { !covered.contains($0.code) })
            #expect(
                try await people.send(
                    app, .member, .POST, "/learning/innovations/named-gp-for-care-homes/adoptions",
                    form: ["adopter": "Mid Notts", "area": outside.code, "adopted_on": "2015-05-01", "contact": "lead@example.nhs.uk"]
                ).status == .ok)

            let posts = try #require(
                try JSONSerialization.jsonObject(with: Data(try await app.fetch("/api/v1/posts?kind=case_study").body.utf8))
                    as? [[String: Any]])
            #expect(
                posts.count == 1 && posts[0]["title"] as? String == "Care home support in Wirral"
                    && posts[0]["vanguard_number"] as? Int == 1)
            let html = try #require(posts[0]["html"] as? [String: String])
            #expect(html["what_changed"] == "<p>Weekly ward rounds by a named GP.</p>\n")
            #expect(
                html["body"]?.contains("<script>") == false
                    && (posts[0]["markdown"] as? [String: String])?["body"]?.contains("<script>") == true)
            #expect(try await app.fetch("/api/v1/posts?kind=blog").body == "[]")
            let badKind = try await app.fetch("/api/v1/posts?kind=diary")
            #expect(badKind.status == .badRequest && badKind.body.contains("kind"))
            let slug = try #require(posts[0]["slug"] as? String)
            #expect(try await app.fetch("/api/v1/posts/\(slug)").json()["innovation"] as? String == "named-gp-for-care-homes")

            let events = try #require(
                try JSONSerialization.jsonObject(with: Data(try await app.fetch("/api/v1/events").body.utf8)) as? [[String: Any]])
            #expect(
                events.count == 1 && events[0]["places_left"] as? Int == 2
                    && events[0]["description_html"] as? String == "<p>See the <strong>ward rounds</strong>.</p>\n")

            let innovation = try await app.fetch("/api/v1/innovations/named-gp-for-care-homes").json()
            let adoptions = try #require(innovation["adoptions"] as? [[String: Any]])
            #expect(
                adoptions.count == 1 && adoptions[0]["area_code"] as? String == outside.code
                    && adoptions[0]["adopted_on"] as? String == "2015-05-01")
            // Contacts are for people reading the page, not for harvesting in bulk.
            #expect(adoptions[0]["contact"] == nil)
            #expect(try await app.fetch("/api/v1/innovations/none").status == .notFound)
        }
    }

    @Test func aVanguardsEvaluationsAreTheDashboardsFigures() async throws {
        try await TestApp.run { app in
            try await FundingFlowTests.evidence(in: app)
            let body = try await app.fetch("/api/v1/vanguards/1/evaluations").body
            let metrics = try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [[String: Any]])
            let admissions = try #require(metrics.first { $0["metric_code"] as? String == "emergency_admissions" })
            let points = try #require(admissions["points"] as? [[String: Any]])
            #expect(points.count == 24 && points[0]["period"] as? String == "2014-04" && points[0]["numerator"] as? Double == 1000)
            #expect(points[12]["numerator"] as? Double == 950 && points[0]["rest_of_england_rate"] is Double)
            #expect(admissions["data"] as? String == "returned")
            // The CSV carries the same rates.
            let csv = try await app.fetch("/vanguards/1/dashboard.csv").body
            let rate = try #require(points[0]["rate"] as? Double)
            #expect(csv.contains(",2014-04,1000.0,320000.0,\(rate),"))
            #expect(try await app.fetch("/api/v1/vanguards/999/evaluations").status == .notFound)
        }
    }
}
