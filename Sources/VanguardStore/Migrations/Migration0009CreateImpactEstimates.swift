import FluentKit

/// Stored counterfactual impact estimates per vanguard and metric.
struct Migration0009CreateImpactEstimates: AsyncMigration {
    var name: String { "0009_create_impact_estimates" }

    func prepare(on database: any Database) async throws {
        try await database.schema(ImpactRecord.schema)
            .field("key", .string, .identifier(auto: false))
            .field("vanguard_number", .int, .required, .references(VanguardRecord.schema, "number"))
            .field("metric_code", .string, .required, .references(MetricRecord.schema, "code"))
            .field("computed_at", .datetime, .required)
            .field("body", .string, .required)
            .field("summary", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ImpactRecord.schema).delete()
    }
}
