import FluentKit
import Foundation
import SQLKit
import Testing
import VanguardCore

@testable import VanguardStore

/// Migration 0029 rekeys `return_values` on a database that already holds returns, revisions
/// included, on whichever engine the run uses; and back.
@Suite struct ReturnValuesKeyMigrationTests {
    @Test func storedRevisionsSurviveTheNewKeyBothWays() async throws {
        try await StoreTestDatabase.run { database in
            // setup: two submissions, the second revising one value
            let store = ReturnsStore(database: database)
            let may = Month(year: 2016, month: 5), june = Month(year: 2016, month: 6)
            func value(_ period: Month, _ numerator: Double) -> ReturnValue {
                ReturnValue(
                    areaCode: "E38000208", metricCode: "emergency_admissions", period: period, numerator: numerator, denominator: 300_000)
            }
            _ = try await store.submit([value(may, 100), value(june, 110)], fileName: "first.csv", by: .operatorAtCLI())
            _ = try await store.submit([value(may, 105)], fileName: "second.csv", by: .operatorAtCLI())
            let before = try await BulkReturnsTests.records(on: database).sorted(by: Self.keyOrder)
            #expect(before.map(\.revision) == [1, 2, 1])
            let sql = try #require(database as? any SQLDatabase)

            // MUT: back to a surrogate identifier
            try await Migration0029ReturnValuesKeyedByWhatTheyAre().revert(on: database)
            // validate: every row has an identifier of its own, and the rows are those before
            let ids = try await sql.select().column("id").from(ReturnValueRecord.schema).all(decodingColumn: "id", as: UUID.self)
            #expect(Set(ids).count == before.count)
            #expect(try await BulkReturnsTests.records(on: database).sorted(by: Self.keyOrder) == before)

            // MUT: and keyed by what a value is again
            try await Migration0029ReturnValuesKeyedByWhatTheyAre().prepare(on: database)
            #expect(try await BulkReturnsTests.records(on: database).sorted(by: Self.keyOrder) == before)
            await #expect(throws: (any Error).self) {
                try await sql.select().column("id").from(ReturnValueRecord.schema).all()
            }
            // MUT: the key holds — a second row for the same value and revision is refused
            await #expect(throws: (any Error).self) {
                try await sql.insert(into: ReturnValueRecord.schema).model(before[0]).run()
            }
            // and the store reads and writes as before
            #expect(try await store.history(area: "E38000208", metric: "emergency_admissions", period: may).map(\.numerator) == [105, 100])
            let third = try await store.submit([value(june, 120)], fileName: "third.csv", by: .operatorAtCLI())
            #expect(third.revised == 1)
            #expect(Set(try await store.currentValues()) == [value(may, 105), value(june, 120)])
        }
    }

    static func keyOrder(_ left: ReturnValueRecord, _ right: ReturnValueRecord) -> Bool {
        (left.metricCode, left.areaCode, left.period, left.revision) < (right.metricCode, right.areaCode, right.period, right.revision)
    }
}
