import Foundation
import Testing
import VanguardCore
import VanguardStore
import VaporTesting

@testable import VanguardWeb

@Suite struct ProgressReportTests {
    @Test func noReportSaysLedByAndThenNothing() async throws {
        try await TestApp.run { app in
            var withLeads = 0
            for number in 1...50 {
                let page = try await app.fetch("/vanguards/\(number)/report")
                #expect(!page.body.contains("led by <") && !page.body.contains("led by </"), "vanguard \(number)")
                if page.body.contains("organisations, led by ") { withLeads += 1 }
            }
            // The registry names lead organisations for two vanguards: only their reports say who leads.
            #expect(withLeads == 2)
        }
    }

    @Test func aVanguardsReportSaysHowEachMetricMovedAgainstTheRestOfEngland() async throws {
        try await TestApp.run { app in
            // setup: Wirral's admissions fall 10% from the baseline year while an area with no vanguard stays flat
            let values = (0..<24).flatMap { offset in
                let month = Month(year: 2014, month: 4).adding(months: offset)
                return [
                    ReturnValue(
                        areaCode: "E38000208", metricCode: "emergency_admissions", period: month, numerator: offset < 12 ? 3000 : 2700,
                        denominator: 330_000),
                    ReturnValue(
                        areaCode: "E38000007", metricCode: "emergency_admissions", period: month, numerator: 2000, denominator: 200_000),
                ]
            }
            _ = try await ReturnsStore(on: app).submit(values, fileName: "report.csv", by: .operatorAtCLI("test"))
            try await EvaluationStore(on: app).recomputeAll(registry: try await RegistryStore(on: app).registry())
            // MUT
            let page = try await app.fetch("/vanguards/1/report")
            // validate
            #expect(page.status == .ok)
            #expect(
                page.body.contains(
                    "Emergency admissions per 1,000 population: −10.0% since 2014/15, against 0.0% in the rest of England (better than the rest of England)."
                ))
            #expect(
                page.body.contains(
                    "Of 1 metrics, 1 moved better than the rest of England since 2014/15, 0 worse, 0 in line; 0 cannot be compared."))
            #expect(page.body.contains("Wave 1, announced"))
            #expect(!page.body.contains("Generated data"))
            #expect(try await app.fetch("/vanguards/999/report").status == .notFound)

            let bundle = try await app.fetch("/vanguards/1/report.zip")
            #expect(bundle.headers.first(name: .contentType) == "application/zip")
            #expect(bundle.headers.first(name: .contentDisposition)?.contains("vanguard-1-progress-report.zip") == true)
            let files = try Self.unzip(bundle.bytes)
            #expect(
                files.keys.sorted() == [
                    "README.txt", "footprint.csv", "monthly_values.csv", "partners.csv", "rebase_points.csv", "summary.csv",
                ])
            let summary = try #require(files["summary.csv"]).split(separator: "\r\n")
            #expect(summary.count == 2)
            #expect(
                summary[1].hasPrefix(
                    "emergency_admissions,\"Emergency admissions per 1,000 population\",\"per 1,000 population\",decrease,2016-03,"))
            #expect(summary[1].contains(",better,"))
            #expect(summary[1].hasSuffix(",returned"))
            #expect(try #require(files["monthly_values.csv"]).split(separator: "\r\n").count == 25)
            #expect(try #require(files["footprint.csv"]).contains("E38000208,"))
            #expect(try #require(files["README.txt"]).contains("Progress report: Wirral Partners (vanguard 1"))
        }
    }

    /// Reads a ZIP's stored entries through its central directory.
    static func unzip(_ bytes: [UInt8]) throws -> [String: String] {
        func le16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        func le32(_ at: Int) -> Int { le16(at) | le16(at + 2) << 16 }
        let end = bytes.count - 22
        guard end > 0, le32(end) == 0x0605_4b50 else { throw ZipError() }
        var cursor = le32(end + 16)
        var files: [String: String] = [:]
        for _ in 0..<le16(end + 10) {
            let size = le32(cursor + 24), nameLength = le16(cursor + 28), local = le32(cursor + 42)
            let name = String(decoding: bytes[(cursor + 46)..<(cursor + 46 + nameLength)], as: UTF8.self)
            let start = local + 30 + le16(local + 26)
            files[name] = String(decoding: bytes[start..<(start + size)], as: UTF8.self)
            cursor += 46 + nameLength
        }
        return files
    }

    struct ZipError: Error {}
}
