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
    /// Who holds a claim: the host and process, so an operator can tell workers apart.
    var name = "\(ProcessInfo.processInfo.hostName):\(ProcessInfo.processInfo.processIdentifier)"
    /// Longer than any job takes (an impact refit is minutes in a debug build): a claim older than
    /// this belongs to a worker that died.
    var lease: TimeInterval = 30 * 60
    var policy = RetryPolicy.standard

    /// Does every due job until none is left; returns how many were done (or failed).
    @discardableResult
    func runDue() async throws -> Int {
        let store = JobStore(database: database, now: now)
        var ran = 0
        while let job = try await store.claim(worker: name, lease: lease) {
            do {
                try await perform(job)
                try await store.complete(job, worker: name)
                logger.info("job done", metadata: ["kind": "\(job.kind.rawValue)", "key": "\(job.key)", "attempt": "\(job.attempts)"])
            } catch {
                try await store.fail(job, worker: name, error: String(describing: error), policy: policy)
                logger.warning(
                    "job failed", metadata: ["kind": "\(job.kind.rawValue)", "key": "\(job.key)", "error": "\(String(reflecting: error))"])
            }
            ran += 1
        }
        return ran
    }

    private func perform(_ job: Job) async throws {
        switch job.kind {
        case .refitImpact:
            let registry = try await RegistryStore(database: database, now: now).registry()
            try await ImpactStore(database: database, now: now).recomputeAll(registry: registry, at: now())
        case .recomputeEvaluations:
            try await EvaluationStore(database: database, now: now).recompute()
        }
    }
}
