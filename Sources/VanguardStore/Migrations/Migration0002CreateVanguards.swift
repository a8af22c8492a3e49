import FluentKit

/// Vanguards, partner organisations, footprints and programme facts.
struct Migration0002CreateVanguards: AsyncMigration {
    var name: String { "0002_create_vanguards" }

    func prepare(on database: any Database) async throws {
        try await database.schema(VanguardRecord.schema)
            .field("number", .int, .identifier(auto: false))
            .field("name", .string, .required)
            .field("care_model", .string, .required)
            .field("announced", .string, .required)
            .field("wave", .int, .required)
            .field("area_description", .string, .required)
            .field("region_description", .string, .required)
            .field("lead_organisations_as_written", .string, .required)
            .field("sources", .string, .required)
            .field("confidence", .string, .required)
            .field("notes", .string)
            .field("governance", .string)
            .field("contracting", .string)
            .create()
        try await database.schema(OrganisationRecord.schema)
            .field("slug", .string, .identifier(auto: false))
            .field("name", .string, .required)
            .field("sector", .string, .required)
            .field("ods_code", .string)
            .unique(on: "name")
            .create()
        try await database.schema(VanguardPartnerRecord.schema)
            .id()
            .field("vanguard_number", .int, .required, .references(VanguardRecord.schema, "number"))
            .field("organisation_slug", .string, .required, .references(OrganisationRecord.schema, "slug"))
            .field("is_lead", .bool, .required)
            .field("as_written", .string, .required)
            .unique(on: "vanguard_number", "organisation_slug")
            .create()
        try await database.schema(FootprintRecord.schema)
            .id()
            .field("vanguard_number", .int, .required, .references(VanguardRecord.schema, "number"))
            .field("area_code", .string, .required, .references(AreaRecord.schema, "code"))
            .field("ccg2015_names", .string, .required)
            .field("ccg2015_codes", .string, .required)
            .field("basis", .string, .required)
            .field("confidence", .string, .required)
            .field("note", .string)
            .field("source", .string)
            .unique(on: "vanguard_number", "area_code")
            .create()
        try await database.schema(ProgrammeFactRecord.schema)
            .field("key", .string, .identifier(auto: false))
            .field("value", .int, .required)
            .field("source", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        for schema in [
            ProgrammeFactRecord.schema, FootprintRecord.schema, VanguardPartnerRecord.schema,
            OrganisationRecord.schema, VanguardRecord.schema,
        ] {
            try await database.schema(schema).delete()
        }
    }
}
