import Foundation
import VanguardCore
import VanguardStore
import Vapor

/// `vanguard impact synth --spec FILE.json`: a synthetic-control study for analysts, outside the
/// platform (see the README for the spec; the California reference is the example).
struct ImpactCommand: AsyncCommandGroup {
    var help: String { "Counterfactual impact estimates." }
    /// A study's report as the analyst reads it: indented JSON, keys sorted, a non-finite number
    /// spelled out rather than refused.
    static func printReport(_ report: some Encodable) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        FileHandle.standardOutput.write(try encoder.encode(report) + Data("\n".utf8))
    }

    var commands: [String: any AnyAsyncCommand] { ["synth": SynthCommand(), "sdid": SDIDCommand(), "refit": RefitImpactCommand()] }
}

/// `vanguard impact refit`: fits every vanguard's impact estimates from the stored returns.
struct RefitImpactCommand: AsyncCommand {
    struct Signature: CommandSignature {}

    var help: String {
        "Fits the synthetic control and matched comparison of every vanguard and metric from the stored returns and stores them."
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let count = try await ImpactStore(on: app).recompute()
        context.console.print("[impact] \(count) estimates fitted and stored.")
    }
}

struct SynthCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(
            name: "spec",
            help:
                "The study as JSON: panel (CSV path relative to the spec), unit, time, outcome, treated, treatment_time, fit, predictors, placebo"
        )
        var spec: String?
    }

    var help: String {
        "Fits a synthetic control (predictor weights chosen to minimise the pre-period MSPE, several starts) and, with \"placebo\": true, the placebo-in-space test; prints JSON: weights, v, mspe_pre, rmspe_pre, att, gaps, placebo."
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let path = signature.spec else { throw CommandFailure(description: "give --spec FILE.json") }
        let report: SynthReport
        do {
            let (spec, study) = try SynthSpec.load(specAt: URL(fileURLWithPath: path))
            let fit = try study.fit()
            if let multiple = spec.placeboExcludeAbove, !(multiple > 0) {
                throw ImpactError.invalid(
                    "placebo_exclude_pre_rmspe_above", "give a positive multiple of the treated unit's pre-period RMSPE")
            }
            let placebo =
                spec.placebo == true ? try study.placeboTest(treatedFit: fit, excludingPreFitWorseThan: spec.placeboExcludeAbove) : nil
            report = SynthReport(fit: fit, placebo: placebo)
        } catch let error as ImpactError {
            throw CommandFailure(description: error.description)
        }
        try ImpactCommand.printReport(report)
    }
}

/// `vanguard impact sdid --spec FILE.json`: synthetic difference-in-differences with synthdid's
/// SC and DiD beside it, and placebo standard errors.
struct SDIDCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(
            name: "spec",
            help:
                "The study as JSON: panel (CSV path relative to the spec), unit, time, outcome, treated (a unit or a list), treatment_time, exclude, placebo_replications (200), seed (1), conformal_level (none)"
        )
        var spec: String?
    }

    var help: String {
        "Estimates the effect by synthetic difference-in-differences (Arkhangelsky et al. 2021, as synthdid computes it), with its SC and DiD, each with a placebo standard error, and with conformal_level conformal inference on the SC and SDID counterfactuals; prints JSON: sdid, sc, did ({att, se}), unit_weights, time_weights, conformal."
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let path = signature.spec else { throw CommandFailure(description: "give --spec FILE.json") }
        let spec: SDIDSpec, study: SDIDStudy
        do { (spec, study) = try SDIDSpec.load(specAt: URL(fileURLWithPath: path)) } catch {
            throw CommandFailure(description: error.description)
        }
        try ImpactCommand.printReport(
            study.report(placeboReplications: spec.placeboReplications, seed: spec.seed, conformalLevel: spec.conformalLevel))
    }
}
