import FluentKit
import Foundation
import SQLKit
import VanguardCore

/// What the security review of December 2026 asked of the stored data: tokens that expire, account
/// e-mails that are never shown and are emptied once sent, counted uses for rate limits, adoptions
/// with their comparison worked out once, and people named by name and role (not e-mail address)
/// wherever others can read what they did.
struct Migration0017SecurityHardening: AsyncMigration {
    var name: String { "0017_security_hardening" }

    /// The tables and columns that name who did something, shown on public pages. The audit log keeps
    /// what it recorded: nothing edits it, and only the programme team reads it.
    static let actorColumns: [(table: String, column: String)] = [
        ("submissions", "actor_label"), ("calls", "created_by"), ("rebase_points", "created_by"), ("funding_plan_versions", "created_by"),
        ("condition_checks", "checked_by"), ("funding_ledger", "by"), ("spend_returns", "submitted_by"), ("post_revisions", "saved_by"),
        ("moderated_scores", "moderated_by"), ("selection_decisions", "decided_by"), ("provider_areas", "updated_by"),
    ]

    func prepare(on database: any Database) async throws {
        try await database.schema(APITokenRecord.schema).field("expires_at", .datetime).update()
        for token in try await APITokenRecord.query(on: database).all() {
            token.expiresAt = token.createdAt.addingTimeInterval(AccountStore.defaultTokenLifetime)
            try await token.update(on: database)
        }

        try await database.schema(OutboxMessageRecord.schema).field("sensitive", .bool, .required, .sql(.default(false))).update()
        let accountSubjects = [
            "Confirm your e-mail address for Vanguard", "Reset your Vanguard password",
            "Someone tried to create a Vanguard account with your address",
        ]
        // Updates that name their columns, not a read through the model, which would select columns
        // later migrations add (0025's list_unsubscribe) before they exist.
        try await OutboxMessageRecord.query(on: database).filter(\.$subject ~~ accountSubjects).set(\.$sensitive, to: true).update()
        try await OutboxMessageRecord.query(on: database).filter(\.$subject ~~ accountSubjects).filter(\.$sentAt != nil)
            .set(\.$body, to: "").update()

        try await database.schema(RateLimitHitRecord.schema)
            .id()
            .field("bucket", .string, .required)
            .field("key", .string, .required)
            .field("at", .datetime, .required)
            .create()
        if let sql = database as? any SQLDatabase {
            try await sql.create(index: "rate_limit_hits_by_key").on(RateLimitHitRecord.schema).column("bucket").column("key").column("at")
                .run()
            try await sql.create(index: "sign_in_attempts_by_email").on(SignInAttemptRecord.schema).column("email").column("at").run()
            try await sql.create(index: "sign_in_attempts_by_address").on(SignInAttemptRecord.schema).column("address").column("at").run()
        }

        // Filled for adoptions already recorded by migration 0023, once every later column exists.
        try await database.schema(AdoptionRecord.schema).field("area_changes", .string).update()

        guard let sql = database as? any SQLDatabase else { return }
        for user in try await UserRecord.query(on: database).all() {
            guard let account = try await AccountStore(database: database).account(id: user.id!) else { continue }
            for (table, column) in Self.actorColumns {
                try await sql.update(table).set(SQLIdentifier(column), to: account.publicLabel).where(
                    SQLIdentifier(column), .equal, user.email
                ).run()
            }
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(RateLimitHitRecord.schema).delete()
        try await database.schema(AdoptionRecord.schema).deleteField("area_changes").update()
        try await database.schema(OutboxMessageRecord.schema).deleteField("sensitive").update()
        try await database.schema(APITokenRecord.schema).deleteField("expires_at").update()
    }
}
