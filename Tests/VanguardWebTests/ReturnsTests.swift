import Foundation
import Testing
import VanguardCore
import VanguardStore
import VaporTesting

@testable import VanguardWeb

@Suite struct ReturnsTests {
    static func value(_ area: String, _ month: Int, _ numerator: Double) -> ReturnValue {
        ReturnValue(
            areaCode: area, metricCode: "emergency_admissions", period: Month(year: 2015, month: month), numerator: numerator,
            denominator: 300_000)
    }

    @Test func aResubmissionRevisesAndKeepsTheEarlierVersion() async throws {
        try await TestApp.run { app in
            // setup
            let store = ReturnsStore(on: app)
            let lead = Actor(userID: nil, label: "lead@wirral.nhs.uk", channel: .api)
            let first = try await store.submit(
                (1...12).map { Self.value("E38000208", $0, 1000 + Double($0)) }, fileName: "first.csv", by: lead)
            #expect(first.added == 12 && first.revised == 0)
            // MUT: March changes, the rest are sent again unchanged, and one new area appears
            var again = (1...12).map { Self.value("E38000208", $0, 1000 + Double($0)) }
            again[2] = Self.value("E38000208", 3, 1500)
            again.append(Self.value("E38000143", 1, 900))
            let second = try await store.submit(again, fileName: "second.csv", by: .operatorAtCLI("test"))
            // validate
            #expect(second.added == 1 && second.revised == 1 && second.unchanged == 11)
            let history = try await store.history(area: "E38000208", metric: "emergency_admissions", period: Month(year: 2015, month: 3))
            #expect(history.map(\.revision) == [2, 1])
            #expect(history.map(\.numerator) == [1500, 1003])
            #expect(history.map(\.isCurrent) == [true, false])
            #expect(history.last?.submittedBy == "lead@wirral.nhs.uk" && history.last?.channel == "api")
            let series = try await store.series(area: "E38000208", metric: "emergency_admissions")
            #expect(series.count == 12)
            #expect(series[2].numerator == 1500)
            let counts = try await store.counts()
            #expect(counts.values == 14 && counts.current == 13 && counts.submissions == 2)
            let audit = try await AuditLog.entries(matching: .init(entity: "submission"), on: app.db)
            #expect(audit.count == 2)
            #expect(audit.first?.after?["revised"] == "1")
        }
    }

    @Test func aSubmissionThatFailsPartWayWritesNothing() async throws {
        try await TestApp.run { app in
            let store = ReturnsStore(on: app)
            _ = try await store.submit([Self.value("E38000208", 1, 10)], fileName: "first.csv", by: .operatorAtCLI("test"))
            // setup: an area the database does not know slips past the file check and fails the insert late
            var values = (1...12).map { Self.value("E38000208", $0, 20) }
            values.append(Self.value("E38999999", 1, 5))
            // MUT
            await #expect(throws: (any Error).self) { try await store.submit(values, fileName: "bad.csv", by: .operatorAtCLI("test")) }
            // validate: the earlier state exactly
            let counts = try await store.counts()
            #expect(counts.values == 1 && counts.current == 1 && counts.submissions == 1)
            #expect(try await store.series(area: "E38000208", metric: "emergency_admissions").map(\.numerator) == [10])
            #expect(try await AuditLog.entries(matching: .init(entity: "submission"), on: app.db).count == 1)
        }
    }

