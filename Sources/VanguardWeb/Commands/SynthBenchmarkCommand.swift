import Foundation
import VanguardCore
import Vapor

/// `vanguard benchmark synth --spec FILE.json`: times the synthetic control's fit (best of
/// `--repeat`) and its placebo set inside the process, after the panel is read, as
/// Benchmarks/synth_reference.py times pysyncon after its data preparation; prints JSON
/// (`fit_seconds`, `placebo_seconds`, `mspe_pre`). A measurement, not a test.
struct SynthBenchmarkCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "spec", help: "The study, as `vanguard impact synth --spec` reads it")
        var spec: String?
        @Option(name: "repeat", help: "Fits to time, the best reported (default 5)")
        var repeats: Int?
        @Option(name: "evaluations-per-run", help: "Nelder–Mead's budget a run, to see what search effort buys (default as fitted)")
        var evaluationsPerRun: Int?
        @Option(name: "runs", help: "Runs from the best start, the first included (default as fitted)")
        var runs: Int?
        @Option(name: "random-starts", help: "Seeded random starts besides the equal and regression ones (default as fitted)")
        var randomStarts: Int?
    }

    var help: String { "Times a synthetic-control fit and its placebo set in the process; prints JSON." }

    struct Timing: Encodable {
        let fitSeconds: Double
        let placeboSeconds: Double?
        let mspePre: Double
        let placeboRank: Int?

        enum CodingKeys: String, CodingKey {
            case fitSeconds = "fit_seconds", placeboSeconds = "placebo_seconds", mspePre = "mspe_pre", placeboRank = "placebo_rank"
        }
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let path = signature.spec else { throw CommandFailure(description: "give --spec FILE.json") }
        let repeats = signature.repeats ?? 5
        guard (1...100).contains(repeats) else { throw CommandFailure(description: "repeat: give 1 to 100") }
        do {
            let (spec, study0) = try SynthSpec.load(specAt: URL(fileURLWithPath: path))
            var study = study0
            if let evaluations = signature.evaluationsPerRun { study.search.evaluationsPerRun = max(evaluations, 10) }
            if let runs = signature.runs { study.search.restarts = max(runs, 1) }
            if let starts = signature.randomStarts { study.search.randomStarts = max(starts, 0) }
            var fitted: Result<SyntheticControl.Fit, ImpactError>?
            let fitSeconds = Stopwatch.bestSeconds(of: repeats) {
                fitted = Result { () throws(ImpactError) in try study.fit() }
            }
            let fit = try fitted!.get()
            var tested: Result<SyntheticControl.PlaceboTest, ImpactError>?
            let placeboSeconds =
                spec.placebo == true
                ? Stopwatch.bestSeconds(of: 1) { tested = Result { () throws(ImpactError) in try study.placeboTest(treatedFit: fit) } }
                : nil
            let placebo = try tested?.get()
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            let timing = Timing(fitSeconds: fitSeconds, placeboSeconds: placeboSeconds, mspePre: fit.mspePre, placeboRank: placebo?.rank)
            context.console.print(String(decoding: try encoder.encode(timing), as: UTF8.self))
        } catch let error as ImpactError {
            throw CommandFailure(description: error.description)
        }
    }
}
