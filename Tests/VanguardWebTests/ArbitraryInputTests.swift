import Foundation
import Testing
import VanguardCore
import VaporTesting

@testable import VanguardWeb

/// Property: whatever a caller types into a list, search or form, the server answers (never traps,
/// never a 5xx), and a refusal names the field. Inputs come from a seeded generator, so a failure
/// names a case that can be replayed.
@Suite struct ArbitraryInputTests {
    /// The inputs that have broken parsers elsewhere, mixed with random numbers and text.
    struct Inputs: IteratorProtocol {
        var random: SeededRandom
        static let awkward = [
            "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-1", "0", "00000000000000000001", "1e308", "-1e308",
            "1e-320",
            "NaN", "nan", "inf", "-Infinity", "0x7fffffffffffffff", "+1", "1_000", "1,000,000,000,000,000,000", "١٢٣", "１２",
            "3.000000000000001",
            "", " ", "\t", "\u{0}", "%00", "%", "'; DROP TABLE users; --", "<script>alert(1)</script>", "\"", "\\", "../../etc/passwd",
            "😀", "E38000208", "pacs", "2015-02-30", "9999-99", "2015-04", "£", "£-5", "£99999999999999999999",
        ]

        mutating func next() -> String? {
            switch random.next() % 4 {
            case 0: return Self.awkward[Int(random.next() % UInt64(Self.awkward.count))]
            case 1: return String(Int64(bitPattern: random.next()))
            case 2: return String(Double(bitPattern: random.next()))
            default:
                let length = Int(random.next() % 40)
                return String((0..<length).map { _ in Character(Unicode.Scalar(UInt8(32 + random.next() % 95))) })
            }
        }
    }

    static func encoded(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
    }

    @Test func listsAndSearchesAnswerEveryQueryAndNameTheFieldTheyRefuse() async throws {
        try await TestApp.run { app in
            var inputs = Inputs(random: SeededRandom(seed: 2015))
            let cases: [(path: String, parameter: String)] = [
                ("/api/v1/vanguards", "page"), ("/api/v1/vanguards", "per"), ("/api/v1/areas", "page"), ("/api/v1/organisations", "per"),
                ("/organisations", "page"), ("/vanguards", "care_model"), ("/vanguards", "wave"), ("/vanguards", "region"),
                ("/api/v1/vanguards", "care_model"), ("/api/v1/search", "q"), ("/search", "q"), ("/find", "q"),
            ]
            var failures: [String] = []
            for round in 0..<12 {
                for (path, parameter) in cases {
                    let value = inputs.next()!
                    let response = try await app.fetch("\(path)?\(parameter)=\(Self.encoded(value))")
                    if response.status.code >= 500
                        || (response.status == .badRequest && !response.body.contains(parameter) && parameter != "q")
                    {
                        failures.append("round \(round): \(path)?\(parameter)=\(value.debugDescription) → \(response.status.code)")
                    }
                }
            }
            #expect(failures.isEmpty, "\(failures)")
        }
    }

    @Test func formsWithNumbersAnswerEveryValueWithoutAServerError() async throws {
        try await TestApp.run { app in
            let people = try await People.make(in: app)
            var inputs = Inputs(random: SeededRandom(seed: 2016))
            var failures: [String] = []
            for round in 0..<10 {
                let value = inputs.next()!
                let attempts: [(People.Kind, String, [String: String])] = [
                    (
                        .programmeTeam, "/funding/new",
                        FundingFlowTests.roundForm.merging([
                            "pot": value, "transformation_percent": inputs.next()!, "variance_threshold": inputs.next()!,
                        ]) { $1 }
                    ),
                    (.siteLead, "/learning/events/new", SpreadTests.eventForm().merging(["capacity": value]) { $1 }),
                    (
                        .programmeTeam, "/calls/new",
                        CallTests.form().merging([
                            "title": "Call \(round)", "criteria": "Vision | \(value) | \(inputs.next()!)",
                            "questions": "Why? [\(inputs.next()!) words]",
                        ]) { $1 }
                    ),
                    (
                        .programmeTeam, "/metric-framework/emergency_admissions/edit",
                        ["name": "Emergency admissions", "definition": "d", "unit": "u", "direction": "decrease", "target": value]
                    ),
                ]
                for (kind, path, form) in attempts {
                    let response = try await people.send(app, kind, .POST, path, form: form)
                    if response.status.code >= 500 {
                        failures.append("round \(round): \(path) with \(value.debugDescription) → \(response.status.code)")
                    }
                }
            }
            #expect(failures.isEmpty, "\(failures)")
        }
    }

    @Test func theSPCAPIChartsEveryNumberJSONCanCarryOrSaysWhichValueItRefuses() async throws {
        try await TestApp.run { app in
            var random = SeededRandom(seed: 2017)
            // Each written as JSON writes a number (Swift's description of a finite Double is valid JSON).
            let numbers =
                Inputs.awkward.compactMap { text in Double(text).flatMap { $0.isFinite ? String($0) : nil } }
                + (0..<20).map { _ in String(Double(bitPattern: random.next() & 0x7FEF_FFFF_FFFF_FFFF)) }
            var failures: [String] = []
            for number in numbers {
                let chart = try await app.send(
                    .POST, "/api/v1/spc", json: #"{"values": [\#(number), 2, 3, 4], "improvement_direction": "increase"}"#)
                if !(chart.status == .ok || (chart.status == .badRequest && chart.body.contains("values[0]"))) {
                    failures.append("\(number) → \(chart.status.code) \(chart.body.prefix(120))")
                }
            }
            #expect(failures.isEmpty, "\(failures)")
        }
    }
}