    @Test func theCLIImportsAFileAndABadFileChangesNothing() async throws {
        try await TestApp.run { app in
            // setup
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("vanguard-returns-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            let good = directory.appendingPathComponent("good.csv")
            try
                "area_code,metric_code,period,numerator,denominator\nE38000208,emergency_admissions,2015-04,1032,320500\nE38000143,ae_four_hour,2015-04,9000,10000\n"
                .write(to: good, atomically: true, encoding: .utf8)
            let bad = directory.appendingPathComponent("bad.csv")
            try
                "area_code,metric_code,period,numerator,denominator\nE38000208,emergency_admissions,2015-05,1040,320500\nE38000208,emergency_admissions,2015-06,-3,320500\n"
                .write(to: bad, atomically: true, encoding: .utf8)
            // MUT
            app.environment.arguments = ["vanguard", "import", "returns", good.path]
            try await app.execute()
            app.environment.arguments = ["vanguard", "import", "returns", bad.path]
            await #expect(throws: (any Error).self) { try await app.execute() }
            // validate
            let counts = try await ReturnsStore(on: app).counts()
            #expect(counts.values == 2 && counts.submissions == 1)
            let entry = try #require(try await AuditLog.entries(matching: .init(entity: "submission"), on: app.db).first)
            #expect(entry.actor.channel == .cli && entry.after?["file"] == "good.csv" && entry.after?["added"] == "2")
        }
    }
}

@Suite struct DashboardTests {
    @Test func theDashboardReadsStoredEvaluationsAndSaysWhenDataIsGenerated() async throws {
        try await TestApp.run { app in
            // setup: two years of returns for Wirral and for an area no vanguard covered
            let store = ReturnsStore(on: app)
            let registry = try await RegistryStore(on: app).registry()
            let uncovered = try #require(registry.areas.first { registry.vanguards(covering: $0.code).isEmpty })
            var values: [ReturnValue] = []
            for offset in 0..<24 {
                let month = Month(year: 2014, month: 4).adding(months: offset)
                values.append(
                    ReturnValue(
                        areaCode: "E38000208", metricCode: "emergency_admissions", period: month, numerator: 2800 + Double(offset),
                        denominator: 330_000))
                values.append(
                    ReturnValue(
                        areaCode: uncovered.code, metricCode: "emergency_admissions", period: month, numerator: 1000, denominator: 120_000))
            }
            _ = try await store.submit(values, fileName: "two-years.csv", by: .operatorAtCLI("test"))
            // Before evaluation the dashboard has nothing to show rather than computing on the request.
            let before = try await app.fetch("/vanguards/1/dashboard")
            #expect(before.body.contains("No returns have been received"))
            // MUT
            let count = try await EvaluationStore(on: app).recomputeAll(registry: registry)
            // validate
            // One for the rest of England, one for each vanguard judged by this metric that covers Wirral…
            let judged = registry.vanguards(covering: "E38000208").filter { [.pacs, .mcp, .uec].contains($0.careModel) }
            // And one for each of their care models' vanguard areas pooled.
            #expect(count == 1 + judged.count + Set(judged.map(\.careModel)).count)
            let page = try await app.fetch("/vanguards/1/dashboard")
            #expect(page.status == .ok)
            #expect(page.body.contains("Emergency admissions per 1,000 population"))
            #expect(page.body.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"vg-spc\""))
            #expect(page.count(of: "class=\"vg-spc__point ") == 24)
            #expect(!page.body.contains("Generated data"))
            #expect(page.body.contains("<td>0.0%</td>"))  // the rest of England did not change
            let csv = try await app.fetch("/vanguards/1/dashboard.csv")
            #expect(csv.headers.first(name: .contentType)?.hasPrefix("text/csv") == true)
            #expect(csv.body.split(separator: "\r\n").count == 25)
            #expect(csv.body.contains("Wirral Partners,emergency_admissions,2014-04,2800.0,330000.0,"))
        }
    }
}

@Suite struct ReturnsSubmissionTests {
    static let header = "area_code,metric_code,period,numerator,denominator\n"

    static func multipart(_ csv: String, csrf: String) -> (contentType: String, body: String) {
        let boundary = "vanguard-test-boundary"
        let body =
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\n\(csrf)\r\n"
            + "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"wirral.csv\"\r\nContent-Type: text/csv\r\n\r\n\(csv)\r\n--\(boundary)--\r\n"
        return ("multipart/form-data; boundary=\(boundary)", body)
    }

