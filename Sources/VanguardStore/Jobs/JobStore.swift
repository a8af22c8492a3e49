import FluentKit
import Foundation
import SQLKit
import VanguardCore

/// The job queue. Any number of workers, in any number of servers, claim from it: on PostgreSQL a
/// claim skips rows another worker holds (`FOR UPDATE SKIP LOCKED`); SQLite serialises writers, so
/// the same statement without the clause is already safe there. A claim is a lease: a worker that
/// dies leaves its job to be claimed again once the lease runs out, so no job is lost.
public struct JobStore: Store {
    let database: any Database
    let now: @Sendable () -> Date

    public init(database: any Database, now: @escaping @Sendable () -> Date = SystemTime.now) {
        self.database = database
        self.now = now
    }

    private var sql: any SQLDatabase {
        guard let sql = database as? any SQLDatabase else { preconditionFailure("both supported drivers are SQL databases") }
        return sql
    }

    /// When asking again for the same kind and key changes nothing.
    public enum Collapse: Sendable {
        /// While the work waits: a refit asked for during a refit runs again after it.
        case whileWaiting
        /// While it waits or runs: work that must never run twice at once (sending the outbox).
        case whileWaitingOrRunning
        /// Ever: work done once per key (this hour's digests), however many servers ask.
        case ever

        var states: [String] {
            switch self {
            case .whileWaiting: [Job.State.pending.rawValue]
            case .whileWaitingOrRunning: [Job.State.pending.rawValue, Job.State.running.rawValue]
            case .ever: Job.State.allCases.map(\.rawValue)
            }
        }
    }

    /// Asks for work to be done (at `runAt`, or now); returns false when the same kind and key
    /// already stands, as `collapse` says, and nothing was added.
    @discardableResult
    public func enqueue(_ kind: JobKind, key: String, runAt: Date? = nil, collapse: Collapse = .whileWaiting) async throws -> Bool {
        let at = now()
        // The unique index on waiting jobs settles two servers asking at the same moment.
        let inserted = try await sql.raw(
            """
            INSERT INTO jobs (id, kind, key, state, attempts, run_at, created_at)
            SELECT \(bind: UUID()), \(bind: kind.rawValue), \(bind: key), 'pending', 0, \(bind: runAt ?? at), \(bind: at)
            WHERE NOT EXISTS (SELECT 1 FROM jobs WHERE kind = \(bind: kind.rawValue) AND key = \(bind: key) AND state IN (\(binds: collapse.states)))
            ON CONFLICT (kind, key) WHERE state = 'pending' DO NOTHING
            RETURNING id
            """
        ).all()
        return !inserted.isEmpty
    }

    /// How many times a job's worker may die under it (its lease running out) before the job is
    /// taken to be what kills them — out of memory, say — and stopped for an operator.
    public static let maximumLostLeases = 10

    /// Claims the job that has waited longest among those due (or whose worker's lease ran out),
    /// for `lease` seconds; nil when there is none.
    public func claim(worker: String, lease: TimeInterval) async throws -> Job? {
        let at = now()
        try await sql.raw(
            """
            UPDATE jobs SET state = 'failed', finished_at = \(bind: at), lease_until = NULL,
                last_error = \(bind: "Its worker stopped \(Self.maximumLostLeases) times while doing it (killed, or out of memory), so it was not tried again")
            WHERE state = 'running' AND lease_until < \(bind: at) AND attempts >= \(bind: Self.maximumLostLeases)
            """
        ).run()
        let skipLocked: SQLQueryString = sql.dialect.name == "postgresql" ? "FOR UPDATE SKIP LOCKED" : ""
        let rows = try await sql.raw(
            """
            UPDATE jobs SET state = 'running', attempts = attempts + 1, lease_until = \(bind: at.addingTimeInterval(lease)), worker = \(bind: worker)
            WHERE id = (
                SELECT id FROM jobs
                WHERE (state = 'pending' AND run_at <= \(bind: at)) OR (state = 'running' AND lease_until < \(bind: at))
                ORDER BY run_at, created_at LIMIT 1 \(skipLocked))
            RETURNING id
            """
        ).all()
        guard let row = rows.first else { return nil }
        let id = try row.decode(column: "id", as: UUID.self)
        return try await JobRecord.find(id, on: database).flatMap(Self.job)
    }

    /// Keeps a claim alive while its worker is still at the job, so a lease can be short (a dead
    /// worker's job is taken up soon) and still outlast a long job. False when the claim was lost.
    @discardableResult
    public func renew(_ job: Job, worker: String, lease: TimeInterval) async throws -> Bool {
        let rows = try await sql.raw(
            """
            UPDATE jobs SET lease_until = \(bind: now().addingTimeInterval(lease))
            WHERE id = \(bind: job.id) AND state = 'running' AND worker = \(bind: worker)
            RETURNING id
            """
        ).all()
        return !rows.isEmpty
    }

