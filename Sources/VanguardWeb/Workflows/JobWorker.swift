import FluentKit
import Foundation
import Logging
import VanguardCore
import VanguardStore

/// Claims due jobs from the queue and does them, one at a time. Every server runs one (unless
/// started with `--no-worker`), and `vanguard worker` runs one alone; the queue sees that each job
/// is done by one of them.
struct JobWorker: Sendable {
    let database: any Database
    let now: @Sendable () -> Date
    let logger: Logger
    /// Where digests link to.
    let publicURL: String
    /// Sends the outbox when SMTP is configured; without it mail waits for `vanguard outbox send`.
    let mailer: SMTPClient?
    /// How long a claim lasts unless renewed; the worker renews it every third of that while it
    /// works, so a claim that runs out belongs to a worker that died.
    var lease: TimeInterval = 60
    /// Who holds a claim: the host and process, so an operator can tell workers apart.
    var name = "\(ProcessInfo.processInfo.hostName):\(ProcessInfo.processInfo.processIdentifier)"
    var policy = RetryPolicy.standard

    /// Queues the work that recurs: sending the outbox (never twice at once, across every server)
    /// and this hour's digests (once an hour, whichever server asks first).
    func scheduleRecurring() async throws {
        let store = JobStore(database: database, now: now)
        let outbox = AccountStore(database: database, now: now)
        if mailer != nil, try await !outbox.pendingMessages(maximumAttempts: OutboxDelivery.maximumAttempts, limit: 1).isEmpty {
            try await store.enqueue(.deliverOutbox, key: "outbox", collapse: .whileWaitingOrRunning)
        }
        try await store.enqueue(.sendDigests, key: Self.hour(of: now()), collapse: .ever)
        // Finished work is kept a week for operators, then let go.
        try await store.removeFinished(before: now().addingTimeInterval(-7 * 86_400))
    }

    static func hour(of date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!  // a fixed, valid identifier
        let parts = calendar.dateComponents([.year, .month, .day, .hour], from: date)
        return String(format: "%04d-%02d-%02dT%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0, parts.hour ?? 0)
    }

    /// Does every due job until none is left; returns how many were done (or failed).
    @discardableResult
    func runDue() async throws -> Int {
        let store = JobStore(database: database, now: now)
        var ran = 0
        while let job = try await store.claim(worker: name, lease: lease) {
            let renewal = renewing(job, in: store)
            defer { renewal.cancel() }
            do {
                try await perform(job)
                try await store.complete(job, worker: name)
                logger.info(
                    "job done",
                    metadata: ["id": "\(job.id)", "kind": "\(job.kind.rawValue)", "key": "\(job.key)", "attempt": "\(job.attempts)"])
            } catch let pointless as JobNoLongerMakesSense {
                // Trying again cannot help: stop at once, with the reason, for an operator to read.
                try await store.fail(job, worker: name, error: pointless.description, policy: .once)
                logger.warning(
                    "job stopped", metadata: ["kind": "\(job.kind.rawValue)", "key": "\(job.key)", "reason": "\(pointless.description)"])
            } catch {
                try await store.fail(job, worker: name, error: String(describing: error), policy: policy)
                logger.warning(
                    "job failed", metadata: ["kind": "\(job.kind.rawValue)", "key": "\(job.key)", "error": "\(String(reflecting: error))"])
            }
            ran += 1
        }
        return ran
    }

    /// Renews the claim every third of the lease until cancelled. A renewal that fails (the
    /// database away for a moment) is tried again at the next; only a claim that ran out is lost.
    private func renewing(_ job: Job, in store: JobStore) -> Task<Void, Never> {
        let (lease, name, logger) = (lease, name, logger)
        return Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(lease / 3))
                guard !Task.isCancelled else { return }
                do {
                    if try await !store.renew(job, worker: name, lease: lease) { return }
                } catch {
                    logger.warning("a job's claim could not be renewed", metadata: ["id": "\(job.id)", "error": "\(error)"])
                }
            }
        }
    }

    private func perform(_ job: Job) async throws {
        switch job.kind {
        case .refitImpact:
            let registry = try await RegistryStore(database: database, now: now).registry()
            // Keyed by the metric whose returns changed ("all" after a change that touches every one).
            let metrics: Set<String>? = job.key == "all" ? nil : [job.key]
            if let metrics, try await ReturnsStore(database: database, now: now).metrics().allSatisfy({ !metrics.contains($0.code) }) {
                throw JobNoLongerMakesSense(
                    description: "The metric \(job.key) is not in the framework any more, so there is nothing to refit")
            }
            try await ImpactStore(database: database, now: now).recomputeAll(registry: registry, metrics: metrics, at: now())
        case .recomputeEvaluations:
            try await EvaluationStore(database: database, now: now).recompute()
        case .deliverOutbox:
            guard let mailer else { return }
            let result = try await OutboxDelivery.deliverPending(store: AccountStore(database: database, now: now), client: mailer)
            if result.sent + result.failed > 0 {
                logger.info("outbox delivery", metadata: ["sent": "\(result.sent)", "failed": "\(result.failed)"])
            }
        case .sendDigests:
            let sent = try await DigestMail.sendDue(database: database, publicURL: publicURL, at: now())
            if sent > 0 { logger.info("digests written to the outbox", metadata: ["count": "\(sent)"]) }
        }
    }
}

/// A job whose work no longer exists (its metric was removed, say): it fails at its first try with
/// the reason, rather than being retried for half an hour.
struct JobNoLongerMakesSense: Error, CustomStringConvertible {
    let description: String
}
