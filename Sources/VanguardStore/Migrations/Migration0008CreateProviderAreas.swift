import FluentKit

/// The provider → area lookup, kept in the database so the programme team can edit it.
struct Migration0008CreateProviderAreas: AsyncMigration {
    var name: String { "0008_create_provider_areas" }

    func prepare(on database: any Database) async throws {
        try await database.schema(ProviderAreaRecord.schema)
            .field("org_code", .string, .identifier(auto: false))
            .field("org_name", .string, .required)
            .field("area_code", .string, .required, .references(AreaRecord.schema, "code"))
            .field("updated_by", .string, .required)
            .field("updated_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ProviderAreaRecord.schema).delete()
    }
}
