import Foundation
import Testing
import VanguardCore
import VanguardStore
import VaporTesting

@testable import VanguardWeb

/// The programme's own API: programme tokens, the metric framework and rebase points.
@Suite struct ProgrammeAPITests {
    /// Two years of Wirral's emergency admissions with a step down in the second, evaluated.
    static func stepChange(_ app: Application) async throws {
        let values = (0..<24).map { offset in
            ReturnValue(
                areaCode: "E38000208", metricCode: "emergency_admissions", period: Month(year: 2014, month: 4).adding(months: offset),
                numerator: (offset < 12 ? 3000 : 2500) + Double(offset % 4), denominator: 330_000)
        }
        _ = try await ReturnsStore(on: app).submit(values, fileName: "step.csv", by: .operatorAtCLI("test"))
        try await EvaluationStore(on: app).recomputeAll(registry: try await RegistryStore(on: app).registry())
    }

    @Test func onlyTheProgrammeTeamCanHoldAProgrammeTokenAndItLapsesWithTheRole() async throws {
        try await TestApp.run { app in
            let people = try await People.make(in: app)
            // A site lead is not offered, and cannot forge, a programme token.
            let page = try await people.send(app, .siteLead, .GET, "/account/tokens")
            #expect(!page.body.contains("The programme (metric framework"))
            let forged = try await people.send(app, .siteLead, .POST, "/account/tokens", form: ["name": "x", "vanguard": "programme"])
            #expect(forged.status == .badRequest)
            await #expect(throws: ValidationError.self) {
                _ = try await AccountStore(on: app).createToken(
                    secretHash: String(repeating: "0", count: 64), prefix: "vg_x", name: "x", vanguard: nil,
                    for: people.accounts[.siteLead]!.id, by: .operatorAtCLI("test"))
            }
            // The programme team creates one on the web.
            let created = try await people.send(
                app, .programmeTeam, .POST, "/account/tokens", form: ["name": "framework sync", "vanguard": "programme"])
            #expect(created.status == .created)
            #expect(created.body.contains("The programme"))
            let token = try #require(created.body.firstMatch(of: /vg_[A-Za-z0-9_-]{43}/).map { String($0.output) })
            let edit =
                #"{"name":"Emergency admissions","definition":"Emergency admissions of residents","unit":"per 1,000 population","direction":"decrease","care_models":["pacs","mcp"],"target":null}"#
            #expect(try await app.send(.PUT, "/api/v1/metrics/emergency_admissions", json: edit, bearer: token).status == .ok)
            // A programme token does not carry its owner's other powers onto pages.
            #expect(try await app.send(.GET, "/admin/audit", bearer: token).status == .forbidden)
            // Revoking the role disarms the token.
            let owner = people.accounts[.programmeTeam]!.id
            for record in try await RoleGrantRecord.query(on: app.db).all() where record.userID == owner {
                try await AccountStore(on: app).revokeGrant(record.id!, from: owner, by: .operatorAtCLI("test"))
            }
            let disarmed = try await app.send(.PUT, "/api/v1/metrics/emergency_admissions", json: edit, bearer: token)
            #expect(disarmed.status == .unauthorized)
            #expect(
                try disarmed.json()["reason"] as? String
                    == "The API token's owner no longer holds the role it acts with, so the token no longer works.")
        }
    }

    @Test func theFrameworkIsReadAndEditedThroughTheAPIWithTheFormsChecks() async throws {
        try await TestApp.run { app in
            let people = try await People.make(in: app)
            try await Self.stepChange(app)
            // Reading is public.
            let list = try await app.fetch("/api/v1/metrics")
            #expect(list.status == .ok)
            let metrics = try #require(try JSONSerialization.jsonObject(with: Data(list.body.utf8)) as? [[String: Any]])
            #expect(metrics.count == 7)
            let one = try await app.fetch("/api/v1/metrics/emergency_admissions")
            #expect(try one.json()["direction"] as? String == "decrease")
            #expect(try one.json()["multiplier"] as? Double == 1000)
            #expect(try await app.fetch("/api/v1/metrics/nonsense").status == .notFound)
            // MUT: flip the direction and set a target; the evaluations are recomputed.
            let before = try #require(
                try await EvaluationStore(on: app).evaluations(vanguard: 1).vanguard.first { $0.metricCode == "emergency_admissions" })
            let edit =
                #"{"name":"Emergency admissions","definition":"Emergency admissions of residents","unit":"per 1,000 population","direction":"increase","care_models":["pacs"],"target":8.5}"#
            let put = try await people.send(app, .programmeToken, .PUT, "/api/v1/metrics/emergency_admissions", json: edit)
            #expect(put.status == .ok)
            #expect(try put.json()["target"] as? Double == 8.5)
            #expect(try put.json()["care_models"] as? [String] == ["pacs"])
            let metric = try #require(try await ReturnsStore(on: app).metrics().first { $0.code == "emergency_admissions" })
            #expect(metric.direction == .increase && metric.target == 8.5 && metric.careModels == [.pacs])
            let after = try #require(
                try await EvaluationStore(on: app).evaluations(vanguard: 1).vanguard.first { $0.metricCode == "emergency_admissions" })
            #expect(before.chart?.points.pointType.contains("special_cause_improvement") == true)
            #expect(after.chart?.points.pointType.contains("special_cause_concern") == true)
            let audit = try await AuditLog.entries(matching: .init(entity: "metric"), on: app.db)
            #expect(
                audit.first?.actor
                    == Actor(userID: people.accounts[.programmeTeam]!.id, label: "Test programmeTeam (Programme team)", channel: .api))
            // Bad input names each field and changes nothing.
            let bad = try await people.send(
                app, .programmeToken, .PUT, "/api/v1/metrics/emergency_admissions",
                json: #"{"name":"","definition":"d","unit":"u","direction":"sideways","care_models":["xyz"],"target":null}"#)
            #expect(bad.status == .badRequest)
            let reason = try #require(try bad.json()["reason"] as? String)
            #expect(
                reason.contains("care_models: 'xyz' is not a care model") && reason.contains("direction: Choose a direction")
                    && reason.contains("name: Enter your name"))
            // A multiplier (or any field fixed for life) sent with a new value is refused by name, not ignored.
            let rescaled = try await people.send(
                app, .programmeToken, .PUT, "/api/v1/metrics/emergency_admissions",
                json: String(edit.dropLast()) + #","multiplier":100000}"#)
            #expect(rescaled.status == .conflict)
            #expect(
                try rescaled.json()["reason"] as? String
                    == "multiplier: cannot be changed: every figure already published was computed with it (add a new metric instead)")
            #expect(
                try await people.send(
                    app, .programmeToken, .PUT, "/api/v1/metrics/emergency_admissions",
                    json: String(edit.dropLast()) + #","multiplier":1000}"#
                ).status == .ok)
            let notJSON = try await people.send(app, .programmeToken, .PUT, "/api/v1/metrics/emergency_admissions", json: "direction=up")
            #expect(notJSON.status == .badRequest)
            #expect(try await ReturnsStore(on: app).metrics().first { $0.code == "emergency_admissions" }?.direction == .increase)
            // A vanguard's token may not edit the framework.
            #expect(try await people.send(app, .token, .PUT, "/api/v1/metrics/emergency_admissions", json: edit).status == .forbidden)

            // The chart is the framework's choice: U′ here, drawn on the dashboard, read by the API.
            #expect(try await app.fetch("/api/v1/metrics/emergency_admissions").json()["chart"] as? String == "xmr")
            let wrongChart = try await people.send(
                app, .programmeToken, .PUT, "/api/v1/metrics/emergency_admissions", json: String(edit.dropLast()) + #","chart":"pie"}"#)
            #expect(wrongChart.status == .badRequest && wrongChart.body.contains("chart"))
            #expect(
                try await people.send(
                    app, .programmeToken, .PUT, "/api/v1/metrics/emergency_admissions",
                    json: String(edit.dropLast()) + #","chart":"up"}"#
                ).status == .ok)
            let stored = try #require(
                try await EvaluationStore(on: app).evaluations(vanguard: 1).vanguard.first { $0.metricCode == "emergency_admissions" })
            #expect(stored.reading?.kind == .up)
            #expect(try await app.fetch("/metric-framework").body.contains("U′ chart (Laney)"))
            #expect(
                try await app.fetch("/vanguards/1/dashboard").body.contains(
                    "Drawn on a U′ chart (Laney), as the metric framework sets for this metric"))
            let evaluations = try #require(
                try JSONSerialization.jsonObject(with: Data(try await app.fetch("/api/v1/vanguards/1/evaluations").body.utf8))
                    as? [[String: Any]])
            let admissions = try #require(evaluations.first { $0["metric_code"] as? String == "emergency_admissions" })
            #expect(admissions["chart"] as? String == "up")
            let first = try #require((admissions["points"] as? [[String: Any]])?.first)
            #expect(first["centre"] as? Double == stored.reading?.centre.first ?? nil)
        }
    }

    @Test func rebasePointsAreAddedListedAndRemovedThroughTheAPIAndTheWeb() async throws {
        try await TestApp.run { app in
            let people = try await People.make(in: app)
            try await Self.stepChange(app)
            // MUT: add through the API
            let body = #"{"metric":"emergency_admissions","period":"2015-04","reason":"New frailty pathway"}"#
            let created = try await people.send(app, .programmeToken, .POST, "/api/v1/vanguards/1/rebases", json: body)
            #expect(created.status == .created)
            #expect(try created.json()["period"] as? String == "2015-04")
            #expect(try created.json()["created_by"] as? String == "Test programmeTeam (Programme team)")
            var evaluation = try #require(
                try await EvaluationStore(on: app).evaluations(vanguard: 1).vanguard.first { $0.metricCode == "emergency_admissions" })
            #expect(evaluation.chart?.groups.count == 2)
            let listed = try await app.fetch("/api/v1/vanguards/1/rebases")
            let points = try #require(try JSONSerialization.jsonObject(with: Data(listed.body.utf8)) as? [[String: Any]])
            #expect(points.count == 1 && points.first?["reason"] as? String == "New frailty pathway")
            // Bad requests are refused and change nothing.
            let twice = try await people.send(app, .programmeToken, .POST, "/api/v1/vanguards/1/rebases", json: body)
            #expect(twice.status == .conflict)
            #expect(try twice.json()["reason"] as? String == "period: The chart is already rebased at 2015-04")
            let noMonth = try await people.send(
                app, .programmeToken, .POST, "/api/v1/vanguards/1/rebases",
                json: #"{"metric":"emergency_admissions","period":"2031-01","reason":"x"}"#)
            #expect(noMonth.status == .notFound)
            #expect(try noMonth.json()["reason"] as? String == "The month '2031-01' of the chart of emergency_admissions was not found.")
            let noChart = try await people.send(
                app, .programmeToken, .POST, "/api/v1/vanguards/1/rebases",
                json: #"{"metric":"made_up","period":"2015-04","reason":"x"}"#)
            #expect(noChart.status == .notFound)
            let noReason = try await people.send(app, .programmeToken, .DELETE, "/api/v1/vanguards/1/rebases/emergency_admissions/2015-04")
            #expect(noReason.status == .badRequest)
            let missing = try await people.send(
                app, .programmeToken, .DELETE, "/api/v1/vanguards/1/rebases/emergency_admissions/2015-05?reason=x")
            #expect(missing.status == .notFound)
            // MUT: remove through the API, with a reason kept in the audit log.
            let removed = try await people.send(
                app, .programmeToken, .DELETE, "/api/v1/vanguards/1/rebases/emergency_admissions/2015-04?reason=Pathway%20paused")
            #expect(removed.status == .noContent)
            evaluation = try #require(
                try await EvaluationStore(on: app).evaluations(vanguard: 1).vanguard.first { $0.metricCode == "emergency_admissions" })
            #expect(evaluation.chart?.groups.count == 1)
            let audit = try await AuditLog.entries(matching: .init(entity: "chart"), on: app.db)
            #expect(audit.map(\.action).sorted() == ["rebase", "remove_rebase"])
            #expect(audit.first { $0.action == "remove_rebase" }?.after?["removal_reason"] == "Pathway paused")
            // And the same on the web.
            _ = try await people.send(
                app, .programmeTeam, .POST, "/vanguards/1/dashboard/rebase",
                form: ["metric": "emergency_admissions", "period": "2015-06", "reason": "Second try"])
            let page = try await people.send(app, .programmeTeam, .GET, "/vanguards/1/dashboard")
            #expect(page.body.contains("Remove this rebase point"))
            let webRemove = try await people.send(
                app, .programmeTeam, .POST, "/vanguards/1/dashboard/rebase/remove",
                form: ["metric": "emergency_admissions", "period": "2015-06", "reason": "Entered by mistake"])
            #expect(webRemove.status == .seeOther)
            #expect(try await EvaluationStore(on: app).rebases(vanguard: 1).isEmpty)
        }
    }
}