    /// Closes a job its worker finished. A worker whose lease was taken over closes nothing.
    @discardableResult
    public func complete(_ job: Job, worker: String) async throws -> Bool {
        try await close(job, worker: worker) { record in
            record.state = Job.State.done.rawValue
            record.finishedAt = now()
        }
    }

    /// Records a failure: the job waits for its next try, or stops (`failed`) after the last one.
    @discardableResult
    public func fail(_ job: Job, worker: String, error: String, policy: RetryPolicy = .standard) async throws -> Bool {
        let at = now()
        return try await close(job, worker: worker) { record in
            record.lastError = String(error.prefix(2000))
            if let next = policy.nextRun(afterFailedAttempt: record.attempts, at: at) {
                record.state = Job.State.pending.rawValue
                record.runAt = next
            } else {
                record.state = Job.State.failed.rawValue
                record.finishedAt = at
            }
        }
    }

    private func close(_ job: Job, worker: String, _ change: @escaping @Sendable (JobRecord) -> Void) async throws -> Bool {
        try await database.guardedTransaction { database in
            guard let record = try await JobRecord.find(job.id, on: database), record.state == Job.State.running.rawValue,
                record.worker == worker
            else { return false }
            change(record)
            record.leaseUntil = nil
            // A job going back to wait while a newer request of the same work waits is that request's.
            if record.state == Job.State.pending.rawValue, try await Self.isWaiting(record, on: database) {
                record.state = Job.State.done.rawValue
                record.finishedAt = now()
            }
            try await record.save(on: database)
            return true
        }
    }

    /// An operator sends a failed job round again, from its first try.
    public func retry(_ id: UUID, by actor: Actor) async throws {
        try await database.guardedTransaction { database in
            guard let record = try await JobRecord.find(id, on: database), record.state == Job.State.failed.rawValue else {
                throw ValidationError.invalid(field: "job", reason: "Only a failed job can be retried")
            }
            if try await Self.isWaiting(record, on: database) {
                throw ValidationError.invalid(field: "job", reason: "The same work is already waiting to run")
            }
            record.state = Job.State.pending.rawValue
            record.attempts = 0
            record.runAt = now()
            record.finishedAt = nil
            try await record.save(on: database)
            try await AuditLog.record(
                actor, "retry_job", entity: "job", id: id.uuidString, after: ["kind": record.kind, "key": record.key],
                at: now(), on: database)
        }
    }

    /// Lets go of jobs done before `date`; failed ones stay until an operator has seen them through.
    public func removeFinished(before date: Date) async throws {
        try await JobRecord.query(on: database).filter(\.$state == Job.State.done.rawValue).filter(\.$finishedAt < date).delete()
    }

    /// The newest jobs first, of the given states (all when empty).
    public func jobs(in states: Set<Job.State> = [], limit: Int = 200) async throws -> [Job] {
        var query = JobRecord.query(on: database).sort(\.$createdAt, .descending).limit(limit)
        if !states.isEmpty { query = query.filter(\.$state ~~ states.map(\.rawValue)) }
        return try await query.all().compactMap(Self.job)
    }

    /// How many jobs wait, and how long the oldest due one has waited (for the operator and metrics).
    public func queueDepth() async throws -> (waiting: Int, oldestDue: Date?) {
        let waiting = try await JobRecord.query(on: database).filter(\.$state == Job.State.pending.rawValue).count()
        let oldest = try await JobRecord.query(on: database).filter(\.$state == Job.State.pending.rawValue)
            .filter(\.$runAt <= now()).sort(\.$runAt).first()?.runAt
        return (waiting, oldest)
    }

    /// How many jobs are in each state, for monitoring.
    public func countsByState() async throws -> [Job.State: Int] {
        var counts: [Job.State: Int] = [:]
        for state in Job.State.allCases {
            counts[state] = try await JobRecord.query(on: database).filter(\.$state == state.rawValue).count()
        }
        return counts
    }

    /// Whether another request of the same work (kind and key) is already waiting.
    private static func isWaiting(_ record: JobRecord, on database: any Database) async throws -> Bool {
        var others = JobRecord.query(on: database).filter(\.$kind == record.kind).filter(\.$key == record.key)
            .filter(\.$state == Job.State.pending.rawValue)
        if let id = record.id { others = others.filter(\.$id != id) }
        return try await others.first() != nil
    }

    static func job(_ record: JobRecord) -> Job? {
        guard let id = record.id, let kind = JobKind(rawValue: record.kind), let state = Job.State(rawValue: record.state) else {
            return nil
        }
        return Job(
            id: id, kind: kind, key: record.key, state: state, attempts: record.attempts, runAt: record.runAt,
            leaseUntil: record.leaseUntil,
            worker: record.worker, lastError: record.lastError, createdAt: record.createdAt, finishedAt: record.finishedAt)
    }
}
