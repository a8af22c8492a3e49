import FluentKit

/// Calls for applications and the applications to them. Questions, criteria and an application's
/// content are JSON text: each is small, always read whole, and versioned with its row.
struct Migration0010CreateCallsAndApplications: AsyncMigration {
    var name: String { "0010_create_calls_and_applications" }

    func prepare(on database: any Database) async throws {
        try await database.schema(CallRecord.schema)
            .id()
            .field("title", .string, .required)
            .field("description", .string, .required)
            .field("opens_at", .datetime, .required)
            .field("closes_at", .datetime, .required)
            .field("care_models", .string, .required)
            .field("questions", .string, .required)
            .field("criteria", .string, .required)
            .field("is_historical", .bool, .required)
            .field("created_by", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema(ApplicationRecord.schema)
            .id()
            .field("call_id", .uuid, .required, .references(CallRecord.schema, "id"))
            .field("lead_user_id", .uuid, .required, .references(UserRecord.schema, "id"))
            .field("content", .string, .required)
            .field("status", .string, .required)
            .field("submitted_at", .datetime)
            .field("updated_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ApplicationRecord.schema).delete()
        try await database.schema(CallRecord.schema).delete()
    }
}
