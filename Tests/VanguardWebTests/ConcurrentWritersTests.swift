import FluentKit
import Foundation
import SQLKit
import Testing
import VanguardStore
import VaporTesting

@testable import VanguardWeb

/// Two transactions that each read and then write, at the same time, on two connections: on SQLite
/// the second used to be refused at once ("database is locked", a 500 schemathesis found) because
/// neither could wait for the other. Both must go through, one after the other.
@Suite struct ConcurrentWritersTests {
    @Test func twoWritersThatReadFirstBothGoThrough() async throws {
        try await TestApp.run { app in
            let loops = Array(app.eventLoopGroup.makeIterator())
            // One connection per loop: with a single loop the two would simply queue for one connection.
            guard loops.count >= 2, let first = app.databases.database(logger: app.logger, on: loops[0]),
                let second = app.databases.database(logger: app.logger, on: loops[1])
            else { return }
            async let early: Void = first.guardedTransaction { database in
                try await Self.read(database)
                // The other writer starts meanwhile and reads, writes or waits.
                try await Task.sleep(for: .milliseconds(400))
                try await Self.sql(database).raw("UPDATE vanguards SET governance = 'early writer' WHERE number = 1").run()
            }
            try await Task.sleep(for: .milliseconds(100))
            async let late: Void = second.guardedTransaction { database in
                try await Self.read(database)
                try await Self.sql(database).raw("UPDATE vanguards SET governance = 'late writer' WHERE number = 2").run()
            }
            try await early
            try await late
            let governance = try await Self.sql(app.db).raw("SELECT governance FROM vanguards WHERE number IN (1, 2) ORDER BY number")
                .all(decodingColumn: "governance", as: String.self)
            #expect(governance == ["early writer", "late writer"])
        }
    }

    static func read(_ database: any Database) async throws {
        _ = try await sql(database).raw("SELECT count(*) AS n FROM vanguards").first(decodingColumn: "n", as: Int.self)
    }

    static func sql(_ database: any Database) -> any SQLDatabase {
        guard let sql = database as? any SQLDatabase else { preconditionFailure("both supported drivers are SQL databases") }
        return sql
    }
}
