import FluentKit
import Foundation
import SQLKit
import Testing
import VanguardCore

@testable import VanguardStore

/// A return value always names an area, a metric and a submission that exist, for every writer,
/// plain SQL included: foreign keys on SQLite, statement triggers on PostgreSQL (migration 0030).
@Suite struct ReturnValueReferencesTests {
    @Test func aValueMustNameWhatExistsAndWhatItNamesCannotGo() async throws {
        try await StoreTestDatabase.run { database in
            let sql = try #require(database as? any SQLDatabase)
            let store = ReturnsStore(database: database)
            let may = Month(year: 2016, month: 5)
            let sent = try await store.submit(
                [ReturnValue(areaCode: "E38000208", metricCode: "emergency_admissions", period: may, numerator: 1, denominator: 2)],
                fileName: "may.csv", by: .operatorAtCLI())
            let unused = try await store.submit([], fileName: "empty.csv", by: .operatorAtCLI())
            func insert(area: String, metric: String, submission: UUID) async throws {
                try await sql.raw(
                    """
                    INSERT INTO return_values (area_code, metric_code, period, numerator, denominator, revision, is_current, submission_id)
                    VALUES (\(bind: area), \(bind: metric), '2016-06', 1, 2, 1, \(bind: true), \(bind: submission))
                    """
                ).run()
            }
            // MUT: a row naming an area, a metric or a submission that is not there is refused
            await #expect(throws: (any Error).self) {
                try await insert(area: "E99999999", metric: "emergency_admissions", submission: sent.submissionID)
            }
            await #expect(throws: (any Error).self) {
                try await insert(area: "E38000208", metric: "no_such_metric", submission: sent.submissionID)
            }
            await #expect(throws: (any Error).self) {
                try await insert(area: "E38000208", metric: "emergency_admissions", submission: UUID())
            }
            try await insert(area: "E38000208", metric: "emergency_admissions", submission: unused.submissionID)
            #expect(try await store.counts().values == 2)
            // MUT: what a value names can be neither deleted nor rekeyed; what none names can go
            await #expect(throws: (any Error).self) {
                try await sql.delete(from: SubmissionRecord.schema).where("id", .equal, sent.submissionID).run()
            }
            await #expect(throws: (any Error).self) {
                try await sql.update(AreaRecord.schema).set("code", to: "E38999999").where("code", .equal, "E38000208").run()
            }
            await #expect(throws: (any Error).self) {
                try await sql.delete(from: MetricRecord.schema).where("code", .equal, "emergency_admissions").run()
            }
            try await sql.update(AreaRecord.schema).set("name", to: "Renamed").where("code", .equal, "E38000208").run()
            try await sql.delete(from: ReturnValueRecord.schema).where("submission_id", .equal, unused.submissionID).run()
            try await sql.delete(from: SubmissionRecord.schema).where("id", .equal, unused.submissionID).run()
            #expect(try await store.counts() == (1, 1, 1))
        }
    }

    /// The migration's revert restores PostgreSQL's foreign keys, and applying it again their triggers.
    @Test func theMigrationGoesBothWays() async throws {
        try await StoreTestDatabase.run { database in
            let sql = try #require(database as? any SQLDatabase)
            guard sql.dialect.name == "postgresql" else { return }
            func foreignKeys() async throws -> Int {
                try await sql.raw(
                    "SELECT COUNT(*) AS n FROM pg_constraint WHERE conrelid = 'return_values'::regclass AND contype = 'f'"
                ).first()?.decode(column: "n", as: Int.self) ?? -1
            }
            #expect(try await foreignKeys() == 0)
            try await Migration0030ReturnValueReferencesPerStatement().revert(on: database)
            #expect(try await foreignKeys() == 3)
            try await Migration0030ReturnValueReferencesPerStatement().prepare(on: database)
            #expect(try await foreignKeys() == 0)
            await #expect(throws: (any Error).self) {
                try await sql.raw(
                    """
                    INSERT INTO return_values (area_code, metric_code, period, numerator, denominator, revision, is_current, submission_id)
                    VALUES ('E99999999', 'emergency_admissions', '2016-06', 1, 2, 1, true, \(bind: UUID()))
                    """
                ).run()
            }
        }
    }

    /// PostgreSQL: a writer and a deleter racing over the same submission cannot both commit,
    /// whichever goes first — the reference trigger locks what it names `FOR KEY SHARE`, and the
    /// guard on the referenced table looks only once it holds the row.
    @Test func aWriterAndADeleterRacingCannotBothCommit() async throws {
        try await StoreTestDatabase.run(connections: 2) { database in
            guard (database as? any SQLDatabase)?.dialect.name == "postgresql" else { return }
            let store = ReturnsStore(database: database)
            let row = { (submission: UUID, month: String) -> SQLQueryString in
                """
                INSERT INTO return_values (area_code, metric_code, period, numerator, denominator, revision, is_current, submission_id)
                VALUES ('E38000208', 'emergency_admissions', \(bind: month), 1, 2, 1, true, \(bind: submission))
                """
            }
            let deletion = { (submission: UUID) -> SQLQueryString in "DELETE FROM submissions WHERE id = \(bind: submission)" }

            // The writer first: the deletion waits for it, then finds the returns and is refused.
            let kept = try await store.submit([], fileName: "kept.csv", by: .operatorAtCLI()).submissionID
            try await Self.race(on: database, first: row(kept, "2016-05"), second: deletion(kept))
            // The deleter first: the writer waits for it, then finds no submission and is refused.
            let gone = try await store.submit([], fileName: "gone.csv", by: .operatorAtCLI()).submissionID
            try await Self.race(on: database, first: deletion(gone), second: row(gone, "2016-06"))

            let sql = try #require(database as? any SQLDatabase)
            let submissions = try await sql.select().column("id").from(SubmissionRecord.schema)
                .where("id", .in, [kept, gone]).all(decodingColumn: "id", as: UUID.self)
            #expect(submissions == [kept])
            #expect(try await BulkReturnsTests.records(on: database).map(\.submissionID) == [kept])
        }
    }

    /// Runs `first` in a transaction left open, starts `second` on another connection, waits until
    /// PostgreSQL shows it waiting for a lock, commits `first`, and expects `second` to be refused.
    static func race(on database: any Database, first: SQLQueryString, second: SQLQueryString) async throws {
        try await database.withConnection { held in
            let sql = held as! any SQLDatabase
            try await sql.raw("BEGIN").run()
            try await sql.raw(first).run()
            let waiting = Task {
                try await database.withConnection { other in try await (other as! any SQLDatabase).raw(second).run() }
            }
            var blocked = false
            for _ in 0..<1_000 where !blocked {
                // Inside a transaction PostgreSQL keeps its first look at the activity table.
                try await sql.raw("SELECT pg_stat_clear_snapshot()").run()
                blocked =
                    try await sql.raw(
                        """
                        SELECT COUNT(*) AS n FROM pg_stat_activity
                        WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()
                        """
                    ).first()?.decode(column: "n", as: Int.self) == 1
                if !blocked { try await Task.sleep(for: .milliseconds(10)) }
            }
            #expect(blocked)
            try await sql.raw("COMMIT").run()
            // Refused by the reference rule (foreign_key_violation), not by anything else.
            await #expect {
                try await waiting.value
            } throws: { error in
                String(reflecting: error).contains("sqlState: 23503")
            }
        }
    }
}
