import Foundation
import Testing
import VanguardCore
import VanguardStore
import VaporTesting

@testable import VanguardWeb

/// A call from submitted applications to decisions, through the pages each person uses.
@Suite struct SelectionFlowTests {
    /// An extra signed-in person, for flows that need more assessors than `People` has.
    struct Person {
        let account: Account
        let session: String

        static func make(_ name: String, role: Role?, scope: Scope? = nil, in app: Application) async throws -> Person {
            let store = AccountStore(on: app)
            let account = try await store.createAccount(
                email: try EmailAddress("\(name)@example.nhs.uk"), displayName: name.capitalized, organisation: nil,
                passwordHash: try await app.password.async.hash(People.password).get(), confirmed: true,
                grants: try role.map { [try RoleGrant(role: $0, scope: scope)] } ?? [], by: .operatorAtCLI("test")
            )
            let secret = Secrets.make()
            try await store.createSession(secretHash: Secrets.hash(secret), for: account.id, lifetime: 3600)
            return Person(account: account, session: secret)
        }

        func send(_ app: Application, _ method: HTTPMethod, _ path: String, form: [String: String] = [:]) async throws -> Fetched {
            let cookies = [TestApp.cookies.csrf: People.csrf, TestApp.cookies.session: session]
            if method == .GET { return try await app.send(.GET, path, cookies: cookies) }
            return try await app.send(method, path, cookies: cookies, form: form.merging([CSRFMiddleware.fieldName: People.csrf]) { $1 })
        }
    }

    static let criteria = "Clinical engagement | 2 | 5\nValue for money | 1 | 10"

    /// An open call and three submitted applications, each led by its own person.
    static func submitted(in app: Application) async throws -> (Call, [CallApplication], [Person]) {
        let call = Call(
            id: UUID(), title: "Wave four", description: "", opensAt: Date().addingTimeInterval(-86_400),
            closesAt: Date().addingTimeInterval(86_400),
            careModels: [.pacs, .mcp], questions: try CallText.questions("Why?"), criteria: try CallText.criteria(criteria))
        let store = SelectionStore(on: app)
        try await store.create(call, by: .operatorAtCLI("test"))
        var applications: [CallApplication] = []
        var leads: [Person] = []
        let bids: [(String, String, String)] = [
            ("Wirral Partners", "E38000208", "Wirral CCG"), ("Fylde Coast", "E38000226", "Blackpool CCG"),
            ("Mid Notts", "E38000142", "Mansfield CCG"),
        ]
        for (index, bid) in bids.enumerated() {
            let lead = try await Person.make("lead\(index)", role: nil, in: app)
            let content = ApplicationContent(
                partnershipName: bid.0, careModel: .mcp, areaCodes: [bid.1], population: 300_000,
                partners: [
                    ProposedPartner(name: bid.2, sector: .commissioner, odsCode: nil),
                    ProposedPartner(name: "\(bid.0) GP Federation", sector: .primaryCare, odsCode: nil),
                ],
                answers: ["q1": "Because."], commitments: [MetricCommitment(metricCode: "emergency_admissions", changePercent: -3)],
                sustainabilityPounds: 0, transformationPounds: 1_000_000
            )
            var application = try await store.startApplication(to: call, lead: lead.account.id, content: content, by: lead.account.actor)
            try await store.submit(
                application.id, at: Date(), knownAreas: [bid.1], knownMetrics: ["emergency_admissions"], by: lead.account.actor)
            application = try #require(try await store.application(application.id))
            applications.append(application)
            leads.append(lead)
        }
        return (call, applications, leads)
    }

    static func score(_ person: Person, _ task: Assessment, _ engagement: Int, _ value: Int, app: Application) async throws -> Fetched {
        try await person.send(
            app, .POST, "/assessments/\(task.id.uuidString)",
            form: ["score_0": "\(engagement)", "score_1": "\(value)", "comment_0": "Comment from \(person.account.displayName)"])
    }

