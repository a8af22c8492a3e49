import FluentKit

/// The metric framework, submissions, and every revision of every returned value.
struct Migration0004CreateReturns: AsyncMigration {
    var name: String { "0004_create_returns" }

    func prepare(on database: any Database) async throws {
        try await database.schema(MetricRecord.schema)
            .field("code", .string, .identifier(auto: false))
            .field("name", .string, .required)
            .field("definition", .string, .required)
            .field("numerator", .string, .required)
            .field("denominator", .string, .required)
            .field("unit", .string, .required)
            .field("multiplier", .double, .required)
            .field("direction", .string, .required)
            .field("care_models", .string, .required)
            .field("source", .string, .required)
            .field("target", .double)
            .create()
        try await database.schema(SubmissionRecord.schema)
            .id()
            .field("at", .datetime, .required)
            .field("actor_user_id", .uuid)
            .field("actor_label", .string, .required)
            .field("channel", .string, .required)
            .field("file_name", .string, .required)
            .field("row_count", .int, .required)
            .field("added", .int, .required)
            .field("revised", .int, .required)
            .create()
        try await database.schema(ReturnValueRecord.schema)
            .id()
            .field("area_code", .string, .required, .references(AreaRecord.schema, "code"))
            .field("metric_code", .string, .required, .references(MetricRecord.schema, "code"))
            .field("period", .string, .required)
            .field("numerator", .double, .required)
            .field("denominator", .double, .required)
            .field("revision", .int, .required)
            .field("is_current", .bool, .required)
            .field("submission_id", .uuid, .required, .references(SubmissionRecord.schema, "id"))
            // Also the index every chart and import reads by.
            .unique(on: "metric_code", "area_code", "period", "revision")
            .create()
    }

    func revert(on database: any Database) async throws {
        for schema in [ReturnValueRecord.schema, SubmissionRecord.schema, MetricRecord.schema] {
            try await database.schema(schema).delete()
        }
    }
}
