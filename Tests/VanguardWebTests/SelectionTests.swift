import Foundation
import Testing
import VanguardCore
import VanguardStore
import VaporTesting

@testable import VanguardWeb

/// Calls and applications through the web, as the programme team and applicants use them.
@Suite struct CallTests {
    static func form(opens: Date = Date().addingTimeInterval(-86_400), closes: Date = Date().addingTimeInterval(30 * 86_400)) -> [String:
        String]
    {
        [
            "title": "New care models: wave three",
            "description": "For partnerships ready to **redesign care**.\n\nSecond paragraph. <script>alert(1)</script>",
            "opens_at": CalendarText.editable(opens), "closes_at": CalendarText.editable(closes), "care_models": "pacs mcp",
            "questions": "What will change for patients? [300 words]\n(optional) Anything else?",
            "criteria": "Clinical engagement | 2 | 5 | Clinicians lead the design\nValue for money | 1 | 5",
        ]
    }

    @Test func theProgrammeTeamWritesACallThatEveryoneCanReadOnceOpen() async throws {
        try await TestApp.run { app in
            let people = try await People.make(in: app)
            // MUT
            let created = try await people.send(app, .programmeTeam, .POST, "/calls/new", form: Self.form())
            // validate
            #expect(created.status == .seeOther)
            let calls = try await SelectionStore(on: app).calls()
            let call = try #require(calls.first)
            #expect(created.location == "/calls/\(call.id.uuidString)")
            #expect(
                call.questions == [
                    CallQuestion(key: "q1", prompt: "What will change for patients?", isRequired: true, wordLimit: 300),
                    CallQuestion(key: "q2", prompt: "Anything else?", isRequired: false),
                ])
            #expect(call.criteria.map(\.weight) == [2, 1] && call.criteria[0].description == "Clinicians lead the design")
            #expect(call.careModels == [.pacs, .mcp])
            let page = try await app.fetch("/calls/\(call.id.uuidString)")
            #expect(page.status == .ok)
            #expect(
                page.body.contains("Clinical engagement") && page.body.contains("up to 300 words") && page.body.contains("Sign in to apply")
            )
            // The description is Markdown, shown rendered, and raw HTML in it stays text.
            #expect(page.body.contains("<p>For partnerships ready to <strong>redesign care</strong>.</p>"))
            #expect(!page.body.contains("<script>alert(1)") && !page.body.contains("**redesign care**"))
            #expect(try await app.fetch("/calls").body.contains("New care models: wave three"))
            let entry = try #require(try await AuditLog.entries(matching: .init(entity: "call"), on: app.db).first)
            #expect(entry.action == "create" && entry.after?["criteria"]?.contains("Value for money | 1 | 5") == true)
        }
    }

    @Test func aCallNotYetOpenIsTheProgrammeTeamsAlone() async throws {
        try await TestApp.run { app in
            let people = try await People.make(in: app)
            _ = try await people.send(app, .programmeTeam, .POST, "/calls/new", form: Self.form(opens: Date().addingTimeInterval(86_400)))
            let call = try #require(try await SelectionStore(on: app).calls().first)
            #expect(try await app.fetch("/calls/\(call.id.uuidString)").status == .notFound)
            #expect(try await people.send(app, .member, .GET, "/calls/\(call.id.uuidString)").status == .notFound)
            #expect(try await people.send(app, .programmeTeam, .GET, "/calls/\(call.id.uuidString)").status == .ok)
            #expect(!(try await app.fetch("/calls").body.contains("wave three")))
            #expect(try await people.send(app, .member, .POST, "/calls/\(call.id.uuidString)/apply").status == .notFound)
        }
    }

    @Test(arguments: [
        ("closes_at", "2015-01-01 09:00", "The call must close after it opens"),
        ("opens_at", "1 Jan 2015", "Give the opening time as YYYY-MM-DD HH:MM"),
        ("criteria", "Clinical engagement | two | 5", "Line 1: the weight \"two\" should be a number above 0"),
        ("criteria", "A | 1 | 5\nA | 1 | 5", "Line 2: \"A\" is already a criterion"),
        ("questions", "", "Ask applicants at least one question"),
        ("questions", "Why? [many words]", "Line 1: the word limit"),
        ("care_models", "pacs hospitals", "'hospitals' is not a care model"),
    ])
    func badCallsNameTheFieldAndSaveNothing(field: String, value: String, reason: String) async throws {
        try await TestApp.run { app in
            let people = try await People.make(in: app)
            var form = Self.form()
            form[field] = value
            let response = try await people.send(app, .programmeTeam, .POST, "/calls/new", form: form)
            #expect(response.status == .badRequest)
            #expect(response.body.contains(reason.htmlEscaped), "\(reason)")
            #expect(try await SelectionStore(on: app).calls().isEmpty)
            #expect(try await AuditLog.entries(matching: .init(entity: "call"), on: app.db).isEmpty)
        }
    }
}

