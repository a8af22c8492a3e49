import FluentKit

/// Rebase points set by the programme team.
struct Migration0006CreateRebasePoints: AsyncMigration {
    var name: String { "0006_create_rebase_points" }

    func prepare(on database: any Database) async throws {
        try await database.schema(RebaseRecord.schema)
            .id()
            .field("scope", .string, .required)
            .field("metric_code", .string, .required, .references(MetricRecord.schema, "code"))
            .field("period", .string, .required)
            .field("reason", .string, .required)
            .field("created_by", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "scope", "metric_code", "period")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(RebaseRecord.schema).delete()
    }
}
