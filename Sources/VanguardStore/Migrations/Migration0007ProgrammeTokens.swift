import FluentKit
import SQLKit

/// API tokens without a vanguard: a programme-team member's token for the programme's own API
/// (the metric framework, rebase points). `vanguard_number` becomes nullable.
///
/// PostgreSQL drops the constraint in place. SQLite cannot alter a column, so the table is rebuilt
/// and renamed, which is the procedure SQLite documents for this change.
struct Migration0007ProgrammeTokens: AsyncMigration {
    var name: String { "0007_programme_tokens" }

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        if sql.dialect.name != "sqlite" {
            try await sql.raw("ALTER TABLE api_tokens ALTER COLUMN vanguard_number DROP NOT NULL").run()
            return
        }
        try await database.schema("api_tokens_rebuilt")
            .id()
            .field("user_id", .uuid, .required, .references(UserRecord.schema, "id", onDelete: .cascade))
            .field("vanguard_number", .int, .references(VanguardRecord.schema, "number"))
            .field("name", .string, .required)
            .field("secret_hash", .string, .required)
            .field("prefix", .string, .required)
            .field("created_at", .datetime, .required)
            .field("revoked_at", .datetime)
            .field("last_used_at", .datetime)
            .unique(on: "secret_hash")
            .create()
        let columns = "id, user_id, vanguard_number, name, secret_hash, prefix, created_at, revoked_at, last_used_at"
        try await sql.raw("INSERT INTO api_tokens_rebuilt (\(unsafeRaw: columns)) SELECT \(unsafeRaw: columns) FROM api_tokens").run()
        try await sql.raw("DROP TABLE api_tokens").run()
        try await sql.raw("ALTER TABLE api_tokens_rebuilt RENAME TO api_tokens").run()
    }

    /// Programme tokens cannot exist in the old shape, so reverting deletes them; the column stays
    /// nullable on SQLite (rebuilding it back would gain nothing).
    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("DELETE FROM api_tokens WHERE vanguard_number IS NULL").run()
        if sql.dialect.name != "sqlite" {
            try await sql.raw("ALTER TABLE api_tokens ALTER COLUMN vanguard_number SET NOT NULL").run()
        }
    }
}