    static func upload(_ app: Application, _ people: People, as kind: People.Kind, csv: String, csrf: String = People.csrf) async throws
        -> Fetched
    {
        let token = csrf == People.csrf ? CSRFMiddleware.formToken(cookie: People.csrf, session: people.sessions[kind]) : csrf
        let (contentType, body) = multipart(csv, csrf: token)
        var headers = HTTPHeaders()
        headers.add(name: .cookie, value: "\(TestApp.cookies.csrf)=\(People.csrf); \(TestApp.cookies.session)=\(people.sessions[kind]!)")
        headers.add(name: .contentType, value: contentType)
        var fetched: Fetched?
        try await app.testing().test(.POST, "/returns/upload", headers: headers, body: ByteBuffer(string: body)) { response in
            fetched = Fetched(status: response.status, headers: response.headers, body: response.body.string)
        }
        return try #require(fetched)
    }

    @Test func aTokenSubmitsForItsOwnVanguardsAreasOnly() async throws {
        try await TestApp.run { app in
            let people = try await People.make(in: app)
            // MUT: Wirral (vanguard 1's footprint), then Salford (not)
            let own = try await app.send(
                .POST, "/api/v1/returns", json: nil, bearer: people.token,
                csv: Self.header + "E38000208,emergency_admissions,2015-04,2800,330000\n")
            let foreign = try await app.send(
                .POST, "/api/v1/returns", json: nil, bearer: people.token,
                csv: Self.header
                    + "E38000208,emergency_admissions,2015-05,2810,330000\nE38000143,emergency_admissions,2015-04,2000,250000\n")
            // validate
            #expect(own.status == .created)
            #expect(try own.json()["added"] as? Int == 1)
            #expect(foreign.status == .badRequest)
            let problems = try #require(try foreign.json()["problems"] as? [[String: Any]])
            #expect(problems.count == 1)
            #expect(problems.first?["row"] as? Int == 3 && problems.first?["column"] as? String == "area_code")
            #expect(
                problems.first?["reason"] as? String
                    == "is not an area you may submit for: your vanguard's footprint, less areas a more local vanguard or the programme team submits"
            )
            let counts = try await ReturnsStore(on: app).counts()
            #expect(counts.values == 1 && counts.submissions == 1)
            // The submission was evaluated at once: the dashboard has its chart.
            let dashboard = try await app.fetch("/vanguards/1/dashboard")
            #expect(dashboard.count(of: "class=\"vg-spc__point ") == 1)
            let entry = try #require(try await AuditLog.entries(matching: .init(entity: "submission"), on: app.db).first)
            #expect(entry.actor.channel == .api && entry.actor.label == "Test siteLead (Site lead)")
        }
    }

    @Test func aSiteLeadUploadsAFileAndABadOneChangesNothing() async throws {
        try await TestApp.run { app in
            let people = try await People.make(in: app)
            let good = try await Self.upload(
                app, people, as: .siteLead,
                csv: Self.header + "E38000208,emergency_admissions,2015-04,2800,330000\nE38000208,ae_attendances,2015-04,11000,330000\n")
            #expect(good.status == .created)
            #expect(good.body.contains("wirral.csv was accepted: 2 rows, 2 added, 0 revised, 0 unchanged"))
            let bad = try await Self.upload(
                app, people, as: .siteLead,
                csv: Self.header + "E38000208,emergency_admissions,2015-04,2900,330000\nE38000208,ae_attendances,2015-13,1,1\n")
            #expect(bad.status == .badRequest)
            #expect(bad.body.contains("wirral.csv was not accepted; nothing was written"))
            #expect(bad.body.contains("<td>3</td><td>period</td><td>2015-13</td><td>is not a month in the form YYYY-MM</td>"))
            let history = try await ReturnsStore(on: app).history(
                area: "E38000208", metric: "emergency_admissions", period: Month(year: 2015, month: 4))
            #expect(history.map(\.numerator) == [2800])
            // A revision through the web keeps the first.
            let revised = try await Self.upload(
                app, people, as: .siteLead, csv: Self.header + "E38000208,emergency_admissions,2015-04,2900,330000\n")
            #expect(revised.body.contains("1 revised"))
            let after = try await ReturnsStore(on: app).history(
                area: "E38000208", metric: "emergency_admissions", period: Month(year: 2015, month: 4))
            #expect(after.map(\.numerator) == [2900, 2800])
            #expect(after.first?.submittedBy == "Test siteLead (Site lead)" && after.first?.channel == "web")
            // Without the form's CSRF token the upload is refused.
            let forged = try await Self.upload(
                app, people, as: .siteLead, csv: Self.header + "E38000208,emergency_admissions,2015-06,1,1\n",
                csrf: String(repeating: "z", count: 43))
            #expect(forged.status == .forbidden)
        }
    }
}

