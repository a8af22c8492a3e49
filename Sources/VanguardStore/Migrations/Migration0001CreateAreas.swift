import FluentKit

/// Regions, ICBs, sub-ICB locations with their outlines, and the 2015 CCGs.
struct Migration0001CreateAreas: AsyncMigration {
    var name: String { "0001_create_areas" }

    func prepare(on database: any Database) async throws {
        try await database.schema(RegionRecord.schema)
            .field("code", .string, .identifier(auto: false))
            .field("name", .string, .required)
            .create()
        try await database.schema(ICBRecord.schema)
            .field("code", .string, .identifier(auto: false))
            .field("name", .string, .required)
            .field("region_code", .string, .required, .references(RegionRecord.schema, "code"))
            .create()
        try await database.schema(AreaRecord.schema)
            .field("code", .string, .identifier(auto: false))
            .field("name", .string, .required)
            .field("icb_code", .string, .required, .references(ICBRecord.schema, "code"))
            .field("ods_code", .string)
            .field("lsoa_count", .int, .required)
            .create()
        try await database.schema(AreaBoundaryRecord.schema)
            .field("area_code", .string, .identifier(auto: false), .references(AreaRecord.schema, "code"))
            .field("svg_path", .string, .required)
            .field("min_x", .double, .required)
            .field("min_y", .double, .required)
            .field("max_x", .double, .required)
            .field("max_y", .double, .required)
            .create()
        try await database.schema(CCGRecord.schema)
            .field("key", .string, .identifier(auto: false))
            .field("ods_code", .string, .required)
            .field("name", .string, .required)
            .field("area_code", .string, .required, .references(AreaRecord.schema, "code"))
            .create()
    }

    func revert(on database: any Database) async throws {
        for schema in [CCGRecord.schema, AreaBoundaryRecord.schema, AreaRecord.schema, ICBRecord.schema, RegionRecord.schema] {
            try await database.schema(schema).delete()
        }
    }
}
