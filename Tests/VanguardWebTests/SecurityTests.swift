import FluentKit
import Foundation
import SQLKit
import Testing
import VanguardCore
import VanguardStore
import VaporTesting

@testable import VanguardWeb

/// The findings of the December 2026 security review, each as the attack that worked, now refused.
@Suite struct SecurityReviewTests {
    @Test(arguments: ["/api/v1/vanguards", "/api/v1/areas", "/api/v1/organisations", "/organisations"])
    func aHugePageNumberIsA400NamingTheFieldNotACrash(path: String) async throws {
        try await TestApp.run { app in
            let response = try await app.fetch("\(path)?page=9223372036854775807&per=100")
            #expect(response.status == .badRequest)
            #expect(response.body.contains("page='9223372036854775807' is not allowed: page must be a whole number from 1 to 100000"))
            // The server is still there.
            #expect(try await app.fetch("\(path)?page=2").status == .ok)
        }
    }

    @Test func aTokenStopsWorkingWhenItsOwnerLosesTheRoleAndWhenItExpires() async throws {
        try await TestApp.run { app in
            let people = try await People.make(in: app)
            let store = AccountStore(on: app)
            let patch = #"{"governance": "Partnership board", "contracting": "alliance"}"#
            #expect(try await app.send(.PATCH, "/api/v1/vanguards/1", json: patch, bearer: people.token).status == .ok)
            // The programme team takes the site-lead role away.
            let lead = people.accounts[.siteLead]!
            let grant = try #require(lead.grants.first { $0.grant.role == .siteLead })
            try await store.revokeGrant(grant.id, from: lead.id, by: .operatorAtCLI("test"))
            let refused = try await app.send(.PATCH, "/api/v1/vanguards/1", json: patch, bearer: people.token)
            #expect(refused.status == .unauthorized)
            #expect(
                try refused.json()["reason"] as? String
                    == "The API token's owner no longer holds the role it acts with, so the token no longer works.")
            let csv = "area_code,metric_code,period,numerator,denominator\nE38000208,emergency_admissions,2015-04,2800,330000\n"
            #expect(try await app.send(.POST, "/api/v1/returns", json: nil, bearer: people.token, csv: csv).status == .unauthorized)
            #expect(try await ReturnsStore(on: app).counts().values == 0)

            // A token made 91 days ago with the default lifetime has expired; the programme token still works.
            let past = AccountStore(database: app.db, now: { Date().addingTimeInterval(-91 * 24 * 60 * 60) })
            let old = Secrets.make(prefix: "vg_")
            _ = try await past.createToken(
                secretHash: Secrets.hash(old), prefix: String(old.prefix(10)), name: "old", vanguard: nil,
                for: people.accounts[.programmeTeam]!.id, by: .operatorAtCLI("test"))
            let expired = try await app.send(.GET, "/api/v1/vanguards/1", bearer: old)
            #expect(expired.status == .unauthorized)
            #expect(
                try expired.json()["reason"] as? String == "The API token has expired. Its owner can make a new one at /account/tokens.")
            #expect(try await app.send(.GET, "/api/v1/vanguards/1", bearer: people.programmeToken).status == .ok)

