import FluentKit

/// Accounts, roles, sessions, e-mail links, API tokens, the outbox, the audit log and sign-in attempts.
struct Migration0003CreateAccounts: AsyncMigration {
    var name: String { "0003_create_accounts" }

    func prepare(on database: any Database) async throws {
        try await database.schema(UserRecord.schema)
            .id()
            .field("email", .string, .required)
            .field("display_name", .string, .required)
            .field("organisation", .string)
            .field("password_hash", .string, .required)
            .field("confirmed_at", .datetime)
            .field("created_at", .datetime, .required)
            .unique(on: "email")
            .create()
        try await database.schema(RoleGrantRecord.schema)
            .id()
            .field("user_id", .uuid, .required, .references(UserRecord.schema, "id", onDelete: .cascade))
            .field("role", .string, .required)
            .field("vanguard_number", .int, .references(VanguardRecord.schema, "number"))
            .field("organisation_slug", .string, .references(OrganisationRecord.schema, "slug"))
            .field("granted_at", .datetime, .required)
            .create()
        try await database.schema(UserSessionRecord.schema)
            .field("secret_hash", .string, .identifier(auto: false))
            .field("user_id", .uuid, .required, .references(UserRecord.schema, "id", onDelete: .cascade))
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .create()
        try await database.schema(AccountLinkRecord.schema)
            .field("secret_hash", .string, .identifier(auto: false))
            .field("user_id", .uuid, .required, .references(UserRecord.schema, "id", onDelete: .cascade))
            .field("purpose", .string, .required)
            .field("expires_at", .datetime, .required)
            .field("used_at", .datetime)
            .create()
        try await database.schema(APITokenRecord.schema)
            .id()
            .field("user_id", .uuid, .required, .references(UserRecord.schema, "id", onDelete: .cascade))
            .field("vanguard_number", .int, .required, .references(VanguardRecord.schema, "number"))
            .field("name", .string, .required)
            .field("secret_hash", .string, .required)
            .field("prefix", .string, .required)
            .field("created_at", .datetime, .required)
            .field("revoked_at", .datetime)
            .field("last_used_at", .datetime)
            .unique(on: "secret_hash")
            .create()
        try await database.schema(OutboxMessageRecord.schema)
            .id()
            .field("recipient", .string, .required)
            .field("subject", .string, .required)
            .field("body", .string, .required)
            .field("created_at", .datetime, .required)
            .field("sent_at", .datetime)
            .create()
        try await database.schema(AuditEntryRecord.schema)
            .id()
            .field("at", .datetime, .required)
            .field("actor_user_id", .uuid)
            .field("actor_label", .string, .required)
            .field("channel", .string, .required)
            .field("action", .string, .required)
            .field("entity", .string, .required)
            .field("entity_id", .string, .required)
            .field("before", .string)
            .field("after", .string)
            .create()
        try await database.schema(SignInAttemptRecord.schema)
            .id()
            .field("email", .string, .required)
            .field("address", .string, .required)
            .field("at", .datetime, .required)
            .field("succeeded", .bool, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        for schema in [
            SignInAttemptRecord.schema, AuditEntryRecord.schema, OutboxMessageRecord.schema, APITokenRecord.schema,
            AccountLinkRecord.schema, UserSessionRecord.schema, RoleGrantRecord.schema, UserRecord.schema,
        ] {
            try await database.schema(schema).delete()
        }
    }
}
