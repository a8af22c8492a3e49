import Foundation
import Testing
import VanguardCore
import VanguardStore
import VaporTesting

@testable import VanguardWeb

/// `/metrics` as Prometheus scrapes it: the text format, parsed line by line, with requests
/// counted by route pattern and status, latency buckets, and the job queue as it stands.
@Suite struct MonitoringTests {
    /// One sample line: `name{label="value",…} number`.
    struct Sample: Equatable {
        let name: String
        let labels: [String: String]
        let value: Double
    }

    /// Parses the exposition format strictly: every line is a comment (# HELP / # TYPE) or a sample.
    static func parse(_ text: String) throws -> [Sample] {
        var samples: [Sample] = []
        for line in text.split(separator: "\n") where !line.isEmpty {
            if line.hasPrefix("# TYPE ") || line.hasPrefix("# HELP ") { continue }
            guard let match = line.wholeMatch(of: /([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(.*)\})? (\S+)/), let value = Double(match.output.4)
            else { throw Unexpected(text: "not a Prometheus sample line: \(line)") }
            var labels: [String: String] = [:]
            for pair in (match.output.3 ?? "").matches(of: /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/) {
                labels[String(pair.output.1)] = String(pair.output.2)
            }
            samples.append(Sample(name: String(match.output.1), labels: labels, value: value))
        }
        return samples
    }

    @Test func requestsAreCountedByRoutePatternAndTheQueueIsReported() async throws {
        try await TestApp.run { app in
            _ = try await app.fetch("/vanguards/1")
            _ = try await app.fetch("/vanguards/2")
            _ = try await app.fetch("/vanguards/999")
            _ = try await app.fetch("/no/such/page")
            try await JobStore(on: app).enqueue(.refitImpact, key: "emergency_admissions")
            let scraped = try await app.send(.GET, "/metrics")
            #expect(scraped.status == .ok)
            #expect(scraped.headers.first(name: .contentType) == "text/plain; version=0.0.4; charset=utf-8")
            let samples = try Self.parse(scraped.body)
            func value(_ name: String, _ labels: [String: String]) -> Double? {
                samples.first { sample in sample.name == name && labels.allSatisfy { key, wanted in sample.labels[key] == wanted } }?.value
            }
            // Two pages of one pattern are one series; a vanguard not found is its own status.
            #expect(value("vanguard_http_requests_total", ["method": "GET", "route": "/vanguards/:number", "status": "200"]) == 2)
            #expect(value("vanguard_http_requests_total", ["method": "GET", "route": "/vanguards/:number", "status": "404"]) == 1)
            #expect(value("vanguard_http_requests_total", ["route": "unmatched", "status": "404"]) == 1)
            #expect(value("vanguard_http_request_duration_seconds_count", ["route": "/vanguards/:number"]) == 3)
            #expect(value("vanguard_http_request_duration_seconds_bucket", ["route": "/vanguards/:number", "le": "+Inf"]) == 3)
            #expect(value("vanguard_jobs", ["state": "pending"]) == 1)
            #expect(value("vanguard_jobs", ["state": "failed"]) == 0)
            #expect(value("vanguard_database_up", [:]) == 1)
            // The scrape itself is counted at the next one.
            let again = try Self.parse(try await app.send(.GET, "/metrics").body)
            #expect(again.contains { $0.name == "vanguard_http_requests_total" && $0.labels["route"] == "/metrics" && $0.value == 1 })
        }
    }

    @Test func aBrowserAtTheOldAddressIsSentToTheMetricFramework() async throws {
        try await TestApp.run { app in
            var headers = HTTPHeaders()
            headers.add(name: .accept, value: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
            var location: String?
            var status: HTTPResponseStatus?
            try await app.testing().test(.GET, "/metrics", headers: headers) { response in
                status = response.status
                location = response.headers.first(name: .location)
            }
            #expect(status == .movedPermanently && location == "/metric-framework")
            let edit = try await app.fetch("/metrics/emergency_admissions/edit")
            #expect(
                edit.status == .movedPermanently && edit.headers.first(name: .location) == "/metric-framework/emergency_admissions/edit")
            #expect(try await app.fetch("/metric-framework").body.contains("Emergency admissions"))
        }
    }
}