            // The programme team sees every token, with its owner, and revokes anyone's.
            let list = try await people.send(app, .programmeTeam, .GET, "/admin/tokens")
            #expect(list.body.contains("sitelead@example.nhs.uk") && list.body.contains("Expired"))
            #expect(try await people.send(app, .siteLead, .GET, "/admin/tokens").status == .forbidden)
            let programmeTokenID = try #require(
                try await store.tokens(of: people.accounts[.programmeTeam]!.id).first { $0.name == "test" }?.id)
            #expect(
                try await people.send(app, .programmeTeam, .POST, "/admin/tokens/\(programmeTokenID.uuidString)/revoke").status == .seeOther
            )
            #expect(try await app.send(.GET, "/api/v1/vanguards/1", bearer: people.programmeToken).status == .unauthorized)
            let audit = try await AuditLog.entries(matching: .init(entity: "api_token", entityID: programmeTokenID.uuidString), on: app.db)
            #expect(audit.contains { $0.action == "revoke" && $0.actor.label == "Test programmeTeam (Programme team)" })
        }
    }

    @Test func aPlansLeadWhoLosesTheRoleLosesThePlan() async throws {
        try await TestApp.run { app in
            let people = try await People.make(in: app)
            let (_, plan) = try await FundingFlowTests.eligiblePlan(in: app)
            let path = "/funding/plans/\(plan.uuidString)"
            let lead = people.accounts[.siteLead]!
            let grant = try #require(lead.grants.first { $0.grant.role == .siteLead })
            try await AccountStore(on: app).revokeGrant(grant.id, from: lead.id, by: .operatorAtCLI("test"))
            let edit = try await people.send(
                app, .siteLead, .POST, path, form: FundingFlowTests.planForm(objectives: "Changed by a former lead."))
            #expect(edit.status == .forbidden)
            #expect(try await FundingStore(on: app).plan(plan)?.plan.current.number == 1)
            // The programme team signs nothing on a partner's behalf.
            let signed = try await people.send(
                app, .programmeTeam, .POST, "\(path)/sign", form: ["organisation": "wirral-university-hospital-nhs-ft", "version": "1"])
            #expect(signed.status == .forbidden)
        }
    }

    @Test func sharedAreasAreWrittenByTheirStewardOrTheProgrammeTeam() async throws {
        try await TestApp.run { app in
            var people = try await People.make(in: app)
            let store = AccountStore(on: app)
            // A site lead of vanguard 2, one of four one-area vanguards over E38000243.
            let hash = try await app.password.async.hash(People.password).get()
            let other = try await store.createAccount(
                email: try EmailAddress("lead2@example.nhs.uk"), displayName: "Lead Two", organisation: nil, passwordHash: hash,
                confirmed: true, grants: [try RoleGrant(role: .siteLead, scope: .vanguard(2))], by: .operatorAtCLI("test"))
            let secret = Secrets.make()
            try await store.createSession(secretHash: Secrets.hash(secret), for: other.id, lifetime: 3600)
            people.sessions[.member] = secret  // send as this person through the member slot
            let header = "area_code,metric_code,period,numerator,denominator\n"
            let shared = try await ReturnsSubmissionTests.upload(
                app, people, as: .member, csv: header + "E38000243,emergency_admissions,2015-04,100,1000\n")
            #expect(shared.status == .badRequest && shared.body.contains("is not an area you may submit for"))
            // Wirral is in vanguard 1 (one area) and 46 (ten): vanguard 1 stewards it.
            let wirral = try await ReturnsSubmissionTests.upload(
                app, people, as: .siteLead, csv: header + "E38000208,emergency_admissions,2015-04,100,1000\n")
            #expect(wirral.status == .created)
            let programme = try await ReturnsSubmissionTests.upload(
                app, people, as: .programmeTeam, csv: header + "E38000243,emergency_admissions,2015-04,100,1000\n")
            #expect(programme.status == .created)
            #expect(try await ReturnsStore(on: app).counts().values == 2)
            // Who sent a figure is shown by name and role, never by e-mail address, to anonymous readers.
            let history = try await app.fetch("/areas/E38000208/returns/emergency_admissions")
            #expect(history.body.contains("Test siteLead (Site lead)"))
            #expect(!history.body.contains("@example.nhs.uk"))
        }
    }

    @Test func signInAttemptsInParallelNeverPassTheLimitOrFail() async throws {
        try await TestApp.run { app in
            _ = try await People.make(in: app)
            let statuses = try await withThrowingTaskGroup(of: Fetched.self) { group in
                for _ in 0..<40 {
                    group.addTask {
                        try await AccountTests.signIn(app, email: "member@example.nhs.uk", password: "a wrong password entirely")
                    }
                }
                var all: [Fetched] = []
                for try await response in group { all.append(response) }
                return all
            }
            let checked = statuses.filter { $0.status == .badRequest }.count
            let refused = statuses.filter { $0.status == .tooManyRequests }
            // However the forty interleave, at most five passwords are checked; the rest wait, told for how long.
            #expect(checked <= SignInThrottle.standard.failuresPerAccount)
            #expect(checked + refused.count == 40)
            #expect(refused.allSatisfy { Int($0.headers.first(name: "Retry-After") ?? "") ?? 0 > 0 })
            #expect(!statuses.contains { $0.status.code >= 500 })
            // Guessing on, one at a time, reaches exactly five checked in the window, then waits.
            var more = 0
            while try await AccountTests.signIn(app, email: "member@example.nhs.uk", password: "another wrong password").status
                == .badRequest
            { more += 1 }
            #expect(checked + more == SignInThrottle.standard.failuresPerAccount)
            // Now even the right password waits: the limit is per account.
            #expect(
                try await AccountTests.signIn(app, email: "member@example.nhs.uk", password: People.password).status == .tooManyRequests)
        }
    }

    @Test func signUpsAndResetRequestsAreLimited() async throws {
        try await TestApp.run { app in
            var statuses: [HTTPStatus] = []
            for index in 0..<(RateLimit.signUpsPerAddress.limit + 1) {
                let response = try await app.send(
                    .POST, "/account/sign-up", cookies: [TestApp.cookies.csrf: People.csrf],
                    form: [
                        "display_name": "Person \(index)", "email": "person\(index)@example.nhs.uk",
                        "password": "a long and unusual passphrase \(index)",
                        CSRFMiddleware.fieldName: People.csrf,
                    ])
                statuses.append(response.status)
                if response.status == .tooManyRequests { #expect(response.headers.first(name: "Retry-After") != nil) }
            }
            #expect(statuses.filter { $0 == .ok }.count == RateLimit.signUpsPerAddress.limit)
            #expect(statuses.last == .tooManyRequests)
            var resets: [HTTPStatus] = []
            for _ in 0..<(RateLimit.resetsPerEmail.limit + 1) {
                resets.append(
                    try await app.send(
                        .POST, "/account/reset", cookies: [TestApp.cookies.csrf: People.csrf],
                        form: ["email": "person0@example.nhs.uk", CSRFMiddleware.fieldName: People.csrf]
                    ).status)
            }
            #expect(resets == Array(repeating: .ok, count: RateLimit.resetsPerEmail.limit) + [.tooManyRequests])
        }
    }

    @Test func bodiesAreReadOnlyAfterThePermissionCheckAndWithinTheRoutesLimit() async throws {
        try await TestApp.run { app in
            let people = try await People.make(in: app)
            let big = String(repeating: "a", count: 3_000_000)
            // Anonymous and unpermitted callers are turned away before any of the body is wanted.
            let anonymous = try await app.send(.POST, "/returns/upload", cookies: [TestApp.cookies.csrf: People.csrf], csv: big)
            #expect(anonymous.status == .seeOther && anonymous.location?.hasPrefix("/account/sign-in") == true)
            let member = try await app.send(.POST, "/returns/upload", cookies: people.cookies(.member), csv: big)
            #expect(member.status == .forbidden)
            // A declared length over the route's limit is refused at once.
            var headers = HTTPHeaders()
            headers.add(name: .cookie, value: people.cookies(.siteLead).map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
            headers.add(name: .contentType, value: "text/csv")
            var status: HTTPStatus?
            try await app.testing().test(.POST, "/learning/comments/1/flag", headers: headers, body: ByteBuffer(string: big)) {
                status = $0.status
            }
            #expect(status == .payloadTooLarge)
            // An image may be up to 2 MB: its own limit, not the forms' 1 MB.
            let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array(repeating: 0, count: 1_500_000)
            let boundary = "vanguard-boundary"
            var body = ByteBuffer(
                string: "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(CSRFMiddleware.fieldName)\"\r\n\r\n"
                    + "\(CSRFMiddleware.formToken(cookie: People.csrf, session: people.sessions[.siteLead]))\r\n--\(boundary)\r\n"
                    + "Content-Disposition: form-data; name=\"image\"; filename=\"big.png\"\r\nContent-Type: image/png\r\n\r\n")
            body.writeBytes(png)
            body.writeString("\r\n--\(boundary)--\r\n")
            var imageHeaders = HTTPHeaders()
            imageHeaders.add(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
            imageHeaders.add(name: .cookie, value: people.cookies(.siteLead).map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
            var uploaded: (HTTPStatus, String)?
            try await app.testing().test(.POST, "/learning/images", headers: imageHeaders, body: body) {
                uploaded = ($0.status, $0.body.string)
            }
            #expect(uploaded?.0 == .created || uploaded?.0 == .ok)
            #expect(uploaded?.1.contains("](/learning/images/") == true)
        }
    }

    @Test func refusalsAreTitledWithWhatHappenedNotAsAFault() async throws {
        try await TestApp.run { app in
            let people = try await People.make(in: app)
            let refused = try await people.send(app, .member, .GET, "/admin/audit")
            #expect(refused.status == .forbidden)
            #expect(refused.body.contains("<h1>You do not have permission to do this</h1>"))
            #expect(!refused.body.contains("Sorry, there is a problem with the service"))
        }
    }

    @Test func accountEmailsAreNeverShownAndAreEmptiedOnceSent() async throws {
        try await TestApp.run { app in
            let people = try await People.make(in: app)
            _ = try await app.send(
                .POST, "/account/reset", cookies: [TestApp.cookies.csrf: People.csrf],
                form: ["email": "member@example.nhs.uk", CSRFMiddleware.fieldName: People.csrf])
            let store = AccountStore(on: app)
            let message = try #require(try await store.outbox().first { $0.subject == "Reset your Vanguard password" })
            let link = try #require(message.body.firstMatch(of: /\/account\/reset\/[A-Za-z0-9_-]+/).map { String($0.output) })
            let page = try await people.send(app, .programmeTeam, .GET, "/admin/outbox")
            #expect(page.body.contains("Reset your Vanguard password"))
            #expect(!page.body.contains(link))
            #expect(page.body.contains("it is not shown here"))
            try await store.markSent(message.id)
            #expect(try await store.outbox().first { $0.id == message.id }?.body == "")
        }
    }

    @Test func cookiesAreHostBoundAndTheFormTokenIsBoundToTheSession() async throws {
        try await TestApp.run { app in
            let people = try await People.make(in: app)
            let page = try await app.fetch("/")
            #expect(page.headers.first(name: "Strict-Transport-Security") == "max-age=31536000; includeSubDomains")
            #expect(
                page.headers[.setCookie].contains {
                    $0.hasPrefix("__Host-vanguard_csrf=") && $0.contains("Secure") && $0.contains("Path=/")
                })
            let signIn = try await AccountTests.signIn(app, email: "member@example.nhs.uk", password: People.password)
            #expect(
                signIn.headers[.setCookie].contains {
                    $0.hasPrefix("__Host-vanguard_session=") && $0.contains("Secure") && $0.contains("HttpOnly")
                })
            // The token of the programme team's session does not work with the member's.
            let stolen = CSRFMiddleware.formToken(cookie: People.csrf, session: people.sessions[.programmeTeam])
            let forged = try await app.send(
                .POST, "/learning/categories", cookies: people.cookies(.member),
                form: ["name": "Forged", CSRFMiddleware.fieldName: stolen])
            #expect(forged.status == .forbidden)
            let ownButWrongSession = try await app.send(
                .POST, "/learning/categories", cookies: people.cookies(.programmeTeam),
                form: ["name": "Forged", CSRFMiddleware.fieldName: CSRFMiddleware.formToken(cookie: People.csrf, session: nil)])
            #expect(ownButWrongSession.status == .forbidden)
            #expect(
                try await people.send(app, .programmeTeam, .POST, "/learning/categories", form: ["name": "Allowed"]).status == .seeOther)
        }
    }

    @Test func adoptionsAreDeduplicatedLimitedAndComparedOnceWhenRecorded() async throws {
        try await TestApp.run { app in
            let people = try await People.make(in: app)
            try await FundingFlowTests.evidence(in: app)
            let form = [
                "name": "Named GP for care homes", "summary": "Every care home has a named GP.", "care_model": "pacs", "vanguard": "1",
            ]
            #expect(try await people.send(app, .siteLead, .POST, "/learning/innovations", form: form).status == .seeOther)
            let registry = try await RegistryStore(on: app).registry()
            let covered = Set(registry.footprints.map(\.areaCode))
            let outside = registry.areas.filter { !covered.contains($0.code) }
            let path = "/learning/innovations/named-gp-for-care-homes/adoptions"
            let first = try await people.send(
                app, .member, .POST, path,
                form: ["adopter": "Mid Notts CCG", "area": outside[0].code, "adopted_on": "2015-05-01", "contact": "a@b"])
            #expect(first.status == .ok)
            let again = try await people.send(
                app, .member, .POST, path,
                form: ["adopter": "mid notts  ccg", "area": outside[0].code, "adopted_on": "2016-01-01", "contact": "a@b"])
            #expect(again.status == .badRequest && again.body.contains("is already recorded as adopting it in this area"))
            for index in 1..<Adoption.dailyLimitPerPerson {
                #expect(
                    try await people.send(
                        app, .member, .POST, path,
                        form: [
                            "adopter": "Adopter \(index)", "area": outside[index % outside.count].code,
                            "adopted_on": "2015-06-01", "contact": "a@b",
                        ]
                    ).status == .ok)
            }
            let over = try await people.send(
                app, .member, .POST, path,
                form: ["adopter": "One too many", "area": outside[0].code, "adopted_on": "2015-06-01", "contact": "a@b"])
            #expect(over.status == .badRequest && over.body.contains("the most one person may"))
            // The comparison was worked out when recorded: the page shows what was stored, not a fresh evaluation.
            let stored = try #require(try await AdoptionRecord.query(on: app.db).filter(\.$adopter == "Mid Notts CCG").first())
            #expect(stored.areaChanges?.contains("\"metricCode\":\"emergency_admissions\"") == true)
            stored.areaChanges = #"[{"metricCode":"emergency_admissions","change":0.123,"inPoints":false}]"#
            try await stored.update(on: app.db)
            #expect(try await app.fetch("/learning/innovations/named-gp-for-care-homes").body.contains("+12.3%"))
        }
    }

    @Test func pagesShowTheHTMLRenderedWhenSavedAndNeverRenderAgain() async throws {
        try await TestApp.run { app in
            let people = try await People.make(in: app)
            // The input that once took 520 s to save is saved, and its page shows it as text.
            let form = LearningFlowTests.caseStudy(title: "Unclosed tags", body: String(repeating: "<a ", count: 33_000))
            #expect(try await people.send(app, .siteLead, .POST, "/learning/posts/new", form: form).status == .seeOther)
            let record = try #require(try await PostRecord.query(on: app.db).filter(\.$slug == "unclosed-tags").first())
            #expect(record.rendered?.contains("&lt;a &lt;a ") == true)
            // Pages and feeds read what was stored.
            record.rendered = String(
                decoding: try JSONEncoder().encode(RenderedMarkdown(fields: ["body": "<p>stored at save</p>"])), as: UTF8.self)
            try await record.update(on: app.db)
            #expect(try await app.fetch("/learning/posts/unclosed-tags").body.contains("<p>stored at save</p>"))
            #expect(try await app.fetch("/learning/feed.atom").body.contains("&lt;p&gt;stored at save&lt;/p&gt;"))
        }
    }
}
