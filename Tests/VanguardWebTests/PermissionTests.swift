import Foundation
import Testing
import VanguardCore
import VaporTesting

@testable import VanguardWeb

/// Every route × every kind of caller: who is let through and who is turned away.
@Suite struct PermissionTests {
    typealias Kind = People.Kind

    static let everyone = Set(Kind.allCases)
    static let browsers = everyone.subtracting([.token, .programmeToken])
    static let signedIn: Set<Kind> = [.member, .assessor, .siteLead, .signatory, .programmeTeam]

    /// The expected answer for each route. A route missing from here fails the test, so a new route
    /// cannot be added without someone deciding who may use it.
    static let expected: [String: Set<Kind>] = [
        "GET /": browsers,
        "GET /vanguards": browsers,
        "GET /vanguards/:number": browsers,
        "GET /vanguards/:number/dashboard": browsers,
        "GET /vanguards/:number/dashboard.csv": browsers,
        "GET /vanguards/:number/report": browsers,
        "GET /vanguards/:number/report.zip": browsers,
        "POST /vanguards/:number/dashboard/rebase": [.programmeTeam],
        "POST /vanguards/:number/dashboard/rebase/remove": [.programmeTeam],
        "GET /vanguards/:number/edit": [.siteLead, .programmeTeam],
        "POST /vanguards/:number/edit": [.siteLead, .programmeTeam],
        "GET /map": browsers,
        "GET /national": browsers,
        "GET /impact": browsers,
        "GET /vanguards/:number/impact/:metric": browsers,
        "GET /metrics": browsers,
        "GET /metric-framework": browsers,
        "GET /metrics/:code/edit": browsers,
        "GET /metric-framework/:code/edit": [.programmeTeam],
        "POST /metric-framework/:code/edit": [.programmeTeam],
        "GET /areas/:code": browsers,
        "GET /areas/:code/returns/:metric": browsers,
        "GET /icbs/:code": browsers,
        "GET /regions/:code": browsers,
        "GET /organisations": browsers,
        "GET /organisations/:slug": browsers,
        "GET /organisations/:slug/edit": [.signatory, .programmeTeam],
        "POST /organisations/:slug/edit": [.signatory, .programmeTeam],
        "GET /find": browsers,
        "GET /about/data": browsers,
        "GET /permissions": browsers,
        "GET /healthz": browsers,
        "GET /calls": browsers,
        "GET /calls/new": [.programmeTeam],
        "POST /calls/new": [.programmeTeam],
        "GET /calls/:call": browsers,
        "GET /calls/:call/edit": [.programmeTeam],
        "POST /calls/:call/edit": [.programmeTeam],
        "POST /calls/:call/apply": signedIn,
        "GET /applications": signedIn,
        "GET /applications/:application": signedIn,
        "POST /applications/:application": signedIn,
        "POST /applications/:application/unavailability": signedIn,
        "GET /calls/2015": browsers,
        "GET /assessments": [.assessor, .programmeTeam],
        "POST /assessments/conflicts": [.assessor, .programmeTeam],
        "GET /assessments/:assessment": [.assessor, .programmeTeam],
        "POST /assessments/:assessment": [.assessor, .programmeTeam],
        "GET /calls/:call/selection": [.programmeTeam],
        "POST /calls/:call/selection/assign": [.programmeTeam],
        "GET /applications/:application/assessment": [.programmeTeam],
        "POST /applications/:application/assessment/assessors": [.programmeTeam],
        "POST /applications/:application/assessment/assessors/remove": [.programmeTeam],
        "POST /applications/:application/assessment/moderation": [.programmeTeam],
        "POST /applications/:application/assessment/shortlist": [.programmeTeam],
        "POST /applications/:application/assessment/decision": [.programmeTeam],
        "GET /calls/:call/presentations": [.programmeTeam],
        "POST /calls/:call/presentations": [.programmeTeam],
        "POST /calls/:call/presentations/publish": [.programmeTeam],
        "GET /funding": browsers,
        "GET /funding/new": [.programmeTeam],
        "POST /funding/new": [.programmeTeam],
        "GET /funding/:round": browsers,
        "POST /funding/:round/plans": signedIn,
        "GET /funding/plans/:plan": browsers,
        "POST /funding/plans/:plan": signedIn,
        "POST /funding/plans/:plan/sign": [.signatory],  // nobody signs on a partner's behalf
        "POST /funding/plans/:plan/allocate": [.programmeTeam],
        "POST /funding/plans/:plan/confirm-partners": [.programmeTeam],
        "POST /funding/plans/:plan/release": [.programmeTeam],
        "POST /funding/plans/:plan/reverse": [.programmeTeam],
        "POST /funding/plans/:plan/spend": signedIn,
        "GET /learning": browsers,
        "GET /learning/feed.atom": browsers,
        "GET /learning/posts/new": [.siteLead, .programmeTeam],
        "POST /learning/posts/new": [.siteLead, .programmeTeam],
        "GET /learning/posts/:slug": browsers,
        "GET /learning/posts/:slug/revisions": browsers,
        "GET /learning/posts/:slug/edit": [.siteLead, .programmeTeam],
        "POST /learning/posts/:slug/edit": [.siteLead, .programmeTeam],
        "POST /learning/posts/:slug/delete": [.siteLead, .programmeTeam],
        "POST /learning/posts/:slug/comments": signedIn,
        "POST /learning/comments/:number/edit": signedIn,
        "POST /learning/comments/:number/flag": signedIn,
        "POST /learning/comments/:number/moderate": [.programmeTeam],
        "GET /learning/moderation": [.programmeTeam],
        "POST /learning/blocked-words": [.programmeTeam],
        "POST /learning/blocked-words/:word/remove": [.programmeTeam],
        "POST /learning/categories": [.programmeTeam],
        "GET /learning/categories/:slug": browsers,
        "GET /learning/categories/:slug/feed.atom": browsers,
        "GET /learning/care-models/:code": browsers,
        "GET /learning/care-models/:code/feed.atom": browsers,
        "GET /learning/tags/:tag": browsers,
        "GET /vanguards/:number/posts.atom": browsers,
        "GET /learning/unsubscribe/:token": browsers,
        "POST /learning/unsubscribe/:token": browsers,
        "POST /learning/unsubscribe/:token/one-click": browsers,
        "POST /learning/digests/send": [.programmeTeam],
        "GET /search": browsers,
        "GET /account/subscriptions": signedIn,
        "POST /account/subscriptions": signedIn,
        "POST /account/subscriptions/:id/cancel": signedIn,
        "GET /api/v1/search": everyone,
        "GET /api/v1/calls": everyone,
        "GET /api/v1/calls/:call": everyone,
        "GET /api/v1/posts": everyone,
        "GET /api/v1/posts/:slug": everyone,
        "GET /api/v1/events": everyone,
        "GET /api/v1/innovations": everyone,
        "GET /api/v1/innovations/:slug": everyone,
        "GET /api/v1/vanguards/:number/evaluations": everyone,
        "GET /learning/events": browsers,
        "GET /learning/events.ics": browsers,
        "GET /learning/events/new": [.siteLead, .programmeTeam],
        "POST /learning/events/new": [.siteLead, .programmeTeam],
        "GET /learning/events/:event": browsers,
        "GET /learning/events/:event/edit": [.siteLead, .programmeTeam],
        "POST /learning/events/:event/edit": [.siteLead, .programmeTeam],
        "POST /learning/events/:event/sign-up": signedIn,
        "POST /learning/events/:event/cancel": signedIn,
        "GET /learning/innovations": browsers,
        "POST /learning/innovations": [.siteLead, .programmeTeam],
        "GET /learning/innovations/:slug": browsers,
        "POST /learning/innovations/:slug/adoptions": signedIn,
        "POST /learning/images": [.siteLead, .programmeTeam],
        "GET /learning/images/:image": browsers,
        "GET /returns/upload": [.siteLead, .programmeTeam],
        "POST /returns/upload": [.siteLead, .programmeTeam],
        "GET /returns/providers": [.programmeTeam],
        "POST /returns/providers": [.programmeTeam],
        "POST /returns/providers/:code/remove": [.programmeTeam],
        "POST /api/v1/returns": [.token, .programmeToken],
        "GET /account/sign-up": browsers,
        "POST /account/sign-up": browsers,
        "GET /account/confirm": browsers,
        "GET /account/sign-in": browsers,
        "POST /account/sign-in": browsers,
        "POST /account/sign-out": browsers,
        "GET /account/reset": browsers,
        "POST /account/reset": browsers,
        "GET /account/reset/:secret": browsers,
        "POST /account/reset/:secret": browsers,
        "GET /account": signedIn,
        "POST /account/password": signedIn,
        "GET /account/tokens": [.siteLead, .programmeTeam],
        "POST /account/tokens": [.siteLead, .programmeTeam],
        "POST /account/tokens/:id/revoke": [.siteLead, .programmeTeam],
        "GET /admin/users": [.programmeTeam],
        "GET /admin/users/:id": [.programmeTeam],
        "POST /admin/users/:id/roles": [.programmeTeam],
        "POST /admin/users/:id/roles/:grant/revoke": [.programmeTeam],
        "GET /admin/tokens": [.programmeTeam],
        "POST /admin/tokens/:id/revoke": [.programmeTeam],
        "GET /admin/audit": [.programmeTeam],
        "GET /admin/outbox": [.programmeTeam],
        "GET /admin/jobs": [.programmeTeam],
        "POST /admin/jobs/:id/retry": [.programmeTeam],
        "GET /api/v1/openapi.json": everyone,
        "GET /api/v1/vanguards": everyone,
        "GET /api/v1/vanguards/:number": everyone,
        "PATCH /api/v1/vanguards/:number": [.token, .programmeToken],
        "GET /api/v1/vanguards/:number/rebases": everyone,
        "POST /api/v1/vanguards/:number/rebases": [.programmeToken],
        "DELETE /api/v1/vanguards/:number/rebases/:metric/:period": [.programmeToken],
        "GET /api/v1/metrics": everyone,
        "GET /api/v1/impact": everyone,
        "GET /api/v1/impact/waves": everyone,
        "GET /api/v1/vanguards/:number/impact/:metric": everyone,
        "GET /api/v1/metrics/:code": everyone,
        "PUT /api/v1/metrics/:code": [.programmeToken],
        "GET /api/v1/funding/rounds": everyone,
        "GET /api/v1/funding/rounds/:round": everyone,
        "POST /api/v1/funding/plans/:plan/allocation": [.programmeToken],
        "GET /api/v1/areas": everyone,
        "GET /api/v1/areas/:code": everyone,
        "GET /api/v1/organisations": everyone,
        "GET /api/v1/organisations/:slug": everyone,
        "POST /api/v1/spc": everyone,
    ]

