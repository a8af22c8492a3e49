import FluentKit
import SQLKit

/// The impact of each care model by wave (`WaveImpact`), stored as the per-vanguard estimates are;
/// estimates already stored are fitted again, so that they carry synthetic difference-in-differences
/// and the waves appear without waiting for the next returns.
struct Migration0027CreateWaveImpactEstimates: AsyncMigration {
    var name: String { "0027_create_wave_impact_estimates" }

    static let watchedTables = [WaveImpactRecord.schema]

    func prepare(on database: any Database) async throws {
        try await database.schema(WaveImpactRecord.schema)
            .field("key", .string, .identifier(auto: false))
            .field("care_model", .string, .required)
            .field("metric_code", .string, .required, .references(MetricRecord.schema, "code"))
            .field("computed_at", .datetime, .required)
            .field("body", .string, .required)
            .create()
        if let sql = database as? any SQLDatabase { try await Migration0026ContentVersion.watch(Self.watchedTables, on: sql) }
        guard try await ImpactRecord.query(on: database).count() > 0 else { return }
        try await ImpactStore(database: database).recompute()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(WaveImpactRecord.schema).delete()
    }
}
