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
}
