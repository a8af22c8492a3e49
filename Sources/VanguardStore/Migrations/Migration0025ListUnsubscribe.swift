import FluentKit

/// Digests carry RFC 8058's one-click unsubscribe header, so the outbox keeps its address.
struct Migration0025ListUnsubscribe: AsyncMigration {
    var name: String { "0025_list_unsubscribe" }

    func prepare(on database: any Database) async throws {
        try await database.schema(OutboxMessageRecord.schema).field("list_unsubscribe", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(OutboxMessageRecord.schema).deleteField("list_unsubscribe").update()
    }
}