@Suite struct NationalViewTests {
    @Test func theNationalViewComparesCareModelsWithTheRestOfEngland() async throws {
        try await TestApp.run { app in
            // setup: Wirral (PACS) grows 2% a year less than an area no vanguard covered
            let registry = try await RegistryStore(on: app).registry()
            let uncovered = try #require(registry.areas.first { registry.vanguards(covering: $0.code).isEmpty })
            var values: [ReturnValue] = []
            for offset in 0..<48 {
                let month = Month(year: 2014, month: 4).adding(months: offset)
                let year = Double(offset / 12)
                values.append(
                    ReturnValue(
                        areaCode: "E38000208", metricCode: "emergency_admissions", period: month, numerator: 1000 * (1 + 0.01 * year),
                        denominator: 100_000))
                values.append(
                    ReturnValue(
                        areaCode: uncovered.code, metricCode: "emergency_admissions", period: month, numerator: 1000 * (1 + 0.03 * year),
                        denominator: 100_000))
            }
            _ = try await ReturnsStore(on: app).submit(values, fileName: "national.csv", by: .operatorAtCLI("test"))
            try await EvaluationStore(on: app).recomputeAll(registry: registry)
            // MUT
            let page = try await app.fetch("/national")
            // validate: the latest year against 2014/15 is +3% for Wirral and +9% for the rest
            #expect(page.status == .ok)
            #expect(page.body.contains("<strong>+9.0%</strong>"))
            #expect(page.body.contains(">+3.0%<"))
            #expect(page.body.contains("href=\"/vanguards/1/dashboard\""))
            let sorted = try await app.fetch("/national?sort=emergency_admissions")
            #expect(sorted.status == .ok)
            let bad = try await app.fetch("/national?sort=nonsense")
            #expect(bad.status == .badRequest)
        }
    }

    @Test func oneSiteReportingEarlyDoesNotMoveThePooledFigures() async throws {
        try await TestApp.run { app in
            // setup: two PACS sites, Wirral and Salford, each with two years, pooled +5.0%
            let registry = try await RegistryStore(on: app).registry()
            var values: [ReturnValue] = []
            for offset in 0..<24 {
                let month = Month(year: 2014, month: 4).adding(months: offset)
                values.append(
                    ReturnValue(
                        areaCode: "E38000208", metricCode: "emergency_admissions", period: month, numerator: offset < 12 ? 1000 : 1040,
                        denominator: 100_000))
                values.append(
                    ReturnValue(
                        areaCode: "E38000143", metricCode: "emergency_admissions", period: month, numerator: offset < 12 ? 1000 : 1060,
                        denominator: 100_000))
            }
            let store = ReturnsStore(on: app)
            let evaluations = EvaluationStore(on: app)
            _ = try await store.submit(values, fileName: "two-years.csv", by: .operatorAtCLI("test"))
            try await evaluations.recomputeAll(registry: registry)
            let key = EvaluationStore.careModelKey(.pacs, metric: "emergency_admissions")
            let before = try #require(try await evaluations.summaries().first { $0.key == key }?.changeAgainstBaseline)
            #expect(abs(before - 0.05) < 1e-12)
            // MUT: Wirral alone reports three more months, much higher
            let early = (24..<27).map { offset in
                ReturnValue(
                    areaCode: "E38000208", metricCode: "emergency_admissions", period: Month(year: 2014, month: 4).adding(months: offset),
                    numerator: 1500, denominator: 100_000)
            }
            _ = try await store.submit(early, fileName: "wirral-early.csv", by: .operatorAtCLI("test"))
            try await evaluations.recomputeAll(registry: registry)
            // validate: the pooled PACS figure is unchanged, and the page says which months it left out
            let after = try #require(try await evaluations.summaries().first { $0.key == key }?.changeAgainstBaseline)
            #expect(after == before)
            let page = try await app.fetch("/national")
            #expect(page.body.contains("Each figure pools only the months every area in its pool has reported, within 2014-04 to 2016-03"))
            #expect(
                page.body.contains(
                    "PACS, Emergency admissions per 1,000 population: 3 months left out (2016-04 to 2016-06), reported by some areas only"))
            // Wirral's own figure uses its own months: it is one area, so nothing is left out.
            let wirral = try #require(
                try await evaluations.evaluations(vanguard: 1).vanguard.first { $0.metricCode == "emergency_admissions" })
            #expect(wirral.months.count == 27 && wirral.monthsLeftOut.isEmpty)
        }
    }
}

