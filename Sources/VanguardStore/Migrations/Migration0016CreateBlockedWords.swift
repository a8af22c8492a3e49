import FluentKit
import VanguardCore

/// The blocked words, kept by the programme team; a new installation starts with the default list.
struct Migration0016CreateBlockedWords: AsyncMigration {
    var name: String { "0016_create_blocked_words" }

    func prepare(on database: any Database) async throws {
        try await database.schema(BlockedWordRecord.schema)
            .field("word", .string, .identifier(auto: false))
            .create()
        for word in CommentModeration.startingBlockedWords {
            let record = BlockedWordRecord()
            record.id = word
            try await record.create(on: database)
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(BlockedWordRecord.schema).delete()
    }
}
