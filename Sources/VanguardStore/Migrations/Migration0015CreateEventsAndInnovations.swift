import FluentKit

/// Events and their sign-ups, the innovations catalogue and its adoptions, and post images.
struct Migration0015CreateEventsAndInnovations: AsyncMigration {
    var name: String { "0015_create_events_and_innovations" }

    func prepare(on database: any Database) async throws {
        try await database.schema(EventRecord.schema)
            .id()
            .field("kind", .string, .required)
            .field("title", .string, .required)
            .field("description", .string, .required)
            .field("starts_at", .datetime, .required)
            .field("ends_at", .datetime, .required)
            .field("place", .string)
            .field("link", .string)
            .field("capacity", .int, .required)
            .field("vanguard_number", .int)
            .field("created_by", .uuid, .required, .references(UserRecord.schema, "id"))
            .field("updated_at", .datetime, .required)
            .create()
        try await database.schema(EventSignUpRecord.schema)
            .id()
            .field("event_id", .uuid, .required, .references(EventRecord.schema, "id"))
            .field("user_id", .uuid, .required, .references(UserRecord.schema, "id"))
            .field("created_at", .datetime, .required)
            .unique(on: "event_id", "user_id")
            .create()
        try await database.schema(InnovationRecord.schema)
            .field("slug", .string, .identifier(auto: false))
            .field("name", .string, .required)
            .field("summary", .string, .required)
            .field("care_model", .string, .required)
            .field("origin_vanguard", .int, .required)
            .create()
        try await database.schema(AdoptionRecord.schema)
            .id()
            .field("innovation_slug", .string, .required, .references(InnovationRecord.schema, "slug"))
            .field("adopter", .string, .required)
            .field("organisation_slug", .string)
            .field("area_code", .string, .required)
            .field("adopted_on", .string, .required)
            .field("contact", .string, .required)
            .field("recorded_by", .uuid, .required, .references(UserRecord.schema, "id"))
            .field("recorded_at", .datetime, .required)
            .create()
        try await database.schema(PostImageRecord.schema)
            .id()
            .field("media_type", .string, .required)
            .field("bytes", .data, .required)
            .field("uploaded_by", .uuid, .required, .references(UserRecord.schema, "id"))
            .field("uploaded_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        for schema in [
            PostImageRecord.schema, AdoptionRecord.schema, InnovationRecord.schema, EventSignUpRecord.schema, EventRecord.schema,
        ] {
            try await database.schema(schema).delete()
        }
    }
}
