import FluentKit
import Foundation
import SQLKit
import Testing
import VanguardCore

@testable import VanguardStore

/// The import's own write path (multi-row inserts on SQLite, COPY on PostgreSQL, rows in key order)
/// read back as stored, on whichever engine the run uses; and
/// evaluations recomputed for just the places an upload touched.
@Suite struct BulkReturnsTests {
    /// Every area × metric for `months` months from April 2015: more rows than one SQLite statement
    /// (5,460) or one COPY piece (10,000) holds, in the month-by-month order files come in.
    static func values(registry: Registry, metrics: [Metric], months: Int, numerator: (Int) -> Double) -> [ReturnValue] {
        var values: [ReturnValue] = []
        for month in 0..<months {
            for area in registry.areas.map(\.code) {
                for metric in metrics.map(\.code) {
                    values.append(
                        ReturnValue(
                            areaCode: area, metricCode: metric, period: Month(year: 2015, month: 4).adding(months: month),
                            numerator: numerator(values.count), denominator: 250_000))
                }
            }
        }
        return values
    }

    /// Every row of `return_values`, as stored.
    static func records(on database: any Database) async throws -> [ReturnValueRecord] {
        try await ReturnsStore(database: database).records().all(decoding: ReturnValueRecord.self)
    }

    @Test func aLargeSubmissionIsWrittenWholeAndReadsBackAsSent() async throws {
        try await StoreTestDatabase.run { database in
            // setup
            let registry = try await RegistryStore(database: database).registry()
            let metrics = try await ReturnsStore(database: database).metrics()
            let store = ReturnsStore(database: database)
            let first = Self.values(registry: registry, metrics: metrics, months: 15, numerator: { Double($0 % 997) + 0.25 })
            #expect(first.count > 10_000)
            // MUT
            let summary = try await store.submit(first, fileName: "year.csv", by: .operatorAtCLI())
            // validate: every value, as sent, current, of this submission
            #expect((summary.added, summary.revised, summary.unchanged) == (first.count, 0, 0))
            let records = try await Self.records(on: database)
            #expect(records.count == first.count)
            #expect(records.allSatisfy { $0.isCurrent && $0.revision == 1 && $0.submissionID == summary.submissionID })
            let stored = Set(
                records.map {
                    ReturnValue(
                        areaCode: $0.areaCode, metricCode: $0.metricCode, period: Month($0.period)!, numerator: $0.numerator,
                        denominator: $0.denominator)
                })
            #expect(stored == Set(first))

            // MUT: a resubmission changing every third value
            let second = Self.values(
                registry: registry, metrics: metrics, months: 15,
                numerator: { $0 % 3 == 0 ? Double($0 % 997) + 1 : Double($0 % 997) + 0.25 })
            let again = try await store.submit(second, fileName: "year-again.csv", by: .operatorAtCLI())
            // validate: revised rows keep their earlier revision; the current values are the second file's
            let changed = second.indices.filter { $0 % 3 == 0 }.count
            #expect((again.added, again.revised, again.unchanged) == (0, changed, second.count - changed))
            #expect(Set(try await store.currentValues()) == Set(second))
            let revised = second[0]
            let history = try await store.history(area: revised.areaCode, metric: revised.metricCode, period: revised.period)
            #expect(history.map(\.numerator) == [revised.numerator, first[0].numerator])
            #expect(history.map(\.isCurrent) == [true, false])
            let all = try await Self.records(on: database)
            #expect(all.count == first.count + changed)
            #expect(all.filter(\.isCurrent).count == first.count)
            #expect(all.filter { $0.revision == 2 }.allSatisfy { $0.isCurrent && $0.submissionID == again.submissionID })
            #expect(try await store.counts().values == first.count + changed)
            #expect(try await store.counts().current == first.count)
        }
    }

    /// `IN ()` is an error on PostgreSQL: an upload whose values feed no evaluated place (a metric
    /// outside the care models of the vanguards holding its areas) must still be accepted.
    @Test func anUploadThatFeedsNoPlaceRecomputesNothing() async throws {
        try await StoreTestDatabase.run { database in
            let registry = try await RegistryStore(database: database).registry()
            let touched = try await EvaluationStore(database: database).recompute(
                touching: [], metrics: ["emergency_admissions"], registry: registry)
            #expect(touched.places == 0 && touched.vanguards == 0)
            #expect(try await ReturnsStore(database: database).currentValues(metrics: [], areas: ["E38000208"]).isEmpty)
            #expect(try await EvaluationRecord.query(on: database).count() == 0)
        }
    }