    @Test func aCallRunsFromAssessmentToDecisions() async throws {
        let clock = TestClock()
        try await TestApp.run(clock: clock) { app in
            let people = try await People.make(in: app)
            let (call, applications, leads) = try await Self.submitted(in: app)
            let (wirral, fylde, notts) = (applications[0], applications[1], applications[2])
            let ann = try await Person.make("ann", role: .assessor, in: app)
            let bob = try await Person.make("bob", role: .assessor, in: app)
            let cat = try await Person.make("cat", role: .assessor, in: app)
            let store = AssessmentStore(on: app)

            // Ann works with Wirral CCG and says so before anything is assigned.
            let declared = try await ann.send(app, .POST, "/assessments/conflicts", form: ["kind": "organisation", "value": "wirral ccg"])
            #expect(declared.status == .ok && declared.body.contains("Conflict declared."))

            // Three assessors (plus the shared test assessor) share 3 applications × 2, never Ann on Wirral.
            let assigned = try await people.send(
                app, .programmeTeam, .POST, "/calls/\(call.id.uuidString)/selection/assign",
                form: ["per_application": "2", "stage": "application"])
            #expect(assigned.status == .seeOther)
            let tasks = try await store.assessments(applications: applications.map(\.id))
            #expect(tasks.count == 6)
            #expect(!tasks.contains { $0.applicationID == wirral.id && $0.assessorID == ann.account.id })
            let load = Dictionary(grouping: tasks, by: \.assessorID).mapValues(\.count)
            #expect(load.values.max()! - load.values.min()! <= 1, "\(load.values)")

            // Ann cannot be given Wirral by hand either.
            let byHand = try await people.send(
                app, .programmeTeam, .POST, "/applications/\(wirral.id.uuidString)/assessment/assessors",
                form: ["assessor": ann.account.id.uuidString, "stage": "application"])
            #expect(byHand.status == .badRequest && byHand.body.contains("declared a conflict"))

            // Give the Wirral application to Bob and Cat exactly, so the test knows who scores it.
            for task in tasks where task.applicationID == wirral.id {
                #expect(
                    try await people.send(
                        app, .programmeTeam, .POST, "/applications/\(wirral.id.uuidString)/assessment/assessors/remove",
                        form: ["assessment": task.id.uuidString]
                    ).status == .seeOther)
            }
            for person in [bob, cat] {
                #expect(
                    try await people.send(
                        app, .programmeTeam, .POST, "/applications/\(wirral.id.uuidString)/assessment/assessors",
                        form: ["assessor": person.account.id.uuidString, "stage": "application"]
                    ).status == .seeOther)
            }
            let wirralTasks = try await store.assessments(application: wirral.id, stage: .application)
            let bobsTask = try #require(wirralTasks.first { $0.assessorID == bob.account.id })
            let catsTask = try #require(wirralTasks.first { $0.assessorID == cat.account.id })

            // Bad scores are refused and change nothing; nor can anyone score another's task.
            let offScale = try await Self.score(bob, bobsTask, 6, 5, app: app)
            #expect(offScale.status == .badRequest && offScale.body.contains("Clinical engagement is scored from 0 to 5, not 6"))
            #expect(try await Self.score(cat, bobsTask, 3, 5, app: app).status == .notFound)
            #expect(try await store.assessment(bobsTask.id)?.isSubmitted == false)

            // Moderation waits for every score.
            let early = try await people.send(
                app, .programmeTeam, .POST, "/applications/\(wirral.id.uuidString)/assessment/moderation",
                form: ["stage": "application", "criterion": "Clinical engagement", "score": "4", "reason": "agreed"])
            #expect(early.status == .badRequest && early.body.contains("2 of 2 assessors have not submitted"))

            // Bob scores; he cannot yet see Cat's scores, and his own cannot change.
            #expect(try await Self.score(bob, bobsTask, 5, 6, app: app).status == .seeOther)
            #expect(!(try await bob.send(app, .GET, "/assessments/\(bobsTask.id.uuidString)").body.contains("Comment from Cat")))
            let again = try await Self.score(bob, bobsTask, 1, 1, app: app)
            #expect(again.status == .badRequest && again.body.contains("cannot change"))
            #expect(try await Self.score(cat, catsTask, 1, 8, app: app).status == .seeOther)
            // Now each sees the other's.
            #expect(try await bob.send(app, .GET, "/assessments/\(bobsTask.id.uuidString)").body.contains("Comment from Cat"))

