import Foundation
import Testing
import VaporTesting

@testable import VanguardWeb

/// What schemathesis found (e2e/test_schemathesis.py), each held here so it stays fixed: methods an
/// address does not take, blank parameters, fields the API does not describe, and answers that
/// name the right status.
@Suite struct APIStrictnessTests {
    @Test func aMethodAnAddressDoesNotTakeIs405WithTheMethodsItDoes() async throws {
        try await TestApp.run { app in
            let trace = try await app.send(.TRACE, "/api/v1/metrics")
            #expect(trace.status == .methodNotAllowed)
            #expect(trace.headers.first(name: "Allow") == "GET, HEAD")
            #expect(try trace.json()["reason"] as? String == "TRACE is not allowed here; this address takes GET, HEAD.")
            let post = try await app.send(.POST, "/api/v1/metrics/emergency_admissions")
            #expect(post.status == .methodNotAllowed)
            #expect(post.headers.first(name: "Allow") == "GET, HEAD, PUT")
            // Pages too, with the page people see; an address that does not exist is still 404.
            let page = try await app.send(.DELETE, "/vanguards/1")
            #expect(page.status == .methodNotAllowed)
            #expect(page.body.contains("DELETE is not allowed here"))
            #expect(try await app.send(.TRACE, "/api/v1/no-such-thing").status == .notFound)
            #expect(try await app.send(.GET, "/vanguards/1/no-such-page").status == .notFound)
        }
    }

    @Test func anAPIParameterSentBlankIsRefusedByNameButPagesReadItAsAny() async throws {
        try await TestApp.run { app in
            let blank = try await app.fetch("/api/v1/areas?per=5&region=")
            #expect(blank.status == .badRequest)
            #expect(try blank.json()["reason"] as? String == "region was sent with no value; give it one, or leave it out.")
            #expect(try await app.fetch("/api/v1/posts?vanguard=").status == .badRequest)
            // Free text may be empty: it matches everything.
            let everything = try await app.fetch("/api/v1/vanguards?q=&per=100")
            #expect((try everything.json()["items"] as? [Any])?.count == 50)
            // The registry's filter form sends "any" as an empty choice.
            #expect(try await app.fetch("/vanguards?region=&care_model=").status == .ok)
        }
    }

    @Test func aBodyWithAFieldTheAPIDoesNotDescribeIsRefusedAndNothingChanges() async throws {
        try await TestApp.run { app in
            let people = try await People.make(in: app)
            let misspelt = try await app.send(
                .PATCH, "/api/v1/vanguards/1", json: #"{"governance": "A new board", "contracted": "alliance"}"#, bearer: people.token)
            #expect(misspelt.status == .badRequest)
            #expect(
                try misspelt.json()["reason"] as? String
                    == "contracted: not a field of this request, which takes contracting, governance.")
            #expect(try await app.fetch("/api/v1/vanguards/1").json()["governance"] as? String != "A new board")
            let chart = try await app.send(.POST, "/api/v1/spc", json: #"{"values": [1, 2, 3], "screen_outlier": false}"#)
            #expect(chart.status == .badRequest)
            #expect((try chart.json()["reason"] as? String)?.hasPrefix("screen_outlier: not a field of a xmr chart") == true)
            let notAChart = try await app.send(.POST, "/api/v1/spc", json: #"{"chart": {}, "values": [1, 2, 3]}"#)
            #expect(try notAChart.json()["reason"] as? String == "chart must be one of xmr, run, p, u, pp, up")
            // Null is as if left out, as the document says.
            #expect(try await app.send(.POST, "/api/v1/spc", json: #"{"chart": null, "values": [1, 2, 3]}"#).status == .ok)
        }
    }

    @Test func aFieldFixedForLifeIsAConflictAndAChartOrMonthNotThereIsNotFound() async throws {
        try await TestApp.run { app in
            let people = try await People.make(in: app)
            try await ProgrammeAPITests.stepChange(app)
            let renamed =
                #"{"name":"Emergency admissions","definition":"d","unit":"u","direction":"decrease","care_models":["pacs"],"code":"admissions"}"#
            let conflict = try await app.send(.PUT, "/api/v1/metrics/emergency_admissions", json: renamed, bearer: people.programmeToken)
            #expect(conflict.status == .conflict)
            #expect((try conflict.json()["reason"] as? String)?.hasPrefix("code: cannot be changed") == true)
            let noChart = try await app.send(
                .POST, "/api/v1/vanguards/1/rebases", json: #"{"metric": "bed_days", "period": "2015-04", "reason": "r"}"#,
                bearer: people.programmeToken)
            #expect(noChart.status == .notFound)
            #expect(try noChart.json()["reason"] as? String == "The chart of 'bed_days' at this vanguard was not found.")
            let noMonth = try await app.send(
                .POST, "/api/v1/vanguards/1/rebases", json: #"{"metric": "emergency_admissions", "period": "2031-01", "reason": "r"}"#,
                bearer: people.programmeToken)
            #expect(noMonth.status == .notFound)
            let long = String(repeating: "a", count: 201)
            #expect(try await app.fetch("/api/v1/search?q=\(long)").status == .badRequest)
            #expect(try await app.fetch("/api/v1/search?q=%0C").status == .badRequest)
        }
    }
}
