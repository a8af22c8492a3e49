import FluentKit
import SQLKit

/// The job queue: background work in the database, claimed by any server's worker. Work of one
/// kind and key waits at most once (a partial unique index), so asking again collapses into it.
struct Migration0024CreateJobs: AsyncMigration {
    var name: String { "0024_create_jobs" }

    func prepare(on database: any Database) async throws {
        try await database.schema(JobRecord.schema)
            .id()
            .field("kind", .string, .required)
            .field("key", .string, .required)
            .field("state", .string, .required)
            .field("attempts", .int, .required)
            .field("run_at", .datetime, .required)
            .field("lease_until", .datetime)
            .field("worker", .string)
            .field("last_error", .string)
            .field("created_at", .datetime, .required)
            .field("finished_at", .datetime)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("CREATE UNIQUE INDEX jobs_one_pending ON jobs (kind, key) WHERE state = 'pending'").run()
        try await sql.raw("CREATE INDEX jobs_due ON jobs (state, run_at)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(JobRecord.schema).delete()
    }
}
