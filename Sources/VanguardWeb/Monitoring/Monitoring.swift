import Foundation
import Prometheus
import VanguardCore
import Vapor

/// What a server tells Prometheus at `/metrics`: requests by route and status, their latency, and
/// the job queue as it stands at each scrape. One registry per application, never a process-wide
/// one, so that each test reads its own figures.
final class Monitoring: Sendable {
    let registry = PrometheusCollectorRegistry()

    /// From a cached page (milliseconds) to an impact refit started by a request (seconds).
    static let latencyBuckets: [Duration] = [
        .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250),
        .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(5), .seconds(10),
    ]

    // Computed: the descriptor type is not Sendable, so it cannot be a stored static.
    static var requests: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "vanguard", subsystem: "http", metricName: "requests", unitName: "total",
            helpText: "Requests answered, by method, route pattern and status")
    }
    static var latency: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "vanguard", subsystem: "http", metricName: "request_duration", unitName: "seconds",
            helpText: "Time to answer, by method and route pattern")
    }
    static var jobs: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "vanguard", metricName: "jobs", unitName: "", helpText: "Jobs in the queue by state, at the scrape")
    }
    static var oldestDue: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "vanguard", subsystem: "job_queue", metricName: "oldest_due", unitName: "seconds",
            helpText: "How long the oldest due job has waited for a worker")
    }
    static var databaseUp: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "vanguard", metricName: "database_up", unitName: "", helpText: "1 when the database answered the scrape, 0 when not")
    }

    func requestFinished(method: HTTPMethod, route: String, status: HTTPResponseStatus, after duration: Duration) {
        registry.makeCounter(
            descriptor: Self.requests, labels: [("method", method.rawValue), ("route", route), ("status", "\(status.code)")]
        ).increment()
        registry.makeDurationHistogram(
            descriptor: Self.latency, labels: [("method", method.rawValue), ("route", route)],
            buckets: Self.latencyBuckets
        ).record(duration)
    }

    /// The queue as one scrape sees it: jobs in each state, and how long the oldest due job has waited.
    func queue(counts: [Job.State: Int], oldestDue: Date?, now: Date) {
        for state in Job.State.allCases {
            registry.makeGauge(descriptor: Self.jobs, labels: [("state", state.rawValue)]).set(Double(counts[state] ?? 0))
        }
        registry.makeGauge(descriptor: Self.oldestDue).set(max(0, oldestDue.map { now.timeIntervalSince($0) } ?? 0))
    }

    func databaseReachable(_ reachable: Bool) {
        registry.makeGauge(descriptor: Self.databaseUp).set(to: reachable ? 1 : 0)
    }

    /// The Prometheus text exposition format, version 0.0.4.
    func exposition() -> String {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(16_384)
        registry.emit(into: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }
}

struct MonitoringKey: StorageKey {
    typealias Value = Monitoring
}

extension Application {
    var monitoring: Monitoring {
        if let existing = storage[MonitoringKey.self] { return existing }
        let made = Monitoring()
        storage[MonitoringKey.self] = made
        return made
    }
}