    static func concrete(_ template: String, people: People) -> String {
        // Specific forms before general ones ("users/:id" before ":id").
        let values: [(String, String)] = [
            (":number", "1"), (":slug", "salford-royal-nhs-ft"), ("areas/:code", "areas/E38000208"), (":metric", "emergency_admissions"),
            (":period", "2015-04"), ("metrics/:code", "metrics/ae_four_hour"), ("providers/:code", "providers/RBL"),
            ("icbs/:code", "icbs/E54000057"), ("regions/:code", "regions/E40000010"),
            ("users/:id", "users/\(people.accounts[.member]!.id.uuidString)"), (":id", UUID().uuidString), (":grant", UUID().uuidString),
            (":secret", "not-a-real-link"), (":call", UUID().uuidString), (":application", UUID().uuidString),
            (":assessment", UUID().uuidString),
            (":round", UUID().uuidString), (":plan", UUID().uuidString), ("care-models/:code", "care-models/pacs"), (":tag", "workforce"),
            (":token", "not-a-token"), (":event", UUID().uuidString), (":word", "casino"), (":image", UUID().uuidString),
        ]
        var path = template
        for (name, value) in values { path = path.replacingOccurrences(of: name, with: value) }
        return path
    }

    static func isDenied(_ response: Fetched) -> Bool {
        response.status == .forbidden || response.status == .unauthorized
            || (response.status == .seeOther && (response.location ?? "").hasPrefix("/account/sign-in"))
    }

