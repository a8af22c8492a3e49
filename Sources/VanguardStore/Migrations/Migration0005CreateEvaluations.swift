import FluentKit

/// Stored evaluations and the generator's injected truth.
struct Migration0005CreateEvaluations: AsyncMigration {
    var name: String { "0005_create_evaluations" }

    func prepare(on database: any Database) async throws {
        try await database.schema(EvaluationRecord.schema)
            .field("key", .string, .identifier(auto: false))
            .field("scope", .string, .required)
            .field("metric_code", .string, .required, .references(MetricRecord.schema, "code"))
            .field("computed_at", .datetime, .required)
            .field("body", .string, .required)
            .field("variation_icon", .string)
            .field("assurance_icon", .string)
            .field("change_against_baseline", .double)
            .create()
        try await database.schema(InjectedEffectRecord.schema)
            .id()
            .field("seed", .int, .required)
            .field("area_code", .string, .required, .references(AreaRecord.schema, "code"))
            .field("metric_code", .string, .required, .references(MetricRecord.schema, "code"))
            .field("vanguard_number", .int, .required, .references(VanguardRecord.schema, "number"))
            .field("start", .string, .required)
            .field("relative_effect", .double, .required)
            .field("ramp_months", .int, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(InjectedEffectRecord.schema).delete()
        try await database.schema(EvaluationRecord.schema).delete()
    }
}