@Suite struct ReturnsHistoryPageTests {
    @Test func anAreaShowsEveryRevisionWithWhoSentIt() async throws {
        try await TestApp.run { app in
            let store = ReturnsStore(on: app)
            let april = ReturnValue(
                areaCode: "E38000208", metricCode: "emergency_admissions", period: Month(year: 2015, month: 4), numerator: 2800,
                denominator: 330_000)
            _ = try await store.submit([april], fileName: "a.csv", by: Actor(userID: nil, label: "first@wirral.nhs.uk", channel: .web))
            let revised = ReturnValue(
                areaCode: "E38000208", metricCode: "emergency_admissions", period: april.period, numerator: 2900, denominator: 330_000)
            _ = try await store.submit([revised], fileName: "b.csv", by: Actor(userID: nil, label: "second@wirral.nhs.uk", channel: .api))
            let area = try await app.fetch("/areas/E38000208")
            #expect(area.body.contains("href=\"/areas/E38000208/returns/emergency_admissions\""))
            let page = try await app.fetch("/areas/E38000208/returns/emergency_admissions")
            #expect(page.status == .ok)
            #expect(page.body.contains("2 (in use)") && page.body.contains("1 (replaced)"))
            #expect(page.body.contains("second@wirral.nhs.uk (api)") && page.body.contains("first@wirral.nhs.uk (web)"))
            #expect(!page.body.contains("Generated data"))
            #expect(try await app.fetch("/areas/E38000208/returns/nonsense").status == .notFound)
        }
    }
}

@Suite struct MetricFrameworkTests {
    static let form = [
        "name": "Emergency admissions per 1,000 population", "definition": "Emergency admissions of residents",
        "unit": "per 1,000 population",
        "direction": "decrease", "care_models": "pacs mcp uec", "target": "8",
    ]