            // The moderation page flags the disagreement on engagement (5 against 1, range 4 > 5/4).
            let moderation = try await people.send(app, .programmeTeam, .GET, "/applications/\(wirral.id.uuidString)/assessment")
            #expect(moderation.body.contains("Large disagreement") && moderation.body.contains("65.0%"))
            // Weighted: engagement mean 3 (×2), value mean 7 (×1) → 13 of 20 = 65%.
            #expect(
                SelectionController.total(
                    call: call, tasks: try await store.assessments(application: wirral.id, stage: .application), moderated: []) == 65)
            let agreed = try await people.send(
                app, .programmeTeam, .POST, "/applications/\(wirral.id.uuidString)/assessment/moderation",
                form: [
                    "stage": "application", "criterion": "Clinical engagement", "score": "4",
                    "reason": "Strong clinical leadership, some gaps",
                ])
            #expect(agreed.status == .seeOther)
            // Agreed 4 (×2) with value mean 7 → 15 of 20 = 75%.
            let board = try await people.send(app, .programmeTeam, .GET, "/calls/\(call.id.uuidString)/selection")
            #expect(board.body.contains("75.0%"))

            // Shortlist Wirral and Fylde; Mid Notts is not selected straight from the long list.
            for application in [wirral, fylde] {
                #expect(
                    try await people.send(
                        app, .programmeTeam, .POST, "/applications/\(application.id.uuidString)/assessment/shortlist",
                        form: ["shortlisted": "yes"]
                    ).status == .seeOther)
            }
            let notShortlisted = try await people.send(
                app, .programmeTeam, .POST, "/applications/\(notts.id.uuidString)/assessment/decision",
                form: ["outcome": "selected", "wave": "Wave 4", "announced_on": "2027-01-15", "feedback": "x"])
            #expect(notShortlisted.status == .badRequest && notShortlisted.body.contains("Only a shortlisted application can be selected"))
            #expect(
                try await people.send(
                    app, .programmeTeam, .POST, "/applications/\(notts.id.uuidString)/assessment/decision",
                    form: ["outcome": "not_selected", "feedback": "A strong case, but the footprint is not yet agreed."]
                ).status == .seeOther)

            // Wirral gives its unavailable time; a panel with Ann cannot hear Wirral, so one panel alone is impossible.
            #expect(
                try await leads[0].send(
                    app, .POST, "/applications/\(wirral.id.uuidString)/unavailability",
                    form: ["unavailable": "2027-01-10 09:00-09:20"]
                ).status == .seeOther)
            let onePanel = [
                "slot_minutes": "7", "changeover_minutes": "3", "days": "2027-01-10 09:00-10:00", "panels": "Panel A: ann@example.nhs.uk",
            ]
            let impossible = try await people.send(app, .programmeTeam, .POST, "/calls/\(call.id.uuidString)/presentations", form: onePanel)
            #expect(impossible.status == .unprocessableEntity && impossible.body.contains("<code>conflicts</code>"))
            // The refusal names the partnership, not its application's id.
            #expect(impossible.body.contains("(Wirral Partners)") && impossible.body.contains("Partnerships concerned: Wirral Partners."))
            #expect(!impossible.body.contains(wirral.id.uuidString + ")"))
            var twoPanels = onePanel
            twoPanels["panels"] = "Panel A: ann@example.nhs.uk\nPanel B: bob@example.nhs.uk, cat@example.nhs.uk"
            #expect(
                try await people.send(app, .programmeTeam, .POST, "/calls/\(call.id.uuidString)/presentations", form: twoPanels).status
                    == .seeOther)
            let timetable = try #require(try await PresentationStore(on: app).stored(call: call.id)?.timetable)
            let wirralSlot = try #require(timetable.slots.first { $0.applicant == wirral.id.uuidString })
            #expect(wirralSlot.panel == "Panel B" && wirralSlot.start >= "09:20")
            #expect(
                try await people.send(app, .programmeTeam, .POST, "/calls/\(call.id.uuidString)/presentations/publish").status == .seeOther)
            #expect(
                try await store.assessments(application: wirral.id, stage: .presentation).map(\.assessorID).sorted {
                    $0.uuidString < $1.uuidString
                }
                    == [bob.account.id, cat.account.id].sorted { $0.uuidString < $1.uuidString })
            #expect(
                try await leads[0].send(app, .GET, "/applications/\(wirral.id.uuidString)").body.contains("Your presentation: 2027-01-10"))
            // Panel members score the presentation on the same criteria; the board ranks by it.
            let presentationTask = try #require(
                try await store.assessments(application: wirral.id, stage: .presentation).first { $0.assessorID == bob.account.id })
            #expect(try await Self.score(bob, presentationTask, 5, 10, app: app).status == .seeOther)
            let ranked = try await people.send(app, .programmeTeam, .GET, "/calls/\(call.id.uuidString)/selection")
            #expect(ranked.body.contains("100.0%") && ranked.body.contains("presentation 1/2"))

            // Before deciding, the programme team sees how each partner will enter the registry:
            // "Wirral CCG" is the directory's "NHS Wirral CCG", not a second organisation.
            let before = try await people.send(app, .programmeTeam, .GET, "/applications/\(wirral.id.uuidString)/assessment")
            #expect(before.body.contains("<td>Wirral CCG</td><td>–</td><td>Already in the directory as NHS Wirral CCG (same name"))
            #expect(before.body.contains("<td>Wirral Partners GP Federation</td><td>–</td><td>New to the directory</td>"))

            // Decisions: Wirral selected into Wave 4 (the registry gains vanguard 51), Fylde a fast follower.
            let selected = try await people.send(
                app, .programmeTeam, .POST, "/applications/\(wirral.id.uuidString)/assessment/decision",
                form: [
                    "outcome": "selected", "wave": "Wave 4", "announced_on": "2027-01-15",
                    "feedback": "Selected: clear plan, strong clinical lead.",
                ])
            #expect(selected.status == .seeOther)
            let registry = try await RegistryStore(on: app).registry()
            let vanguard = try #require(registry.vanguards.first { $0.number == 51 })
            #expect(
                vanguard.name == "Wirral Partners" && vanguard.careModel == .mcp && vanguard.wave.number == 4
                    && vanguard.announced == CalendarDate(iso8601: "2027-01-15"))
            #expect(registry.footprints.filter { $0.vanguardNumber == 51 }.map(\.areaCode) == ["E38000208"])
            #expect(
                registry.memberships.filter { $0.vanguardNumber == 51 }.map(\.organisationSlug).sorted() == [
                    "nhs-wirral-ccg", "wirral-partners-gp-federation",
                ])
            #expect(!registry.organisations.contains { $0.slug == "wirral-ccg" })
            // The new wave can be listed on its own, and the list says which waves there are.
            let waveFour = try await app.fetch("/api/v1/vanguards?wave=4").json()
            #expect((waveFour["items"] as? [[String: Any]])?.compactMap { $0["number"] as? Int } == [51])
            #expect(try await app.fetch("/vanguards?wave=9").body.contains("wave must be 1, 2, 3 or 4"))
            #expect(try await app.fetch("/vanguards/51").body.contains("Wirral Partners GP Federation"))
            #expect(
                try await people.send(
                    app, .programmeTeam, .POST, "/applications/\(fylde.id.uuidString)/assessment/decision",
                    form: ["outcome": "fast_follower", "feedback": "Close behind; we will support you to follow."]
                ).status == .seeOther)
            let twice = try await people.send(
                app, .programmeTeam, .POST, "/applications/\(wirral.id.uuidString)/assessment/decision",
                form: ["outcome": "not_selected", "feedback": "changed our minds"])
            #expect(twice.status == .badRequest && twice.body.contains("already been decided"))

            // The applicants see their decisions and feedback.
            let wirralPage = try await leads[0].send(app, .GET, "/applications/\(wirral.id.uuidString)")
            #expect(wirralPage.body.contains("Decision: Selected") && wirralPage.body.contains("Selected into Wave 4"))
            #expect(
                try await leads[2].send(app, .GET, "/applications/\(notts.id.uuidString)").body.contains("the footprint is not yet agreed"))
            // And by e-mail.
            let told = try #require(try await AccountStore(on: app).outbox().first { $0.recipient == "lead0@example.nhs.uk" })
            #expect(
                told.subject == "Your application to Wave four: selected"
                    && told.body.contains("Selected into Wave 4, announced 15 January 2027."))

            // History stays history: 2015's story and funnel are unchanged; Wave 4 is told as a later wave.
            let home = try await app.fetch("/")
            #expect(home.body.contains("In 2015 NHS England chose 50 vanguard sites"))
            #expect(home.body.contains("Later calls have selected 1 more, in wave 4."))
            #expect(home.body.contains("counted from the registry's 2015 waves: 29 + 8 + 13<"))

            // Once the call closes (two days on, by the app's clock), everyone sees the funnel and the fast followers.
            #expect(!(try await app.fetch("/calls/\(call.id.uuidString)").body.contains("Selection funnel")))
            clock.advance(by: 2 * 86_400)
            let page = try await app.fetch("/calls/\(call.id.uuidString)")
            #expect(page.body.contains("Selection funnel") && page.body.contains("Fast followers") && page.body.contains("Fylde Coast"))
            #expect(page.body.contains("Applied and eligible"))
            let actions = Set(try await AuditLog.entries(matching: .init(entity: "application"), on: app.db).map(\.action))
            #expect(
                actions.isSuperset(of: [
                    "assign_assessors", "add_assessor", "remove_assessor", "score", "moderate", "shortlist", "decide", "set_unavailability",
                ]))
        }
    }

    @Test func aConflictDeclaredLaterWithdrawsTheAssessorAndTheirScores() async throws {
        try await TestApp.run { app in
            let people = try await People.make(in: app)
            let (_, applications, _) = try await Self.submitted(in: app)
            let dan = try await Person.make("dan", role: .assessor, in: app)
            let store = AssessmentStore(on: app)
            try await store.addAssessor(dan.account.id, to: applications[1], stage: .application, by: .operatorAtCLI("test"))
            let task = try #require(try await store.assessments(assessor: dan.account.id).first)
            #expect(try await Self.score(dan, task, 3, 3, app: app).status == .seeOther)
            // MUT: Dan now declares the Fylde application's area.
            let declared = try await dan.send(app, .POST, "/assessments/conflicts", form: ["kind": "area", "value": "e38000226"])
            // validate
            #expect(declared.body.contains("withdrawn from 1 application"))
            #expect(try await store.assessments(assessor: dan.account.id).isEmpty)
            let entry = try #require(
                try await AuditLog.entries(matching: .init(entity: "application", entityID: applications[1].id.uuidString), on: app.db)
                    .first { $0.action == "withdraw_assessor" })
            #expect(entry.before?["scored"] == "yes" && entry.after?["reason"]?.contains("E38000226") == true)
            _ = people
        }
    }

    @Test(arguments: [
        (["outcome": "selected", "announced_on": "2027-01-15", "feedback": "f"], "Name the wave"),
        (["outcome": "selected", "wave": "Wave 4", "announced_on": "15/01/2027", "feedback": "f"], "announcement date as YYYY-MM-DD"),
        (["outcome": "fast_follower", "feedback": " "], "Write feedback for the applicants"),
        (["outcome": "maybe", "feedback": "f"], "Choose selected, fast follower or not selected"),
    ])
    func incompleteDecisionsAreRefused(form: [String: String], reason: String) async throws {
        try await TestApp.run { app in
            let people = try await People.make(in: app)
            let (_, applications, _) = try await Self.submitted(in: app)
            try await SelectionStore(on: app).setShortlisted(applications[0].id, true, by: .operatorAtCLI("test"))
            let response = try await people.send(
                app, .programmeTeam, .POST, "/applications/\(applications[0].id.uuidString)/assessment/decision", form: form)
            #expect(response.status == .badRequest && response.body.contains(reason), "\(reason)")
            #expect(try await SelectionStore(on: app).decision(applications[0].id) == nil)
            #expect(try await RegistryStore(on: app).registry().vanguards.count == 50)
        }
    }

    @Test func the2015CallIsShownAsAHistoricalCall() async throws {
        try await TestApp.run { app in
            let page = try await app.fetch("/calls/2015")
            #expect(page.status == .ok)
            #expect(page.body.contains("about 269") && page.body.contains(">63<") && page.body.contains(">50<"))
            #expect(page.body.contains("Wave 1 (10 March 2015)"))
        }
    }
}
