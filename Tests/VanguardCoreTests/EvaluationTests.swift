import Foundation
import Testing

@testable import VanguardCore

@Suite struct EvaluationTests {
    static let admissions = Metric(
        code: "emergency_admissions", name: "Emergency admissions", definition: "d", numerator: "n", denominator: "p",
        unit: "per 1,000 population",
        multiplier: 1000, direction: .decrease, careModels: [.pacs, .mcp], source: "s", target: nil
    )

    @Test func ratesPoolNumeratorsAndDenominatorsAcrossAreas() {
        let values = [
            ReturnValue(
                areaCode: "A", metricCode: "emergency_admissions", period: Month(year: 2014, month: 4), numerator: 10, denominator: 1000),
            ReturnValue(
                areaCode: "B", metricCode: "emergency_admissions", period: Month(year: 2014, month: 4), numerator: 30, denominator: 9000),
            ReturnValue(areaCode: "A", metricCode: "other", period: Month(year: 2014, month: 4), numerator: 999, denominator: 1),
        ]
        let evaluation = MetricEvaluation(metric: Self.admissions, values: values)
        #expect(evaluation.months == [Month(year: 2014, month: 4)])
        #expect(evaluation.rates == [4.0])  // 40 per 10,000 = 4 per 1,000, not the mean of 10 and 3.33
        #expect(evaluation.baselineRate == 4.0)
        #expect(evaluation.latestYearRate == nil)
    }

    @Test func changeAgainstTheBaselineYear() {
        var values: [ReturnValue] = []
        for offset in 0..<24 {
            let month = Month(year: 2014, month: 4).adding(months: offset)
            values.append(
                ReturnValue(
                    areaCode: "A", metricCode: "emergency_admissions", period: month, numerator: offset < 12 ? 100 : 103,
                    denominator: 10_000))
        }
        let evaluation = MetricEvaluation(metric: Self.admissions, values: values)
        #expect(evaluation.baselineRate == 10)
        #expect(evaluation.latestYearRate == 10.3)
        #expect(abs((evaluation.changeAgainstBaseline ?? 0) - 0.03) < 1e-12)
        #expect(evaluation.chart?.points.pointType.count == 24)
    }

    @Test func demoDataIsReproducibleAndLabelledWithItsTruth() throws {
        let registry = try ProjectFiles.registry()
        let metrics = try ProjectFiles.dataset.get().metrics
        let first = DemoReturns(seed: 7, registry: registry, metrics: metrics)
        let again = DemoReturns(seed: 7, registry: registry, metrics: metrics)
        let other = DemoReturns(seed: 8, registry: registry, metrics: metrics)
        #expect(first.values.count == 106 * 7 * 72)
        #expect(first.values == again.values && first.effects == again.effects)
        #expect(first.values != other.values)
        // Effects sit only in areas a vanguard covers, on metrics its care model is judged by.
        let covered = Set(registry.footprints.map(\.areaCode))
        #expect(first.effects.allSatisfy { covered.contains($0.areaCode) })
        for effect in first.effects {
            let vanguard = try #require(registry.vanguard(number: effect.vanguardNumber))
            #expect(metrics.first { $0.code == effect.metricCode }?.careModels.contains(vanguard.careModel) == true)
        }
        #expect(first.values.allSatisfy { $0.denominator > 0 && $0.numerator >= 0 })
    }

    /// The evaluation finds what the generator put in: PACS areas' admissions grow about 4% less than the rest of England's.
    @Test func theEvaluationRecoversTheInjectedEffect() throws {
        let registry = try ProjectFiles.registry()
        let metrics = try ProjectFiles.dataset.get().metrics
        let demo = DemoReturns(seed: 2015, registry: registry, metrics: metrics)
        let metric = try #require(metrics.first { $0.code == "emergency_admissions" })
        let effects = demo.effects.filter { $0.metricCode == metric.code && $0.relativeEffect == -0.04 }
        let treated = Set(effects.map(\.areaCode))
        let untreated = Set(registry.areas.map(\.code)).subtracting(registry.footprints.map(\.areaCode))
        #expect(treated.count >= 5)
        let vanguard = MetricEvaluation(metric: metric, values: demo.values.filter { treated.contains($0.areaCode) })
        let rest = MetricEvaluation(metric: metric, values: demo.values.filter { untreated.contains($0.areaCode) })
        let relative = (1 + (vanguard.changeAgainstBaseline ?? 0)) / (1 + (rest.changeAgainstBaseline ?? 0)) - 1
        #expect(abs(relative - -0.04) < 0.015, "estimated \(relative)")
    }

    @Test(arguments: [
        ("plain", "plain"), ("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\""), ("+1+2", "'+1+2"), ("-3", "-3"), ("@SUM(A1)", "'@SUM(A1)"),
        ("a,b", "\"a,b\""), ("line\nbreak", "\"line\nbreak\""),
    ])
    func csvFieldsAreSafeInSpreadsheets(text: String, written: String) {
        #expect(CSVWriter.field(text) == written)
    }
}
