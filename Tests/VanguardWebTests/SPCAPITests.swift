import Foundation
import Testing
import VanguardCore
import VaporTesting

@testable import VanguardWeb

/// `POST /api/v1/spc` beyond XmR: run, P, U, P′ and U′ charts, as analysts and the CLI use them.
@Suite struct SPCAttributeChartAPITests {
    // qicharts2's nhs_accidents (its vignette): proportions of A&E patients seen within four hours.
    static let accidents = (
        y: [
            266501, 264225, 276532, 281461, 269071, 261215, 270409, 279778, 270483, 270320, 267923, 271478, 255353, 256820, 261835, 259144,
            255910, 260863, 264465, 260989,
        ],
        n: [
            280443, 276823, 291681, 296155, 282343, 275888, 283867, 295251, 284468, 282529, 279618, 283932, 266629, 268091, 276803, 271578,
            266005, 273520, 278574, 273772,
        ]
    )

    static func body(_ chart: String, extra: String = "") -> String {
        #"{"chart": "\#(chart)", "numerators": \#(accidents.y), "denominators": \#(accidents.n)\#(extra)}"#
    }

    @Test func aLaneyChartWidensTheLimitsOfAPChartOfTheSameData() async throws {
        try await TestApp.run(seeded: false) { app in
            let p = try await app.send(.POST, "/api/v1/spc", json: Self.body("p"))
            let pp = try await app.send(.POST, "/api/v1/spc", json: Self.body("pp"))
            #expect(p.status == .ok && pp.status == .ok)
            let pChart = try p.json(), ppChart = try pp.json()
            let pPart = try #require((pChart["parts"] as? [[String: Any]])?.first)
            let ppPart = try #require((ppChart["parts"] as? [[String: Any]])?.first)
            // qicharts2: the same pooled centre, 0.9528997113441912; P′'s average limits 0.9401015467013114 to 0.9656978759870709.
            #expect(abs((pPart["centre"] as? Double ?? 0) - 0.9528997113441912) < 1e-12)
            #expect(abs((ppPart["centre"] as? Double ?? 0) - 0.9528997113441912) < 1e-12)
            #expect(abs((ppPart["average_lcl"] as? Double ?? 0) - 0.9401015467013114) < 1e-12)
            #expect(abs((ppPart["average_ucl"] as? Double ?? 0) - 0.9656978759870709) < 1e-12)
            // The plain P chart flags most months on data this large; Laney's does not.
            #expect((pChart["sigma_signals"] as? Int ?? 0) > 10)
            #expect(ppChart["sigma_signals"] as? Int == 0)
            let laney = try #require(ppPart["laney"] as? [String: Any])
            #expect(laney["moving_ranges"] as? Int == 19)
        }
    }

    @Test func aRunChartHasNoLimitsAndSaysWhyItSignals() async throws {
        try await TestApp.run(seeded: false) { app in
            let values = Array(repeating: 1, count: 10) + Array(repeating: 5, count: 10)
            let run = try await app.send(.POST, "/api/v1/spc", json: #"{"chart": "run", "values": \#(values)}"#)
            #expect(run.status == .ok)
            let chart = try run.json()
            #expect(chart["runs_signal"] as? Bool == true)
            let part = try #require((chart["parts"] as? [[String: Any]])?.first)
            #expect(
                part["longest_run"] as? Int == 10 && part["longest_run_max"] as? Int == 7 && part["crossings"] as? Int == 1
                    && part["crossings_min"] as? Int == 6)
            let point = try #require((chart["points"] as? [[String: Any]])?.first)
            #expect(point["lcl"] is NSNull && point["sigma_signal"] is NSNull)
        }
    }

    @Test(arguments: [
        (#"{"chart": "q", "values": [1]}"#, "chart must be one of xmr, run, p, u, pp, up"),
        (#"{"chart": "p", "numerators": [1, 2]}"#, "denominators is required with numerators"),
        (#"{"chart": "p", "values": [1, 2]}"#, "values: a p chart takes numerators and denominators"),
        (
            #"{"chart": "p", "numerators": [1, 5], "denominators": [2, 3]}"#,
            "numerators[1] is larger than denominators[1], so it is not a proportion"
        ),
        (#"{"chart": "u", "numerators": [1, 5], "denominators": [2, 0]}"#, "numerators[1] is above 0 while denominators[1] is 0"),
        (#"{"chart": "run", "values": [1, 2, 3], "rebase_points": [7]}"#, "rebase_points[0] must be a 0-based index from 0 to 2"),
        (#"{"chart": "run", "values": [1, 2, 3], "freeze": 0}"#, "freeze must be a number of leading points from 1 to 3"),
        (#"{"chart": "u", "numerators": [1, 2], "denominators": [3, 4], "multiply": -1}"#, "multiply must be a number above 0"),
        (#"{"chart": "u", "numerators": [1e300, 2], "denominators": [3, 4]}"#, "numerators[0] is larger than"),
        (#"{"chart": "run", "values": [1, "x"]}"#, "values[1] has the wrong type"),
    ])
    func badRequestsNameTheField(body: String, reason: String) async throws {
        try await TestApp.run(seeded: false) { app in
            let refused = try await app.send(.POST, "/api/v1/spc", json: body)
            #expect(refused.status == .badRequest)
            #expect((try refused.json()["reason"] as? String)?.hasPrefix(reason) == true, "\(refused.body)")
        }
    }
}
