import Foundation
import Testing
import VanguardCore
import VanguardStore
import VaporTesting

@testable import VanguardWeb

@Suite struct TokenAndAuditTests {
    @Test func tokensAreShownOnceScopedToTheirVanguardAndRefusedOnceRevoked() async throws {
        try await TestApp.run { app in
            let people = try await People.make(in: app)
            // MUT: a site lead creates a token on the web
            let created = try await people.send(app, .siteLead, .POST, "/account/tokens", form: ["name": "warehouse", "vanguard": "1"])
            #expect(created.status == .created)
            let token = try #require(created.body.firstMatch(of: /vg_[A-Za-z0-9_-]{43}/).map { String($0.output) })
            // Only a hash is stored.
            #expect(try await APITokenRecord.query(on: app.db).all().allSatisfy { $0.secretHash != token && $0.secretHash.count == 64 })
            // A site lead cannot make a token for another vanguard.
            let other = try await people.send(app, .siteLead, .POST, "/account/tokens", form: ["name": "x", "vanguard": "2"])
            #expect(other.status == .badRequest)
            // validate: the token writes its vanguard and nobody else's
            let own = try await app.send(
                .PATCH, "/api/v1/vanguards/1", json: #"{"governance":"Partnership board","contracting":"alliance"}"#, bearer: token)
            #expect(own.status == .ok)
            #expect(try own.json()["contracting"] as? String == "alliance")
            let foreign = try await app.send(.PATCH, "/api/v1/vanguards/2", json: #"{"governance":"Hijacked"}"#, bearer: token)
            #expect(foreign.status == .forbidden)
            #expect(try await RegistryStore(on: app).registry().governance[2]?.governance == nil)
            // Revoked on the web, the token stops working.
            let id = try #require(
                try await AccountStore(on: app).tokens(of: people.accounts[.siteLead]!.id).first { $0.name == "warehouse" }?.id)
            let revoke = try await people.send(app, .siteLead, .POST, "/account/tokens/\(id.uuidString)/revoke")
            #expect(revoke.status == .seeOther)
            let after = try await app.send(.PATCH, "/api/v1/vanguards/1", json: #"{"governance":"Again"}"#, bearer: token)
            #expect(after.status == .unauthorized)
            let bogus = try await app.send(.GET, "/api/v1/vanguards", bearer: "vg_not-a-token")
            #expect(bogus.status == .unauthorized)
        }
    }

    @Test func badAPIInputIsRefusedAndChangesNothing() async throws {
        try await TestApp.run { app in
            let people = try await People.make(in: app)
            let bad = try await app.send(.PATCH, "/api/v1/vanguards/1", json: #"{"contracting":"handshake"}"#, bearer: people.token)
            #expect(bad.status == .badRequest)
            #expect(
                try bad.json()["reason"] as? String
                    == "contracting: Choose one of alliance, capitated_budget, accountable_care, or leave it empty")
            let notJSON = try await app.send(.PATCH, "/api/v1/vanguards/1", json: "governance=1", bearer: people.token)
            #expect(notJSON.status == .badRequest)
            let long = try await app.send(
                .PATCH, "/api/v1/vanguards/1", json: "{\"governance\":\"\(String(repeating: "x", count: 2001))\"}", bearer: people.token)
            #expect(long.status == .badRequest)
            #expect(try await AuditLog.entries(matching: .init(entity: "vanguard"), on: app.db).isEmpty)
        }
    }

    @Test func webAPIAndCLIChangesEachLeaveOneAuditEntryWithTheirActor() async throws {
        try await TestApp.run { app in
            let people = try await People.make(in: app)
            // MUT: the web
            let web = try await people.send(
                app, .siteLead, .POST, "/vanguards/1/edit", form: ["governance": "Alliance board", "contracting": "alliance"])
            #expect(web.status == .seeOther)
            // MUT: the API
            let api = try await app.send(
                .PATCH, "/api/v1/vanguards/1", json: #"{"governance":"Alliance board with an independent chair","contracting":"alliance"}"#,
                bearer: people.token)
            #expect(api.status == .ok)
            // MUT: the CLI
            app.environment.arguments = [
                "vanguard", "tokens", "create", "--email", "sitelead@example.nhs.uk", "--vanguard", "1", "--name", "from the cli",
            ]
            try await app.execute()
            // validate
            let vanguardEntries = try await AuditLog.entries(matching: .init(entity: "vanguard", entityID: "1"), on: app.db)
            #expect(vanguardEntries.count == 2)
            let apiEntry = try #require(vanguardEntries.first)
            let webEntry = try #require(vanguardEntries.last)
            #expect(webEntry.actor.channel == .web && webEntry.actor.label == "Test siteLead (Site lead)")
            #expect(webEntry.before == ["governance": "", "contracting": ""])
            #expect(webEntry.after == ["governance": "Alliance board", "contracting": "alliance"])
            #expect(apiEntry.actor.channel == .api && apiEntry.actor.label == "Test siteLead (Site lead)")
            #expect(apiEntry.before?["governance"] == "Alliance board")
            let cliEntries = try await AuditLog.entries(matching: .init(entity: "api_token", channel: .cli), on: app.db)
            #expect(cliEntries.filter { $0.after?["name"] == "from the cli" }.count == 1)
            #expect(cliEntries.first?.actor.userID == nil)
            // The programme team can browse and filter it; nobody can change it through the app.
            let page = try await people.send(app, .programmeTeam, .GET, "/admin/audit?entity=vanguard&channel=api")
            #expect(page.body.contains("Alliance board with an independent chair"))
            #expect(page.count(of: "<td>api</td>") == 1)
            #expect(!app.routes.all.contains { $0.method != .GET && $0.path.map(\.description).joined(separator: "/").contains("audit") })
        }
    }

    @Test func rolesAreGivenByTheProgrammeTeamAndCheckedFirst() async throws {
        try await TestApp.run { app in
            let people = try await People.make(in: app)
            let member = people.accounts[.member]!
            let path = "/admin/users/\(member.id.uuidString)/roles"
            // The form starts with no role chosen, and submitting it so is refused by name.
            let form = try await people.send(app, .programmeTeam, .GET, "/admin/users/\(member.id.uuidString)")
            #expect(form.body.contains("<option value selected=\"selected\">Choose a role</option><option value=\"programme_team\">"))
            #expect(try await people.send(app, .programmeTeam, .POST, path, form: ["role": ""]).body.contains("Choose a role"))
            let missing = try await people.send(app, .programmeTeam, .POST, path, form: ["role": "site_lead", "vanguard": "99"])
            #expect(missing.status == .badRequest)
            #expect(missing.body.contains("There is no vanguard 99"))
            let wrongScope = try await people.send(app, .programmeTeam, .POST, path, form: ["role": "assessor", "vanguard": "3"])
            #expect(wrongScope.status == .badRequest)
            #expect(try await AccountStore(on: app).account(id: member.id)?.grants.isEmpty == true)
            let given = try await people.send(app, .programmeTeam, .POST, path, form: ["role": "site_lead", "vanguard": "3"])
            #expect(given.status == .seeOther)
            let account = try #require(try await AccountStore(on: app).account(id: member.id))
            #expect(account.roleGrants == [try RoleGrant(role: .siteLead, scope: .vanguard(3))])
            let entry = try #require(
                try await AuditLog.entries(matching: .init(entity: "role_grant", actor: "Test programmeTeam (Programme team)"), on: app.db)
                    .first)
            #expect(entry.after?["vanguard"] == "3")
            // The new site lead can now edit vanguard 3, and still not vanguard 1.
            let edit3 = try await people.send(app, .member, .GET, "/vanguards/3/edit")
            #expect(edit3.status == .ok)
            let edit1 = try await people.send(app, .member, .GET, "/vanguards/1/edit")
            #expect(edit1.status == .forbidden)
        }
    }
}
