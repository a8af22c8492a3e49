import FluentKit
import SQLKit
import Testing
import VanguardStore

/// PostgreSQL closing a connection in the middle of work held on it (a restart, a fail-over) must end
/// that work with an outage the web answers as 503, write nothing, and give the pool its connection
/// back. Before `guardedTransaction`, the statement after the close was never answered: these tests
/// would wait for ever there. SQLite has no connection to lose, so they run on PostgreSQL only.
@Suite struct ConnectionLossTests {
    static var onPostgres: Bool { (try? StoreTestDatabase.server.isPostgres) ?? false }

    @Test(.enabled(if: onPostgres)) func aTransactionWhoseConnectionClosesWritesNothingAndThePoolGoesOn() async throws {
        try await StoreTestDatabase.run(seeded: false) { database in
            try await Self.sql(database).raw("CREATE TABLE lost_writes (n INT)").run()
            // MUT: the server ends this connection between two statements of the transaction
            let failure = await #expect(throws: (any Error).self) {
                try await database.guardedTransaction { database in
                    try await Self.sql(database).raw("INSERT INTO lost_writes VALUES (1)").run()
                    try await Self.closeThisConnection(database)
                    try await Self.sql(database).raw("INSERT INTO lost_writes VALUES (2)").run()
                }
            }
            // validate: an outage, nothing written, and the pool (one connection) hands out a new one
            #expect(failure.map(DatabaseOutage.explains) == true)
            let rows = try await Self.sql(database).raw("SELECT count(*) AS n FROM lost_writes").first(decodingColumn: "n", as: Int.self)
            #expect(rows == 0)
        }
    }

    @Test(.enabled(if: onPostgres)) func readsOnOneConnectionThatClosesFailAsAnOutageAndThePoolGoesOn() async throws {
        try await StoreTestDatabase.run(seeded: false) { database in
            let failure = await #expect(throws: (any Error).self) {
                try await database.guardedConnection { database in
                    _ = try await Self.sql(database).raw("SELECT 1 AS one").first(decodingColumn: "one", as: Int.self)
                    try await Self.closeThisConnection(database)
                    _ = try await Self.sql(database).raw("SELECT 2 AS two").first(decodingColumn: "two", as: Int.self)
                }
            }
            #expect(failure.map(DatabaseOutage.explains) == true)
            let answer = try await Self.sql(database).raw("SELECT 3 AS three").first(decodingColumn: "three", as: Int.self)
            #expect(answer == 3)
        }
    }

    @Test func onSQLiteOrPostgreSQLAGuardedTransactionCommitsItsWork() async throws {
        try await StoreTestDatabase.run(seeded: false) { database in
            try await Self.sql(database).raw("CREATE TABLE kept_writes (n INT)").run()
            let answer = try await database.guardedTransaction { database in
                try await Self.sql(database).raw("INSERT INTO kept_writes VALUES (1)").run()
                try await Self.sql(database).raw("INSERT INTO kept_writes VALUES (2)").run()
                return "done"
            }
            #expect(answer == "done")
            let rows = try await Self.sql(database).raw("SELECT count(*) AS n FROM kept_writes").first(decodingColumn: "n", as: Int.self)
            #expect(rows == 2)
        }
    }

    /// The server terminates the backend this connection talks to, as a fast shutdown does, and the
    /// client has a moment to see the connection close.
    static func closeThisConnection(_ database: any Database) async throws {
        _ = try? await sql(database).raw("SELECT pg_terminate_backend(pg_backend_pid())").run()
        try await Task.sleep(for: .milliseconds(300))
    }

    static func sql(_ database: any Database) -> any SQLDatabase {
        guard let sql = database as? any SQLDatabase else { preconditionFailure("both supported drivers are SQL databases") }
        return sql
    }
}
