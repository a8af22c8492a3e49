import FluentKit
import SQLKit
import Testing
import VanguardCore
import VanguardStore

/// The content version moves with every change to what public pages show, in the same commit, and
/// with nothing else.
@Suite struct ContentVersionTests {
    /// The `name` column of the catalogue query for this engine.
    static func names(postgres: String, sqlite: String, on database: any Database) async throws -> Set<String> {
        let sql = try #require(database as? any SQLDatabase)
        let query = sql.dialect.name == "postgresql" ? postgres : sqlite
        return Set(try await sql.raw(SQLQueryString(query)).all(decodingColumn: "name", as: String.self))
    }

    @Test func everyTableIsWatchedOrSaysWhyNot() async throws {
        try await StoreTestDatabase.run(seeded: false) { database in
            let tables = try await Self.names(
                postgres: "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'",
                sqlite: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'", on: database)
            // SQLite's full-text index keeps its own shadow tables beside search_documents.
            let shadows = tables.filter { $0.hasPrefix("search_documents_") }
            let explained = Set(ContentVersion.watchedTables).union(ContentVersion.unwatchedTables.keys)
            #expect(tables.subtracting(shadows).subtracting(explained).sorted() == [])
            #expect(explained.subtracting(tables).sorted() == [])
        }
    }

    @Test func everyWatchedTableHasItsTrigger() async throws {
        try await StoreTestDatabase.run(seeded: false) { database in
            let triggered = try await Self.names(
                postgres:
                    "SELECT DISTINCT c.relname AS name FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE t.tgname LIKE 'content_version_%'",
                sqlite: "SELECT DISTINCT tbl_name AS name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'content_version_%'",
                on: database)
            // A table added to the list without a migration giving it the trigger would never move the version.
            #expect(Set(ContentVersion.watchedTables).subtracting(triggered).sorted() == [])
        }
    }

    @Test func aContentChangeMovesTheVersionOnceACommitOnPostgreSQLAndAQueuedJobDoesNot() async throws {
        try await StoreTestDatabase.run { database in
            let sql = try #require(database as? any SQLDatabase)
            let start = try await ContentVersion.current(on: database)
            // MUT: two rows of one table in one transaction
            try await database.guardedTransaction { database in
                let sql = try #require(database as? any SQLDatabase)
                try await sql.raw("UPDATE vanguards SET governance = 'one' WHERE number = 1").run()
                try await sql.raw("UPDATE vanguards SET governance = 'two' WHERE number = 2").run()
            }
            let moved = try await ContentVersion.current(on: database)
            // PostgreSQL moves it once per transaction, at commit; SQLite once per row.
            #expect(moved - start == (sql.dialect.name == "postgresql" ? 1 : 2))
            // A job, a session or a throttle is not content.
            #expect(try await JobStore(database: database).enqueue(.sendDigests, key: "version-test"))
            #expect(try await ContentVersion.current(on: database) == moved)
            // A leap (after a restore) lands far from any number seen before.
            try await ContentVersion.leap(on: database)
            #expect(try await ContentVersion.current(on: database) >= moved + 1_000_000)
        }
    }

    @Test func aRolledBackChangeLeavesTheVersionAsItWas() async throws {
        try await StoreTestDatabase.run { database in
            let start = try await ContentVersion.current(on: database)
            struct Refused: Error {}
            await #expect(throws: Refused.self) {
                try await database.guardedTransaction { database in
                    let sql = try #require(database as? any SQLDatabase)
                    try await sql.raw("UPDATE vanguards SET governance = 'never' WHERE number = 1").run()
                    throw Refused()
                }
            }
            #expect(try await ContentVersion.current(on: database) == start)
        }
    }
}
