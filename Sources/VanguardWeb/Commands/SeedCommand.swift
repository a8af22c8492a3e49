import Fluent
import VanguardCore
import VanguardStore
import Vapor

/// `vanguard seed`: migrates if needed, then loads the 50 vanguards, their footprints and partners,
/// and England's sub-ICB locations, ICBs and regions. Safe to run again.
struct SeedCommand: AsyncCommand {
    struct Signature: CommandSignature {}

    var help: String {
        "Loads the registry (vanguards, footprints, partner organisations, areas, boundaries) from data/ and the fetched boundary files. Idempotent: running it again duplicates and loses nothing. A bad file stops the seed with the file, line and reason, and nothing is written."
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let config = app.appConfig
        let started = ContinuousClock.now
        let dataset: RegistryDataset
        do {
            dataset = try RegistryDataset.load(from: config.registryLocation) { step in
                context.console.print("[seed] \(step)…")
            }
        } catch {
            context.console.error("[seed] stopped, nothing was written: \(error)")
            throw error
        }
        context.console.print("[seed] migrating \(config.database)…")
        try await app.autoMigrate()
        let summary = try await RegistrySeeder.seed(dataset, on: app.db) { step in
            context.console.print("[seed] writing \(step)…")
        }
        let seconds = ImportReturnsCommand.seconds(ContinuousClock.now - started).dropLast(2)
        context.console.print(
            "[seed] done in \(seconds)s: \(summary.inserted) rows added, \(summary.updated) updated, \(summary.unchanged) unchanged."
        )
    }
}
