import FluentKit

/// Areas carry the councils people know them by, filled by the next `vanguard seed` (which every
/// start of `make run` does) from the boundary files already used.
struct Migration0020AreaLocalAuthorities: AsyncMigration {
    var name: String { "0020_area_local_authorities" }

    func prepare(on database: any Database) async throws {
        try await database.schema(AreaRecord.schema).field("local_authorities", .string, .required, .sql(.default(""))).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AreaRecord.schema).deleteField("local_authorities").update()
    }
}