    /// References are checked once per code in the submission's transaction (per-row checks are
    /// off for it on SQLite): a code missing from the registry still refuses the whole file.
    @Test func aSubmissionNamingAnUnknownCodeWritesNothingAndTheChecksComeBack() async throws {
        try await StoreTestDatabase.run { database in
            let store = ReturnsStore(database: database)
            let known = ReturnValue(
                areaCode: "E38000208", metricCode: "emergency_admissions", period: Month(year: 2016, month: 5), numerator: 1,
                denominator: 2)
            let unknownArea = ReturnValue(
                areaCode: "E99999999", metricCode: "emergency_admissions", period: Month(year: 2016, month: 5), numerator: 1,
                denominator: 2)
            let unknownMetric = ReturnValue(
                areaCode: "E38000208", metricCode: "no_such_metric", period: Month(year: 2016, month: 6), numerator: 1,
                denominator: 2)
            await #expect {
                try await store.submit([known, unknownArea], fileName: "bad.csv", by: .operatorAtCLI())
            } throws: { error in
                "\(error)" == "no such area: E99999999"
            }
            await #expect {
                try await store.submit([known, unknownMetric], fileName: "bad.csv", by: .operatorAtCLI())
            } throws: { error in
                "\(error)" == "no such metric: no_such_metric"
            }
            #expect(try await store.counts() == (0, 0, 0))
            // The connection is back to checking every row: a row written by hand is refused.
            let sql = try #require(database as? any SQLDatabase)
            if sql.dialect.name == "sqlite" {
                #expect(try await sql.raw("PRAGMA foreign_keys").first()?.decode(column: "foreign_keys", as: Int.self) == 1)
            }
            await #expect(throws: (any Error).self) {
                try await sql.raw(
                    """
                    INSERT INTO return_values (area_code, metric_code, period, numerator, denominator, revision, is_current, submission_id)
                    VALUES ('E99999999', 'emergency_admissions', '2016-05', 1, 2, 1, \(bind: true), \(bind: UUID()))
                    """
                ).run()
            }
            _ = try await store.submit([known], fileName: "good.csv", by: .operatorAtCLI())
            #expect(try await store.counts() == (1, 1, 1))
        }
    }

    /// Rows are put in the key's order (metric, area, month; codes by their bytes) whatever order
    /// the file had: month by month, shuffled, or months out of order within a series.
    @Test func rowsAreWrittenInTheKeysOrder() {
        var random = SeededRandom(seed: 7)
        let areas = ["E38000208", "E38000014", "e38000001", "E3800020", "Z1"]
        let metrics = ["emergency_admissions", "bed_days", "Beds", "a_e_attendances"]
        var rows: [NewRevision] = []
        for month in 0..<30 {
            for area in areas {
                for metric in metrics {
                    rows.append(
                        NewRevision(
                            value: ReturnValue(
                                areaCode: area, metricCode: metric, period: Month(year: 2015, month: 4).adding(months: month),
                                numerator: Double(rows.count), denominator: 1),
                            revision: 1))
                }
            }
        }
        func key(_ row: NewRevision) -> [UInt8] {
            Array(row.value.metricCode.utf8) + [0] + Array(row.value.areaCode.utf8) + [0]
                + Array(row.value.period.description.utf8)
        }
        let expected = rows.sorted { key($0).lexicographicallyPrecedes(key($1)) }.map(\.value)
        #expect(NewRevision.inIndexOrder(rows).map(\.value) == expected)
        var shuffled = rows
        shuffled.shuffle(using: &random)
        #expect(NewRevision.inIndexOrder(shuffled).map(\.value) == expected)
        #expect(NewRevision.inIndexOrder(rows.reversed()).map(\.value) == expected)
        #expect(NewRevision.inIndexOrder([]).isEmpty)
    }

    @Test func codesAreEscapedForCopy() {
        #expect(NewRevision.copyText("E38000208") == "E38000208")
        #expect(NewRevision.copyText("a\tb\\c\nd\re") == "a\\tb\\\\c\\nd\\re")
    }

    @Test func anUploadRecomputesOnlyThePlacesItTouched() async throws {
        try await StoreTestDatabase.run { database in
            // setup: two years of every area, evaluated everywhere
            let registry = try await RegistryStore(database: database).registry()
            let metrics = try await ReturnsStore(database: database).metrics()
            let early = Date(timeIntervalSince1970: 1_600_000_000), late = Date(timeIntervalSince1970: 1_700_000_000)
            _ = try await ReturnsStore(database: database).submit(
                Self.values(registry: registry, metrics: metrics, months: 24, numerator: { Double(1_000 + $0 % 7) }),
                fileName: "history.csv",
                by: .operatorAtCLI())
            try await EvaluationStore(database: database).recomputeAll(registry: registry, at: early)
            let wirral = try #require(registry.vanguards.first { $0.number == 1 })
            let area = try #require(registry.footprint(of: 1).first?.areaCode)
            let metric = try #require(metrics.first { $0.careModels.contains(wirral.careModel) })
            let before = try await EvaluationStore(database: database).evaluations(vanguard: 1).vanguard.first {
                $0.metricCode == metric.code
            }

            // MUT: a month more for one area and one metric
            let next = ReturnValue(
                areaCode: area, metricCode: metric.code, period: Month(year: 2017, month: 4), numerator: 5_000, denominator: 250_000)
            _ = try await ReturnsStore(database: database).submit([next], fileName: "one.csv", by: .operatorAtCLI())
            let touched = try await EvaluationStore(database: database).recompute(
                touching: [area], metrics: [metric.code], registry: registry, at: late)

            // validate: that metric for every vanguard with the area, and the care model's pool; nothing else
            let holders = registry.vanguards.filter { vanguard in
                metric.careModels.contains(vanguard.careModel) && registry.footprint(of: vanguard.number).contains { $0.areaCode == area }
            }
            #expect(touched.vanguards == holders.count)
            let records = try await EvaluationRecord.query(on: database).all()
            let recomputed = Set(records.filter { $0.computedAt == late }.compactMap(\.id))
            let expected = Set(
                holders.map { EvaluationStore.key(vanguard: $0.number, metric: metric.code) }
                    + Set(holders.map(\.careModel)).map { EvaluationStore.careModelKey($0, metric: metric.code) })
            #expect(recomputed == expected)
            #expect(touched.places == expected.count)
            let after = try await EvaluationStore(database: database).evaluations(vanguard: 1).vanguard.first {
                $0.metricCode == metric.code
            }
            #expect(after?.months.last == next.period)
            #expect(before?.months.last == Month(year: 2017, month: 3))
        }
    }
}
