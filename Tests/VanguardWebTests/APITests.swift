import Foundation
import Testing
import VanguardCore
import VaporTesting

@testable import VanguardWeb

@Suite struct APITests {
    @Test func vanguardListsArePagedInFluentsShape() async throws {
        try await TestApp.run { app in
            // MUT
            let first = try await app.fetch("/api/v1/vanguards").json()
            let third = try await app.fetch("/api/v1/vanguards?page=3").json()
            // validate
            let metadata = try #require(first["metadata"] as? [String: Int])
            #expect(metadata == ["page": 1, "per": 20, "total": 50])
            #expect((first["items"] as? [Any])?.count == 20)
            #expect((third["items"] as? [Any])?.count == 10)
            let acc = try await app.fetch("/api/v1/vanguards?care_model=acc&per=100").json()
            #expect((acc["metadata"] as? [String: Int])?["total"] == 13)
            let beyond = try await app.fetch("/api/v1/vanguards?page=99").json()
            #expect((beyond["items"] as? [Any])?.isEmpty == true)
        }
    }

    @Test func vanguardDetailCarriesFootprintPartnersAndSources() async throws {
        try await TestApp.run { app in
            let response = try await app.fetch("/api/v1/vanguards/1")
            #expect(response.status == .ok)
            #expect(response.headers.contentType == .json)
            let vanguard = try response.json()
            #expect(vanguard["name"] as? String == "Wirral Partners")
            #expect(vanguard["care_model"] as? String == "pacs")
            #expect(vanguard["wave"] as? Int == 1)
            #expect(vanguard["announced"] as? String == "2015-03-10")
            #expect((vanguard["areas"] as? [[String: Any]])?.map { $0["code"] as? String } == ["E38000208"])
            let partners = try #require(vanguard["partners"] as? [[String: Any]])
            #expect(partners.count == 6)
            #expect(
                partners.contains {
                    $0["name"] as? String == "NHS Wirral CCG" && $0["ods_code"] as? String == "12F"
                        && $0["as_written"] as? String == "Wirral CCG"
                })
            #expect((vanguard["sources"] as? [String])?.count == 2)
            #expect(vanguard["html"] as? String == "/vanguards/1")
        }
    }

    @Test func areasAndOrganisationsFilter() async throws {
        try await TestApp.run { app in
            let uncovered = try await app.fetch("/api/v1/areas?covered=false").json()
            #expect((uncovered["metadata"] as? [String: Int])?["total"] == 47)
            let northWest = try await app.fetch("/api/v1/areas?region=E40000010&per=100").json()
            let items = try #require(northWest["items"] as? [[String: Any]])
            #expect(items.allSatisfy { ($0["region"] as? [String: String])?["name"] == "North West" })
            let manchester = try await app.fetch("/api/v1/areas?icb=E54000057&per=100").json()
            #expect((manchester["metadata"] as? [String: Int])?["total"] == 10)
            let ambulance = try await app.fetch("/api/v1/organisations?sector=ambulance").json()
            #expect((ambulance["metadata"] as? [String: Int])?["total"] == 3)
            let area = try await app.fetch("/api/v1/areas/E38000143").json()
            #expect((area["vanguards"] as? [[String: Any]])?.compactMap { $0["number"] as? Int } == [5, 38])
            let organisation = try await app.fetch("/api/v1/organisations/salford-royal-nhs-ft").json()
            #expect(organisation["sector"] as? String == "acute_trust")
        }
    }

    @Test(arguments: [
        ("/api/v1/vanguards?page=-1", 400, "page='-1' is not allowed: page must be a whole number from 1 to 100000"),
        ("/api/v1/vanguards?per=1000000000", 400, "per='1000000000' is not allowed: per must be a whole number from 1 to 100"),
        (
            "/api/v1/vanguards?care_model=hospital", 400,
            "care_model='hospital' is not allowed: care_model must be one of pacs, mcp, ehch, uec, acc"
        ),
        ("/api/v1/areas?covered=maybe", 400, "covered='maybe' is not allowed: covered must be true or false"),
        (
            "/api/v1/areas?icb=E54999999", 400,
            "icb='E54999999' is not allowed: icb must be an ICB code (E54…) of a current integrated care board"
        ),
        ("/api/v1/vanguards/99", 404, "The vanguard 99 was not found."),
        ("/api/v1/areas/E38999999", 404, "The area E38999999 was not found."),
        ("/api/v1/organisations/nobody", 404, "The organisation nobody was not found."),
        ("/api/v1/nothing-here", 404, "Not Found"),
    ])
    func errorsAreJSONWithAReason(path: String, status: Int, reason: String) async throws {
        try await TestApp.run { app in
            let response = try await app.fetch(path)
            #expect(Int(response.status.code) == status)
            #expect(response.headers.contentType == .json)
            let body = try response.json()
            #expect(body["error"] as? Bool == true)
            #expect(body["status"] as? Int == status)
            #expect(body["reason"] as? String == reason)
        }
    }

    @Test func openAPIDocumentDescribesEveryAPIRoute() async throws {
        try await TestApp.run { app in
            // setup: the API routes the app actually registered, in OpenAPI's path syntax, the document's own included
            let registered = Set(
                app.routes.all.filter { $0.path.first?.description == "api" }.map { route in
                    route.method.rawValue.lowercased() + " /"
                        + route.path.map { component -> String in
                            let text = component.description
                            return text.hasPrefix(":") ? "{\(text.dropFirst())}" : text
                        }.joined(separator: "/")
                })
            // MUT
            let document = try await app.fetch("/api/v1/openapi.json").json()
            // validate
            #expect(document["openapi"] as? String == "3.1.0")
            let paths = document["paths"] as? [String: [String: Any]] ?? [:]
            let described = Set(paths.flatMap { path, operations in operations.keys.map { "\($0) \(path)" } })
            #expect(described == registered)
        }
    }

    @Test func healthReportsTheDatabase() async throws {
        try await TestApp.run { app in
            let health = try await app.fetch("/healthz")
            #expect(health.status == .ok)
            let body = try health.json()
            #expect(body["status"] as? String == "ok")
            #expect(body["vanguards"] as? Int == 50)
            #expect(body["database"] as? String == (try TestApp.databaseLocation.isPostgres ? "postgres" : "sqlite"))
        }
    }
}

