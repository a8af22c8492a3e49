import Foundation
import Testing

@testable import VanguardCore

/// The programme's question by care model, each wave a cohort.
@Suite struct WaveImpactTests {
    /// Rates with no noise: every area the same trend, the care model's areas 10% higher from
    /// their vanguard's announcement. The effect is exactly log(1.1) from the start and nothing
    /// before it, and every bootstrap draw says the same.
    @Test func anExactEffectIsFoundExactly() throws {
        let registry = try ProjectFiles.registry()
        let metric = try #require(try ProjectFiles.dataset.get().metrics.first { $0.code == "emergency_admissions" })
        var rates: [String: [Month: Double]] = [:]
        let months = (0..<48).map { Month(year: 2013, month: 4).adding(months: $0) }
        for area in registry.areas {
            let first = registry.vanguards(covering: area.code).min { $0.announced < $1.announced }
            let start = first.map { Month(year: $0.announced.year, month: $0.announced.month) }
            for (index, month) in months.enumerated() {
                let level = 100 * pow(1.01, Double(index)) * (1 + Double(area.code.utf8.reduce(0) { $0 + Int($1) } % 8) / 10)
                let treated = first?.careModel == .pacs && month >= start!
                rates[area.code, default: [:]][month] = level * (treated ? 1.1 : 1)
            }
        }
        let impact = try WaveImpact(careModel: .pacs, metric: metric, registry: registry, rates: rates)
        #expect(impact.cohorts.map(\.start) == [Month(year: 2015, month: 3)])
        // 23 months before March 2015 and 25 from it: quarters −8 to 8.
        #expect(impact.eventQuarters.first == -8 && impact.eventQuarters.last == 8)
        for (quarter, effect) in zip(impact.eventQuarters, impact.effects) {
            #expect(abs(effect - (quarter >= 0 ? 0.1 : 0)) < 1e-9, "quarter \(quarter): \(effect)")
        }
        #expect(abs(impact.overallEffect - 0.1) < 1e-9)
        #expect(abs(impact.overallLower - 0.1) < 1e-9 && abs(impact.overallUpper - 0.1) < 1e-9)
        #expect(impact.bootstrapReplications == WaveImpact.replications)
        // The same draws every time.
        #expect(try WaveImpact(careModel: .pacs, metric: metric, registry: registry, rates: rates) == impact)
    }

    @Test func aCareModelWithoutReturnsIsNotEstimableWithTheReason() throws {
        let registry = try ProjectFiles.registry()
        let metric = try #require(try ProjectFiles.dataset.get().metrics.first { $0.code == "emergency_admissions" })
        let result = WaveImpactResult(careModel: .mcp, metric: metric, registry: registry, rates: [:])
        #expect(result.estimate == nil)
        #expect(result.notEstimable == "no area of a MCP vanguard reports this metric")
    }

    /// On the generated data each care model's areas carry its known effect, ramping up over a
    /// year: the quarters' intervals should hold the truth about 95% of the time, and the
    /// quarters before the start should show nothing.
    @Test(.tags(.recoveryStudy)) func theGeneratedEffectsAreRecoveredByWave() throws {
        let registry = try ProjectFiles.registry()
        let metrics = try ProjectFiles.dataset.get().metrics
        let demo = DemoReturns(seed: 2015, registry: registry, metrics: metrics)
        var quarters = 0, covered = 0, studies = 0
        var errors: [Double] = []
        for metric in metrics {
            var rates: [String: [Month: Double]] = [:]
            for value in demo.values where value.metricCode == metric.code && value.denominator > 0 {
                rates[value.areaCode, default: [:]][value.period] = metric.rate(numerator: value.numerator, denominator: value.denominator)
            }
            for careModel in metric.careModels {
                guard let impact = WaveImpactResult(careModel: careModel, metric: metric, registry: registry, rates: rates).estimate
                else { continue }
                studies += 1
                let size = DemoReturns.effects[careModel]?[metric.code] ?? 0
                for (slot, quarter) in impact.eventQuarters.enumerated() {
                    // The month's truth on the log scale, averaged over the quarter's months.
                    let truth =
                        quarter < 0
                        ? 0
                        : exp((0..<3).map { log(1 + size * min(1, Double(3 * quarter + $0 + 1) / 12)) }.reduce(0, +) / 3) - 1
                    quarters += 1
                    if impact.lower[slot] <= truth && truth <= impact.upper[slot] { covered += 1 }
                    if quarter >= 0 { errors.append(impact.effects[slot] - truth) }
                }
            }
        }
        let coverage = Double(covered) / Double(quarters)
        let bias = errors.reduce(0, +) / Double(errors.count)
        print(
            "wave impact recovery: \(studies) care model × metric studies, \(quarters) quarters; coverage \(coverage); bias after the start \(bias)"
        )
        #expect(studies >= 10)
        #expect(abs(bias) < 0.005, "bias \(bias)")
        // Within sampling error of nominal both ways (280 quarters, ±2.6 points at two standard
        // errors): the percentile bootstrap's 90% failed this; so would intervals made too wide.
        #expect((0.92...0.98).contains(coverage), "95% intervals hold the truth in \(coverage) of quarters")
    }
}
