import Foundation
import VanguardCore
import VanguardStore
import Vapor

/// `vanguard demo-data`: generated monthly returns for every area, April 2013 – March 2019, with
/// known effects in vanguard areas; every page that shows them says "generated data".
struct DemoDataCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "seed", help: "The random seed (default 2015); the same seed gives the same data")
        var seed: Int?
    }

    var help: String {
        "Creates generated (not real) monthly returns for all areas and seeded metrics, with known effects injected in vanguard areas from their announcement month, then recomputes the evaluations. Does nothing if generated data is already there."
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let evaluations = EvaluationStore(on: app)
        if try await evaluations.hasGeneratedData() {
            context.console.print("[demo-data] generated data is already loaded; nothing to do.")
            return
        }
        guard let seed = UInt64(exactly: signature.seed ?? 2015) else {
            throw ValidationError.invalid(field: "seed", reason: "Give --seed as a whole number from 0")
        }
        let registry = try await RegistryStore(on: app).registry()
        let metrics = try await ReturnsStore(on: app).metrics()
        context.console.print(
            "[demo-data] generating \(registry.areas.count) areas × \(metrics.count) metrics, 2013-04 to 2019-03 (seed \(seed))…")
        let demo = DemoReturns(seed: seed, registry: registry, metrics: metrics)
        let console = context.console
        let summary = try await ReturnsStore(on: app).submit(
            demo.values, fileName: "generated demo data (seed \(seed))",
            by: Actor(userID: nil, label: "demo data generator", channel: .seed)
        ) { written, total in
            if written % 10_000 < 1_000 || written == total { console.print("[demo-data] \(written)/\(total) values written") }
        }
        try await evaluations.recordEffects(demo.effects, seed: seed)
        let count = try await evaluations.recomputeAll(registry: registry)
        context.console.print(
            "[demo-data] fitting impact estimates (synthetic control and matched comparison for every vanguard and metric)…")
        let impacts = try await ImpactStore(on: app).recomputeAll(registry: registry)
        context.console.print(
            "[demo-data] done: \(summary.added) values, \(demo.effects.count) injected effects, \(count) evaluations, \(impacts) impact estimates."
        )
    }
}