@Suite struct ApplicationTests {
    static let complete: [String: String] = [
        "partnership_name": "Wirral Partners", "care_model": "mcp", "areas": "E38000208", "population": "320,000",
        "partners": "Wirral University Teaching Hospital | acute_trust | RBL\nWirral CCG | commissioner | 12F",
        "answer_q1": "Care closer to home.", "commitments": "emergency_admissions | -3.5",
        "sustainability": "£1,000,000", "transformation": "2500000",
    ]

    static func openCall(in app: Application, closes: Date = Date().addingTimeInterval(30 * 86_400)) async throws -> Call {
        let call = Call(
            id: UUID(), title: "Wave three", description: "", opensAt: Date().addingTimeInterval(-86_400), closesAt: closes,
            careModels: [.pacs, .mcp],
            questions: try CallText.questions("What will change for patients? [5 words]\n(optional) Anything else?"),
            criteria: try CallText.criteria("Clinical engagement | 2 | 5"))
        try await SelectionStore(on: app).create(call, by: .operatorAtCLI("test"))
        return call
    }

    static func start(_ call: Call, as kind: People.Kind, people: People, app: Application) async throws -> UUID {
        let started = try await people.send(app, kind, .POST, "/calls/\(call.id.uuidString)/apply")
        #expect(started.status == .seeOther)
        return try #require(UUID(uuidString: String((started.location ?? "").dropFirst("/applications/".count))))
    }