@Suite struct SPCEndpointTests {
    @Test func theAPIReturnsTheSameChartAsTheEngine() async throws {
        try await TestApp.run(seeded: false) { app in
            // setup
            let body = #"{"values": [1, 2, 3, 4, 5, 6, 7, 3, 2], "improvement_direction": "increase", "target": 10}"#
            let expected = try XmRChart(XmRInput(values: [1, 2, 3, 4, 5, 6, 7, 3, 2], improvementDirection: .increase, target: 10))
            // MUT
            let response = try await app.send(.POST, "/api/v1/spc", json: body)
            // validate
            #expect(response.status == .ok)
            let chart = try JSONDecoder().decode(XmRChart.self, from: Data(response.body.utf8))
            #expect(chart == expected)
            #expect(chart.points.specialCauseType.prefix(7).allSatisfy { $0 == "7 Point Trend (Increasing)" })
            #expect(chart.assuranceIcon == "fail")
            #expect(response.body.contains("\"warnings\":[\"Some groups have"))
        }
    }

    @Test(arguments: [
        ("{", "the body is not valid JSON"),
        (#"{"values": [1, 2], "improvement_direction": "up"}"#, "improvement_direction must be one of increase, decrease, neutral"),
        (#"{"values": [1, 2], "fix_after_n_points": 5}"#, "fix_after_n_points must be at least 12 (got 5)"),
        (#"{"values": [1e400]}"#, "the body is not valid JSON ("),
    ])
    func badInputIsAClear400(body: String, reason: String) async throws {
        try await TestApp.run(seeded: false) { app in
            let response = try await app.send(.POST, "/api/v1/spc", json: body)
            #expect(response.status == .badRequest)
            let message = try #require(try response.json()["reason"] as? String)
            #expect(message.hasPrefix(reason), "\(message)")
        }
    }
}
