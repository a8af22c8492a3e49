import Foundation
import Testing
import VanguardCore
import VanguardStore
import VaporTesting

@testable import VanguardWeb

@Suite struct DatabaseFailureTests {
    /// A PostgreSQL address where nothing listens (port 9, discard), so every query fails at once.
    static let unreachable = try! DatabaseLocation(url: "postgres://vanguard:unused@127.0.0.1:9/vanguard")  // a literal that parses

    @Test func anUnreachableDatabaseGives503sAndHealthSaysSo() async throws {
        // setup
        let app = try await Application.make(.testing)
        do {
            try await configure(app, config: TestApp.config(database: Self.unreachable))
            // MUT
            let health = try await app.fetch("/healthz")
            let home = try await app.fetch("/")
            let api = try await app.fetch("/api/v1/vanguards")
            // validate
            #expect(health.status == .serviceUnavailable)
            #expect(try health.json()["status"] as? String == "unavailable")
            #expect(home.status == .serviceUnavailable)
            #expect(home.body.contains("Sorry, the service is unavailable"))
            #expect(api.status == .serviceUnavailable)
            #expect(try api.json()["reason"] as? String == AppError.databaseUnavailable.reason)
            // Clients and load balancers are told when to come back.
            #expect([home, api].allSatisfy { $0.headers.first(name: "Retry-After") == "5" })
            // The job worker's round fails rather than hangs; the server's loop simply tries again.
            await #expect(throws: (any Error).self) { try await app.jobWorker.runDue() }
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}

@Suite struct SeedTests {
    @Test func seedingAgainDuplicatesAndLosesNothing() async throws {
        try await TestApp.run { app in
            // setup: the app is seeded once; a person records an ODS code
            let store = RegistryStore(on: app)
            let before = try await store.counts()
            #expect(try await store.setODSCode("RM3", forOrganisation: "salford-royal-nhs-ft", by: .operatorAtCLI("test")))
            // MUT
            let summary = try await RegistrySeeder.seed(try TestApp.dataset.get(), on: app.db)
            // validate
            #expect(summary.inserted == 0)
            #expect(summary.updated <= 1)
            #expect(try await store.counts() == before)
            #expect(before["vanguards"] == 50 && before["areas"] == 106 && before["icbs"] == 42 && before["regions"] == 7)
            #expect(before["vanguard_areas"] == 92 && before["vanguard_partners"] == 153 && before["organisations"] == 139)
            #expect(try await store.registry().organisation(slug: "salford-royal-nhs-ft")?.odsCode == "RM3")
        }
    }

    @Test func aSeedThatFailsPartWayWritesNothing() async throws {
        try await TestApp.run(seeded: false) { app in
            // setup: a footprint that points at an area that does not exist fails late, after
            // regions, areas and vanguards have been written inside the transaction
            var dataset = try TestApp.dataset.get()
            dataset.footprints.append(
                FootprintArea(
                    vanguardNumber: 1, areaCode: "E38999999", ccg2015Names: [], ccg2015Codes: [], basis: "test", confidence: "low",
                    note: nil, source: nil
                ))
            // MUT
            await #expect(throws: (any Error).self) { try await RegistrySeeder.seed(dataset, on: app.db) }
            // validate
            let counts = try await RegistryStore(on: app).counts()
            #expect(counts.values.allSatisfy { $0 == 0 }, "\(counts)")
        }
    }
}