    @Test func theProgrammeTeamSetsATargetAndTheChartsFollow() async throws {
        try await TestApp.run { app in
            let people = try await People.make(in: app)
            // setup: a year of Wirral returns, evaluated without a target
            let values = (0..<12).map {
                ReturnValue(
                    areaCode: "E38000208", metricCode: "emergency_admissions", period: Month(year: 2014, month: 4).adding(months: $0),
                    numerator: 3000 + Double($0 % 3), denominator: 330_000)
            }
            _ = try await ReturnsStore(on: app).submit(values, fileName: "year.csv", by: .operatorAtCLI("test"))
            let registry = try await RegistryStore(on: app).registry()
            try await EvaluationStore(on: app).recomputeAll(registry: registry)
            #expect(
                try await EvaluationStore(on: app).evaluations(vanguard: 1).vanguard.first { $0.metricCode == "emergency_admissions" }?
                    .chart?.assuranceIcon == nil)
            // MUT
            let saved = try await people.send(app, .programmeTeam, .POST, "/metric-framework/emergency_admissions/edit", form: Self.form)
            // validate: saved, audited, and the evaluation now judges the target (rates ≈ 9.1 per 1,000 never reach 8)
            #expect(saved.status == .seeOther)
            let evaluation = try await EvaluationStore(on: app).evaluations(vanguard: 1).vanguard.first {
                $0.metricCode == "emergency_admissions"
            }
            #expect(evaluation?.chart?.assuranceIcon == "fail")
            let entry = try #require(try await AuditLog.entries(matching: .init(entity: "metric"), on: app.db).first)
            #expect(
                entry.before?["target"] == "" && entry.after?["target"] == "8.0"
                    && entry.actor.label == "Test programmeTeam (Programme team)")
            let page = try await app.fetch("/metric-framework")
            #expect(page.body.contains("Emergency admissions per 1,000 population"))
            // The dashboard draws the target, labels the y-axis with round ticks, and shows the official icons with their words.
            let dashboard = try await app.fetch("/vanguards/1/dashboard")
            #expect(dashboard.count(of: "class=\"vg-spc__target\"") == 1 && dashboard.body.contains(">target 8.00</text>"))
            #expect(dashboard.count(of: "class=\"vg-spc__axis vg-spc__tick\"") >= 3)
            #expect(
                dashboard.body.contains(
                    "<img src=\"/assets/spc-assurance-fail.svg\" alt=\"The process is expected to consistently fail the target\""))
            #expect(
                dashboard.body.contains(
                    "<img src=\"/assets/spc-variation-common_cause.svg\" alt=\"Common cause variation: no significant change\""))
            let icon = try await app.fetch("/assets/spc-assurance-fail.svg")
            #expect(icon.status == .ok && icon.headers.contentType?.subType == "svg+xml")
            #expect(try await app.fetch("/assets/spc-icons-LICENSE.md").body.contains("MIT"))
        }
    }

    @Test(arguments: [
        ("target", "eight", "Give a number, or leave it empty"), ("care_models", "pacs hospitals", "'hospitals' is not a care model"),
        ("name", "", "Enter your name"),
    ])
    func badEditsChangeNothing(field: String, value: String, reason: String) async throws {
        try await TestApp.run { app in
            let people = try await People.make(in: app)
            var form = Self.form
            form[field] = value
            let response = try await people.send(app, .programmeTeam, .POST, "/metric-framework/emergency_admissions/edit", form: form)
            #expect(response.status == .badRequest)
            #expect(response.body.contains(reason))
            #expect(try await ReturnsStore(on: app).metrics().first { $0.code == "emergency_admissions" }?.target == nil)
            #expect(try await AuditLog.entries(matching: .init(entity: "metric"), on: app.db).isEmpty)
        }
    }
}

@Suite struct AEImportCommandTests {
    @Test func theCLIImportsFourHourReturnsThroughTheLookup() async throws {
        try await TestApp.run { app in
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("vanguard-ae-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            let lookup = directory.appendingPathComponent("lookup.csv")
            try "org_code,area_code\nRBL,E38000208\nRM3,E38000143\n".write(to: lookup, atomically: true, encoding: .utf8)
            let fixture = TestApp.root.appendingPathComponent("Tests/VanguardCoreTests/Fixtures/ae/ae-2016-03.csv")
            // MUT
            app.environment.arguments = ["vanguard", "import", "ae", fixture.path, "--lookup", lookup.path]
            try await app.execute()
            // validate
            let series = try await ReturnsStore(on: app).series(area: "E38000208", metric: "ae_four_hour")
            #expect(series.map(\.numerator) == [8_810] && series.map(\.denominator) == [10_132])
            #expect(try await ReturnsStore(on: app).counts().values == 2)
            // The file's mappings are now kept in the database, audited as the CLI's.
            #expect(try await ProviderLookupStore(on: app).lookup() == ["RBL": "E38000208", "RM3": "E38000143"])
            #expect(
                try await AuditLog.entries(matching: .init(entity: "provider_area"), on: app.db).allSatisfy { $0.actor.channel == .cli })
        }
    }

