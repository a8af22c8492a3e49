import Foundation
import Testing

@testable import VanguardCore

/// On the generated demo data the injected effects are known, so the estimators can be checked:
/// over the vanguards, small bias relative to the effect and intervals that cover the truth.
@Suite struct VanguardImpactTests {
    struct Study {
        let impact: VanguardImpact
        let truth: Double
    }

    /// Every vanguard × metric whose whole footprint carries that vanguard's own injected effect.
    static func studies() throws -> [Study] {
        let registry = try ProjectFiles.registry()
        let metrics = try ProjectFiles.dataset.get().metrics
        let demo = DemoReturns(seed: 2015, registry: registry, metrics: metrics)
        let covered = Set(registry.footprints.map(\.areaCode))
        let donors = registry.areas.map(\.code).filter { !covered.contains($0) }
        var studies: [Study] = []
        for metric in metrics {
            var rates: [String: [Month: Double]] = [:], populations: [String: Double] = [:]
            for value in demo.values where value.metricCode == metric.code {
                rates[value.areaCode, default: [:]][value.period] = metric.rate(numerator: value.numerator, denominator: value.denominator)
                populations[value.areaCode] = value.denominator
            }
            let effects = Dictionary(grouping: demo.effects.filter { $0.metricCode == metric.code }, by: \.areaCode)
            for vanguard in registry.vanguards where metric.careModels.contains(vanguard.careModel) {
                let footprint = registry.footprint(of: vanguard.number).map(\.areaCode)
                let own = footprint.compactMap { effects[$0]?.first }.filter { $0.vanguardNumber == vanguard.number }
                guard !footprint.isEmpty, own.count == footprint.count, let effect = own.first else { continue }
                let impact = VanguardImpact(
                    vanguard: vanguard, metric: metric, footprint: footprint, donors: donors, rates: rates, populations: populations)
                // The ramp reaches the full effect after twelve months; the truth is its average after the start.
                let post = impact.months.filter { $0 >= effect.start }
                let shares = post.map { min(1, Double(DemoReturns.monthsBetween(effect.start, $0) + 1) / Double(effect.rampMonths)) }
                studies.append(Study(impact: impact, truth: effect.relativeEffect * shares.reduce(0, +) / Double(shares.count)))
            }
        }
        return studies
    }

    /// About two and a half minutes in a debug build: `make test-core` skips it, `make test` runs it.
    @Test(.tags(.recoveryStudy)) func theInjectedEffectsAreRecoveredWithHonestIntervals() throws {
        let studies = try Self.studies()
        #expect(studies.count >= 20)
        let did = studies.compactMap { study in study.impact.differenceInDifferences.map { (study.truth, $0) } }
        let synth = studies.compactMap { study in study.impact.synthetic.map { (study.truth, $0) } }
        #expect(did.count >= 20 && synth.count >= 20)
        let scale = studies.map { abs($0.truth) }.reduce(0, +) / Double(studies.count)
        let didBias = did.map { $0.1.relativeEffect - $0.0 }.reduce(0, +) / Double(did.count)
        let synthBias = synth.map { $0.1.relativeEffect - $0.0 }.reduce(0, +) / Double(synth.count)
        let didCoverage = Double(did.filter { $0.1.lower <= $0.0 && $0.0 <= $0.1.upper }.count) / Double(did.count)
        let synthCoverage = Double(synth.filter { $0.1.lower <= $0.0 && $0.0 <= $0.1.upper }.count) / Double(synth.count)
        print(
            "impact recovery: \(studies.count) studies, mean |effect| \(scale); DiD bias \(didBias), coverage \(didCoverage); synthetic control bias \(synthBias), coverage \(synthCoverage)"
        )
        #expect(abs(didBias) < 0.2 * scale, "DiD bias \(didBias) against effects of \(scale)")
        #expect(abs(synthBias) < 0.2 * scale, "synthetic control bias \(synthBias) against effects of \(scale)")
        #expect((0.85...1).contains(didCoverage), "DiD 95% intervals cover the truth in \(didCoverage) of studies")
        #expect((0.85...1).contains(synthCoverage), "synthetic-control 95% intervals cover the truth in \(synthCoverage) of studies")
        // The generator gives every area the same trend, so parallel trends hold by construction: a
        // pre-trend test of the right size rejects about one study in twenty, not most of them.
        let rejected = Double(did.filter { !$0.1.verdict.isReliable }.count) / Double(did.count)
        print("pre-trend test rejects \(rejected) of \(did.count) matched comparisons")
        #expect(rejected <= 0.15, "the pre-trend test rejects parallel trends in \(rejected) of studies built with them")
        // The p-value and the interval are read from the same placebos, so they tell one story.
        let disagreeing = synth.filter { ($0.1.pValue < 0.05) != ($0.1.lower > 0 || $0.1.upper < 0) }
        #expect(
            Double(disagreeing.count) <= 0.1 * Double(synth.count),
            "p-value and interval disagree in \(disagreeing.count) of \(synth.count) studies")
        #expect(synth.allSatisfy { $0.1.rank >= 1 && $0.1.rank <= $0.1.units && $0.1.ratioRank >= 1 })
    }

    @Test func tooLittleDataIsSaidNotEstimated() throws {
        let registry = try ProjectFiles.registry()
        let vanguard = registry.vanguards[0]
        let metric = try #require(try ProjectFiles.dataset.get().metrics.first)
        let impact = VanguardImpact(
            vanguard: vanguard, metric: metric, footprint: ["E38000208"], donors: ["A", "B"], rates: [:], populations: [:])
        #expect(impact.synthetic == nil && impact.differenceInDifferences == nil)
        #expect(impact.caveats.last?.hasPrefix("Not enough data to estimate") == true)
    }
}
