import FluentKit
import Foundation
import Testing
import VanguardCore
import VanguardStore

@Suite struct ReturnsStoreTests {
    static let area = "E38000208"
    static let may = Month(year: 2016, month: 5)

    static func value(_ numerator: Double, metric: String = "emergency_admissions", period: Month = may) -> ReturnValue {
        ReturnValue(areaCode: area, metricCode: metric, period: period, numerator: numerator, denominator: 300_000)
    }

    @Test func aResubmissionKeepsTheEarlierVersionStampedByTheStoresClock() async throws {
        try await StoreTestDatabase.run { database in
            // setup: the store's clock, not the system's, stamps each submission
            let clock = StoppedClock(at: Date(timeIntervalSince1970: 1_500_000_000))
            let store = ReturnsStore(database: database, now: clock.now)
            let first = try await store.submit([Self.value(100)], fileName: "may.csv", by: .operatorAtCLI("first"))
            clock.advance(by: 86_400)
            // MUT
            let second = try await store.submit(
                [Self.value(120), Self.value(7, period: Month(year: 2016, month: 6))], fileName: "may-again.csv",
                by: .operatorAtCLI("second"))
            // validate
            #expect((first.added, first.revised, first.unchanged) == (1, 0, 0))
            #expect((second.added, second.revised, second.unchanged) == (1, 1, 0))
            let history = try await store.history(area: Self.area, metric: "emergency_admissions", period: Self.may)
            #expect(history.map(\.numerator) == [120, 100])
            #expect(history.map(\.isCurrent) == [true, false])
            #expect(history.map(\.submittedAt) == [Date(timeIntervalSince1970: 1_500_086_400), Date(timeIntervalSince1970: 1_500_000_000)])
            #expect(history.map(\.submittedBy) == ["operator second at the CLI", "operator first at the CLI"])
            let current = try await store.currentValues().filter { $0.areaCode == Self.area }
            #expect(Set(current.map(\.numerator)) == [120, 7])
        }
    }

    @Test func sendingTheSameValueAgainChangesNothing() async throws {
        try await StoreTestDatabase.run { database in
            let store = ReturnsStore(database: database)
            _ = try await store.submit([Self.value(100)], fileName: "may.csv", by: .operatorAtCLI("first"))
            let again = try await store.submit([Self.value(100)], fileName: "may.csv", by: .operatorAtCLI("first"))
            #expect((again.added, again.revised, again.unchanged) == (0, 0, 1))
            #expect(try await store.history(area: Self.area, metric: "emergency_admissions", period: Self.may).count == 1)
        }
    }

    @Test func theRegistryIsSeededOnceAndReadBackWhole() async throws {
        try await StoreTestDatabase.run { database in
            let registry = try await RegistryStore(database: database).registry()
            #expect(registry.vanguards.count == 50)
            #expect(registry.areas.count == 106)
            // Seeding again finds everything in place.
            let again = try await RegistrySeeder.seed(try StoreTestDatabase.dataset.get(), on: database)
            #expect(again.inserted == 0 && again.updated == 0)
        }
    }
}
