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

    /// Synthetic difference-in-differences on the same studies: small bias, placebo-SE intervals
    /// and monthly conformal intervals that hold the truth about as often as they say. The month's
    /// truth is known exactly: the generator multiplies each footprint area's rate by 1 + effect ×
    /// ramp, so the pooled footprint's counterfactual is its observed rate divided by that.
    @Test(.tags(.recoveryStudy)) func syntheticDifferenceInDifferencesRecoversTheEffectsWithHonestIntervals() throws {
        let studies = try Self.studies()
        let registry = try ProjectFiles.registry()
        let effects = Dictionary(
            grouping: DemoReturns(seed: 2015, registry: registry, metrics: try ProjectFiles.dataset.get().metrics).effects,
            by: { "\($0.vanguardNumber)/\($0.metricCode)" })
        var fits: [(truth: Double, result: VanguardImpact.SyntheticDifferenceInDifferencesResult)] = []
        var months = 0, covered = 0
        for study in studies {
            guard let result = study.impact.syntheticDifferenceInDifferences else { continue }
            fits.append((study.truth, result))
            let effect = try #require(effects["\(study.impact.vanguardNumber)/\(study.impact.metricCode)"]?.first)
            let startIndex = try #require(study.impact.months.firstIndex { $0 >= study.impact.start })
            for (offset, (lower, upper)) in zip(result.conformalLower, result.conformalUpper).enumerated() {
                let month = study.impact.months[startIndex + offset]
                let share = min(1, Double(DemoReturns.monthsBetween(effect.start, month) + 1) / Double(effect.rampMonths))
                let observed = result.observed[startIndex + offset]
                let truth = observed - observed / (1 + effect.relativeEffect * share)
                months += 1
                if lower <= truth && truth <= upper { covered += 1 }
            }
        }
        #expect(fits.count >= 20)
        let scale = fits.map { abs($0.truth) }.reduce(0, +) / Double(fits.count)
        let bias = fits.map { $0.result.relativeEffect - $0.truth }.reduce(0, +) / Double(fits.count)
        let coverage = Double(fits.filter { $0.result.lower <= $0.truth && $0.truth <= $0.result.upper }.count) / Double(fits.count)
        let monthly = Double(covered) / Double(max(months, 1))
        print(
            "impact recovery: synthetic difference-in-differences over \(fits.count) studies, mean |effect| \(scale): bias \(bias), placebo-SE interval coverage \(coverage); conformal monthly coverage \(monthly) over \(months) months"
        )
        #expect(abs(bias) < 0.2 * scale, "bias \(bias) against effects of \(scale)")
        #expect((0.85...1).contains(coverage), "95% intervals cover the truth in \(coverage) of studies")
        #expect(months > 1000)
        #expect((0.9...1).contains(monthly), "95% conformal intervals cover the month's truth in \(monthly) of months")
    }

    /// The conformal test's size on the platform's own areas with no vanguard: each made the
    /// treated unit of a study from March 2015 with the other such areas as donors, on every
    /// metric. There is no effect, so a test at 5% should reject about one study in twenty.
    @Test(.tags(.recoveryStudy)) func theConformalTestRejectsAboutOneStudyInTwentyWhereThereIsNoEffect() throws {
        let registry = try ProjectFiles.registry()
        let metrics = try ProjectFiles.dataset.get().metrics
        let demo = DemoReturns(seed: 2015, registry: registry, metrics: metrics)
        let covered = Set(registry.footprints.map(\.areaCode))
        let areas = registry.areas.map(\.code).filter { !covered.contains($0) }
        let start = Month(year: 2015, month: 3)
        var tests = 0
        var rejected: [ConformalInference.Estimator: Int] = [:]
        var monthTests = 0, monthRejected = 0
        for metric in metrics {
            var rates: [String: [Month: Double]] = [:]
            for value in demo.values where value.metricCode == metric.code && value.denominator > 0 {
                rates[value.areaCode, default: [:]][value.period] = metric.rate(numerator: value.numerator, denominator: value.denominator)
            }
            guard let months = rates[areas[0]]?.keys.sorted(), !months.isEmpty else { continue }
            let pre = months.filter { $0 < start }.count
            let series = Dictionary(uniqueKeysWithValues: areas.map { area in (area, months.map { rates[area]![$0]! }) })
            for area in areas {
                let donors = areas.filter { $0 != area }.map { series[$0]! }
                tests += 1
                for estimator in [ConformalInference.Estimator.syntheticControl, .syntheticDifferenceInDifferences] {
                    let inference = try ConformalInference(
                        treated: series[area]!, donors: donors, prePeriodCount: pre, estimator: estimator)
                    if inference.pValue(effects: [0]) <= 0.05 { rejected[estimator, default: 0] += 1 }
                    // Every sixth month after the start, its own test of no effect.
                    if estimator == .syntheticDifferenceInDifferences {
                        for index in stride(from: 0, to: inference.postPeriodCount, by: 6) {
                            monthTests += 1
                            if inference.periodTest(index).pValue(effect: 0) <= 0.05 { monthRejected += 1 }
                        }
                    }
                }
            }
        }
        #expect(tests >= 300)
        // Binomial sampling error at 5% over this many studies is about one point; the studies
        // share donors, so allow three.
        for (estimator, count) in rejected.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            let rate = Double(count) / Double(tests)
            print("conformal size: \(estimator.rawValue) rejects \(count) of \(tests) placebo studies at 5% (\(rate))")
            #expect((0.02...0.08).contains(rate), "\(estimator.rawValue) rejects \(rate) of studies with no effect")
        }
        let monthRate = Double(monthRejected) / Double(monthTests)
        print("conformal size, single months: \(monthRejected) of \(monthTests) rejected at 5% (\(monthRate))")
        #expect((0.02...0.08).contains(monthRate), "single-month tests reject \(monthRate) with no effect")
    }

    @Test func tooLittleDataIsSaidNotEstimated() throws {
        let registry = try ProjectFiles.registry()
        let vanguard = registry.vanguards[0]
        let metric = try #require(try ProjectFiles.dataset.get().metrics.first)
        let impact = VanguardImpact(
            vanguard: vanguard, metric: metric, footprint: ["E38000208"], donors: ["A", "B"], rates: [:], populations: [:])
        #expect(impact.synthetic == nil && impact.differenceInDifferences == nil && impact.syntheticDifferenceInDifferences == nil)
        #expect(impact.caveats.last?.hasPrefix("Not enough data to estimate") == true)
        // Every method says why it has no number, and no method is preferred.
        #expect(impact.notEstimable?.count == 3)
        #expect(impact.notEstimable?["synthetic_difference_in_differences"] == "the footprint has no returns for this metric")
        #expect(impact.preferred?.method == nil)
        #expect(impact.preferred?.reason == "No method can estimate an effect: the footprint has no returns for this metric.")
    }
}
