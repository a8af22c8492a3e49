import Foundation

/// A piece of background work, kept in the database so that it outlives the process that asked for
/// it: any server's worker may claim it, and a worker that dies leaves it to be claimed again once
/// its lease runs out.
public struct Job: Sendable, Equatable, Identifiable {
    public enum State: String, Sendable, Codable, CaseIterable {
        /// Waiting for its run time, or for a worker.
        case pending
        /// Claimed by a worker until its lease runs out.
        case running
        case done
        /// Failed on every try it was allowed; stays for an operator to read and retry.
        case failed
    }

    public let id: UUID
    public let kind: JobKind
    /// Work of one kind with the same key is the same work: a second request while one waits
    /// collapses into it.
    public let key: String
    public let state: State
    public let attempts: Int
    public let runAt: Date
    public let leaseUntil: Date?
    public let worker: String?
    public let lastError: String?
    public let createdAt: Date
    public let finishedAt: Date?

    public init(
        id: UUID, kind: JobKind, key: String, state: State, attempts: Int, runAt: Date, leaseUntil: Date?, worker: String?,
        lastError: String?, createdAt: Date, finishedAt: Date?
    ) {
        self.id = id
        self.kind = kind
        self.key = key
        self.state = state
        self.attempts = attempts
        self.runAt = runAt
        self.leaseUntil = leaseUntil
        self.worker = worker
        self.lastError = lastError
        self.createdAt = createdAt
        self.finishedAt = finishedAt
    }
}

/// What background work there is.
public enum JobKind: String, Sendable, Codable, CaseIterable {
    /// Refit the impact estimates from the returns as they stand.
    case refitImpact = "refit_impact"
    /// Recompute every evaluation (after a metric or rebase change).
    case recomputeEvaluations = "recompute_evaluations"
    /// Send what waits in the e-mail outbox (one at a time across every server, so none goes twice).
    case deliverOutbox = "deliver_outbox"
    /// Write the digests due this hour to the outbox (once an hour across every server).
    case sendDigests = "send_digests"

    public var name: String {
        switch self {
        case .refitImpact: "Refit impact estimates"
        case .recomputeEvaluations: "Recompute evaluations"
        case .deliverOutbox: "Send the outbox"
        case .sendDigests: "Write the due digests"
        }
    }
}
