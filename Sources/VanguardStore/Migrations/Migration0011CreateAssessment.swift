import FluentKit

/// Assessment and selection: conflicts of interest, assessors' tasks and scores, moderated
/// scores, decisions, the presentation plan, and applicants' unavailable times.
struct Migration0011CreateAssessment: AsyncMigration {
    var name: String { "0011_create_assessment" }

    func prepare(on database: any Database) async throws {
        try await database.schema(ConflictRecord.schema)
            .id()
            .field("assessor_id", .uuid, .required, .references(UserRecord.schema, "id"))
            .field("kind", .string, .required)
            .field("value", .string, .required)
            .field("declared_at", .datetime, .required)
            .unique(on: "assessor_id", "kind", "value")
            .create()
        try await database.schema(AssessmentRecord.schema)
            .id()
            .field("application_id", .uuid, .required, .references(ApplicationRecord.schema, "id"))
            .field("assessor_id", .uuid, .required, .references(UserRecord.schema, "id"))
            .field("stage", .string, .required)
            .field("scores", .string)
            .field("submitted_at", .datetime)
            .field("assigned_at", .datetime, .required)
            .unique(on: "application_id", "assessor_id", "stage")
            .create()
        try await database.schema(ModeratedScoreRecord.schema)
            .id()
            .field("application_id", .uuid, .required, .references(ApplicationRecord.schema, "id"))
            .field("stage", .string, .required)
            .field("criterion", .string, .required)
            .field("score", .int, .required)
            .field("reason", .string, .required)
            .field("moderated_by", .string, .required)
            .field("moderated_at", .datetime, .required)
            .unique(on: "application_id", "stage", "criterion")
            .create()
        try await database.schema(DecisionRecord.schema)
            .field("application_id", .uuid, .identifier(auto: false), .references(ApplicationRecord.schema, "id"))
            .field("outcome", .string, .required)
            .field("wave_name", .string)
            .field("announced_on", .string)
            .field("feedback", .string, .required)
            .field("vanguard_number", .int)
            .field("was_shortlisted", .bool, .required)
            .field("decided_by", .string, .required)
            .field("decided_at", .datetime, .required)
            .create()
        try await database.schema(PresentationPlanRecord.schema)
            .field("call_id", .uuid, .identifier(auto: false), .references(CallRecord.schema, "id"))
            .field("settings", .string, .required)
            .field("timetable", .string)
            .field("published_at", .datetime)
            .create()
        try await database.schema(ApplicationRecord.schema)
            .field("unavailable", .string)
            .update()
    }

    func revert(on database: any Database) async throws {
        // Older SQLite cannot drop a column; leaving an unused nullable column is harmless.
        try? await database.schema(ApplicationRecord.schema).deleteField("unavailable").update()
        for schema in [
            PresentationPlanRecord.schema, DecisionRecord.schema, ModeratedScoreRecord.schema, AssessmentRecord.schema,
            ConflictRecord.schema,
        ] {
            try await database.schema(schema).delete()
        }
    }
}