    @Test func aMemberDraftsThenSubmitsWhenNothingIsMissing() async throws {
        try await TestApp.run { app in
            let people = try await People.make(in: app)
            let call = try await Self.openCall(in: app)
            let id = try await Self.start(call, as: .member, people: people, app: app)
            let path = "/applications/\(id.uuidString)"
            let store = SelectionStore(on: app)
            // A partial draft saves.
            let saved = try await people.send(app, .member, .POST, path, form: ["partnership_name": "Wirral Partners", "intent": "save"])
            #expect(saved.status == .seeOther && saved.location == path + "?saved=1")
            #expect(try await store.application(id)?.content.partnershipName == "Wirral Partners")
            // Submitting it says exactly what is missing, keeps the draft, and leaves it a draft.
            var partial = Self.complete
            partial["population"] = ""
            partial["answer_q1"] = "far more than five words in this answer"
            partial["care_model"] = "uec"
            partial["intent"] = "submit"
            let refused = try await people.send(app, .member, .POST, path, form: partial)
            #expect(refused.status == .badRequest)
            for reason in [
                "Give the population served", "has 8 words; the limit is 5", "This call is for PACS, MCP, not UEC",
                "3 things need putting right",
            ] {
                #expect(refused.body.contains(reason.htmlEscaped), "\(reason)")
            }
            #expect(try await store.application(id)?.status == .draft)
            #expect(try await store.application(id)?.content.careModel == .uec)
            // MUT: the complete application
            var form = Self.complete
            form["intent"] = "submit"
            let submitted = try await people.send(app, .member, .POST, path, form: form)
            // validate
            #expect(submitted.status == .seeOther)
            let application = try #require(try await store.application(id))
            #expect(application.status == .submitted && application.submittedAt != nil)
            #expect(application.content.partners.map(\.odsCode) == ["RBL", "12F"])
            #expect(application.content.population == 320_000 && application.content.totalFundingPounds == 3_500_000)
            let page = try await people.send(app, .member, .GET, path)
            #expect(
                page.body.contains("Submitted, being assessed") && page.body.contains("£2,500,000")
                    && !page.body.contains("Submit application"))
            // A submitted application cannot change.
            let late = try await people.send(app, .member, .POST, path, form: form)
            #expect(late.status == .badRequest && late.body.contains("can no longer be changed"))
            let actions = try await AuditLog.entries(matching: .init(entity: "application"), on: app.db).map(\.action)
            #expect(Set(actions) == ["start", "save_draft", "submit"])
            #expect(try await people.send(app, .member, .GET, "/applications").body.contains("Wirral Partners"))
        }
    }

    @Test func onlyTheLeadAndTheProgrammeTeamSeeAnApplication() async throws {
        try await TestApp.run { app in
            let people = try await People.make(in: app)
            let call = try await Self.openCall(in: app)
            let id = try await Self.start(call, as: .member, people: people, app: app)
            let path = "/applications/\(id.uuidString)"
            #expect(try await people.send(app, .siteLead, .GET, path).status == .notFound)
            #expect(try await people.send(app, .siteLead, .POST, path, form: Self.complete).status == .notFound)
            #expect(try await people.send(app, .programmeTeam, .GET, path).status == .ok)
            // The programme team reads but does not write someone else's application.
            #expect(try await people.send(app, .programmeTeam, .POST, path, form: Self.complete).status == .forbidden)
            #expect(try await SelectionStore(on: app).application(id)?.content.partnershipName == "")
        }
    }

    @Test func nothingIsSubmittedAfterTheClose() async throws {
        try await TestApp.run { app in
            let people = try await People.make(in: app)
            var call = try await Self.openCall(in: app)
            let id = try await Self.start(call, as: .member, people: people, app: app)
            call.closesAt = Date().addingTimeInterval(-60)
            try await SelectionStore(on: app).update(call, by: .operatorAtCLI("test"))
            var form = Self.complete
            form["intent"] = "submit"
            let refused = try await people.send(app, .member, .POST, "/applications/\(id.uuidString)", form: form)
            #expect(refused.status == .badRequest && refused.body.contains("applications are locked"))
            #expect(try await SelectionStore(on: app).application(id)?.status == .draft)
            #expect(try await SelectionStore(on: app).application(id)?.content.partnershipName == "")
            // Nor can one be started.
            #expect(try await people.send(app, .siteLead, .POST, "/calls/\(call.id.uuidString)/apply").status == .badRequest)
            // The store refuses too, whoever calls it.
            await #expect(throws: ValidationError.self) {
                try await SelectionStore(on: app).submit(
                    id, at: Date(), knownAreas: ["E38000208"], knownMetrics: ["emergency_admissions"], by: .operatorAtCLI("test"))
            }
        }
    }

    @Test(arguments: [
        ("partners", "Just a name", "Line 1: write name | sector | ODS code"),
        ("partners", "Trust | hospital", "Line 1: \"hospital\" is not a sector"),
        ("partners", "Trust | acute_trust | R-1", "is not an ODS code"),
        ("sustainability", "-5", "The amount cannot be negative"),
        ("transformation", "lots", "should be an amount in whole pounds"),
        ("commitments", "emergency_admissions | fewer", "should be a change in per cent"),
        ("population", "many", "should be a whole number of people"),
    ])
    func badFieldsAreNamedAndNothingIsSaved(field: String, value: String, reason: String) async throws {
        try await TestApp.run { app in
            let people = try await People.make(in: app)
            let call = try await Self.openCall(in: app)
            let id = try await Self.start(call, as: .member, people: people, app: app)
            var form = Self.complete
            form[field] = value
            form["intent"] = "save"
            let response = try await people.send(app, .member, .POST, "/applications/\(id.uuidString)", form: form)
            #expect(response.status == .badRequest)
            #expect(response.body.contains(reason.htmlEscaped), "\(reason)")
            #expect(response.body.contains("Nothing was saved"))
            #expect(try await SelectionStore(on: app).application(id)?.content == ApplicationContent(careModel: nil))
        }
    }

    @Test func questionsAndCriteriaAreFixedOnceAnApplicationIsIn() async throws {
        try await TestApp.run { app in
            let people = try await People.make(in: app)
            var call = try await Self.openCall(in: app)
            let id = try await Self.start(call, as: .member, people: people, app: app)
            var form = Self.complete
            form["intent"] = "submit"
            #expect(try await people.send(app, .member, .POST, "/applications/\(id.uuidString)", form: form).status == .seeOther)
            var edit = CallTests.form()
            edit["criteria"] = "Something new | 1 | 5"
            let refused = try await people.send(app, .programmeTeam, .POST, "/calls/\(call.id.uuidString)/edit", form: edit)
            #expect(refused.status == .badRequest && refused.body.contains("1 application has been submitted"))
            call = try #require(try await SelectionStore(on: app).call(call.id))
            #expect(call.criteria.map(\.name) == ["Clinical engagement"])
        }
    }
}

extension String {
    /// As Plot writes text into a page.
    var htmlEscaped: String {
        replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}