    @Test func everyRouteAllowsExactlyWhoTheTableSays() async throws {
        try await TestApp.run { app in
            // setup
            var people = try await People.make(in: app)
            let routes = app.routes.all.map { route in
                (route, "\(route.method.rawValue) /" + route.path.map(\.description).joined(separator: "/"))
            }
            #expect(routes.count == Self.expected.count)
            var mismatches: [String] = []
            for (route, key) in routes {
                // Every route carries the action the matrix is asked about, and has an entry here.
                #expect(route.requiredAction != nil, "\(key) is registered without a permission check")
                guard let allowed = Self.expected[key] else {
                    Issue.record("\(key) has no entry in the permission table")
                    continue
                }
                let path = Self.concrete(key.split(separator: " ")[1].description, people: people)
                // MUT
                for kind in Kind.allCases {
                    let response = try await people.send(app, kind, route.method, path)
                    // Signing out ends the session it used; give the person a new one for the next route.
                    if key == "POST /account/sign-out" { try await people.renewSession(kind, in: app) }
                    // validate
                    if Self.isDenied(response) == allowed.contains(kind) {
                        mismatches.append("\(key) as \(kind): \(response.status.code)")
                    }
                }
            }
            #expect(mismatches.isEmpty, "\(mismatches)")
        }
    }

    @Test func theMatrixScopesSiteLeadsAndSignatoriesToTheirOwn() throws {
        let lead = [try RoleGrant(role: .siteLead, scope: .vanguard(1))]
        #expect(PermissionMatrix.allows(lead, .editVanguardProfile, on: .vanguard(1)))
        #expect(!PermissionMatrix.allows(lead, .editVanguardProfile, on: .vanguard(2)))
        #expect(!PermissionMatrix.allows(lead, .manageAccounts))
        let signatory = [try RoleGrant(role: .partnerSignatory, scope: .organisation("a"))]
        #expect(PermissionMatrix.allows(signatory, .editOrganisation, on: .organisation("a")))
        #expect(!PermissionMatrix.allows(signatory, .editOrganisation, on: .organisation("b")))
        #expect(PermissionMatrix.allows(nil, .readPublic))
        #expect(!PermissionMatrix.allows(nil, .useOwnAccount))
        #expect(PermissionMatrix.allows([], .useOwnAccount))
        #expect(throws: ValidationError.invalid(field: "scope", reason: "the site lead role needs a vanguard")) {
            try RoleGrant(role: .siteLead, scope: nil)
        }
    }

    @Test func thePermissionsPageShowsTheMatrixAndEveryRoute() async throws {
        try await TestApp.run { app in
            let page = try await app.fetch("/permissions")
            #expect(page.status == .ok)
            #expect(page.body.contains("Manage accounts and assign roles"))
            #expect(page.body.contains("Own vanguard"))
            #expect(page.count(of: "<code>/") == Self.expected.count)
        }
    }
}