    @Test func theStoredLookupIsUsedAndEditedOnTheWeb() async throws {
        try await TestApp.run { app in
            let people = try await People.make(in: app)
            let fixture = TestApp.root.appendingPathComponent("Tests/VanguardCoreTests/Fixtures/ae/ae-2016-03.csv")
            // An empty lookup is a clear failure, not an empty import.
            app.environment.arguments = ["vanguard", "import", "ae", fixture.path]
            await #expect(throws: CommandFailure.self) { try await app.execute() }
            // MUT: the programme team maps Wirral's trust on the web.
            let saved = try await people.send(
                app, .programmeTeam, .POST, "/returns/providers",
                form: ["org_code": "rbl", "org_name": "Wirral University Teaching Hospital NHS FT", "area_code": "E38000208"])
            #expect(saved.status == .seeOther)
            let page = try await people.send(app, .programmeTeam, .GET, "/returns/providers")
            #expect(page.body.contains("<code>RBL</code>") && page.body.contains("Wirral University Teaching Hospital NHS FT"))
            // Bad input names the field and changes nothing.
            let bad = try await people.send(
                app, .programmeTeam, .POST, "/returns/providers", form: ["org_code": "R!", "org_name": "", "area_code": "E38999999"])
            #expect(bad.status == .badRequest)
            #expect(bad.body.contains("An ODS code is 3 to 10 letters and digits") && bad.body.contains("Choose a sub-ICB location"))
            #expect(try await ProviderLookupStore(on: app).entries().count == 1)
            // validate: the import reads the stored lookup
            try await app.execute()
            #expect(try await ReturnsStore(on: app).series(area: "E38000208", metric: "ae_four_hour").map(\.numerator) == [8_810])
            #expect(try await ReturnsStore(on: app).counts().values == 1)
            // Removing is audited too.
            let removed = try await people.send(app, .programmeTeam, .POST, "/returns/providers/RBL/remove")
            #expect(removed.status == .seeOther)
            #expect(try await ProviderLookupStore(on: app).entries().isEmpty)
            #expect(
                try await AuditLog.entries(matching: .init(entity: "provider_area"), on: app.db).map(\.action).sorted() == [
                    "create", "delete",
                ])
            #expect(try await people.send(app, .programmeTeam, .POST, "/returns/providers/RBL/remove").status == .notFound)
        }
    }
}

@Suite struct RebaseTests {
    @Test func theProgrammeTeamRebasesAChartWithAReason() async throws {
        try await TestApp.run { app in
            // setup: two years for Wirral, a step change in the second
            let people = try await People.make(in: app)
            let values = (0..<24).map { offset in
                ReturnValue(
                    areaCode: "E38000208", metricCode: "emergency_admissions", period: Month(year: 2014, month: 4).adding(months: offset),
                    numerator: (offset < 12 ? 3000 : 2500) + Double(offset % 4), denominator: 330_000)
            }
            _ = try await ReturnsStore(on: app).submit(values, fileName: "step.csv", by: .operatorAtCLI("test"))
            try await EvaluationStore(on: app).recomputeAll(registry: try await RegistryStore(on: app).registry())
            // MUT
            let response = try await people.send(
                app, .programmeTeam, .POST, "/vanguards/1/dashboard/rebase",
                form: ["metric": "emergency_admissions", "period": "2015-04", "reason": "New frailty pathway opened"])
            // validate
            #expect(response.status == .seeOther)
            let evaluation = try #require(
                try await EvaluationStore(on: app).evaluations(vanguard: 1).vanguard.first { $0.metricCode == "emergency_admissions" })
            #expect(evaluation.rebaseMonths == [Month(year: 2015, month: 4)])
            #expect(evaluation.chart?.groups.count == 2)
            #expect(evaluation.chart?.groups.last?.startIndex == 12)
            let page = try await app.fetch("/vanguards/1/dashboard")
            #expect(
                page.body.contains("Limits recalculated from 2015-04: New frailty pathway opened (Test programmeTeam (Programme team))"))
            #expect(
                try await AuditLog.entries(matching: .init(entity: "chart"), on: app.db).first?.after?["reason"]
                    == "New frailty pathway opened")
            // A bad month or a missing reason changes nothing.
            let bad = try await people.send(
                app, .programmeTeam, .POST, "/vanguards/1/dashboard/rebase",
                form: ["metric": "emergency_admissions", "period": "2030-01", "reason": "x"])
            #expect(bad.status == .badRequest)
            #expect(bad.body.contains("Give a month in the form YYYY-MM that the chart shows"))
            let again = try await people.send(
                app, .programmeTeam, .POST, "/vanguards/1/dashboard/rebase",
                form: ["metric": "emergency_admissions", "period": "2015-04", "reason": "twice"])
            #expect(again.status == .badRequest)
            #expect(try await AuditLog.entries(matching: .init(entity: "chart"), on: app.db).count == 1)
        }
    }
}
