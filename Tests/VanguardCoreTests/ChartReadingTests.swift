import Foundation
import Testing

@testable import VanguardCore

/// The framework chooses each metric's chart; the evaluation reads that chart, so dashboards,
/// icons and funding conditions agree with what is drawn.
@Suite struct ChartReadingTests {
    static func values(_ counts: [(Double, Double)], area: String = "E38000208", metric: String) -> [ReturnValue] {
        counts.enumerated().map { index, pair in
            ReturnValue(
                areaCode: area, metricCode: metric, period: Month(year: 2014, month: 4).adding(months: index), numerator: pair.0,
                denominator: pair.1)
        }
    }

    @Test func theFrameworkChoosesPPrimeForPercentagesOfPatients() throws {
        let metrics = try ProjectFiles.dataset.get().metrics
        #expect(metrics.first { $0.code == "ae_four_hour" }?.chart == .pp)
        #expect(metrics.first { $0.code == "referral_to_treatment_18_weeks" }?.chart == .pp)
        #expect(metrics.first { $0.code == "emergency_admissions" }?.chart == .xmr)
    }

    @Test func aLaneyChartIsReadFromTheSameCountsAsTheRates() throws {
        let metric = try #require(try ProjectFiles.dataset.get().metrics.first { $0.code == "ae_four_hour" })
        // Two years of four-hour performance, about 93% of 10,000 attendances, dropping to 85% in the last three months.
        let counts = (0..<24).map { index -> (Double, Double) in (index < 21 ? 9300 + Double(index % 5) * 20 : 8500, 10_000) }
        let evaluation = MetricEvaluation(metric: metric, values: Self.values(counts, metric: metric.code))
        let reading = try #require(evaluation.reading)
        #expect(reading.kind == .pp)
        // The same chart computed directly (itself checked against qicharts2's cases), in per cent.
        let direct = try AttributeChart(.init(kind: .pp, numerators: counts.map { $0.0 }, denominators: counts.map { $0.1 }, multiply: 100))
        #expect(reading.centre == direct.points.map(\.centre) && reading.upper == direct.points.map(\.ucl))
        #expect(abs((reading.centre[0] ?? 0) - 100 * counts.map(\.0).reduce(0, +) / counts.map(\.1).reduce(0, +)) < 1e-9)
        // Falling four-hour performance is a concern (higher is better), and fails the 95% target.
        #expect(reading.pointTypes.last == "special_cause_concern" && reading.labels.last == "Below LCL")
        #expect(reading.variationIcon == "concern_low")
        #expect(reading.assuranceIcon == "fail")
        // The XmR chart of the same rates is still there for whoever asks for it.
        #expect(evaluation.chart != nil && evaluation.chart?.points.mean.first != reading.centre.first)
    }

    @Test func anXmRMetricReadsAsItAlwaysHas() throws {
        let metric = try #require(try ProjectFiles.dataset.get().metrics.first { $0.code == "emergency_admissions" })
        let counts = (0..<24).map { index -> (Double, Double) in (index < 12 ? 1000 : 950, 320_000) }
        let evaluation = MetricEvaluation(metric: metric, values: Self.values(counts, metric: metric.code))
        let chart = try #require(evaluation.chart)
        #expect(evaluation.reading == ChartReading(chart))
        #expect(evaluation.reading?.variationIcon == chart.variationIcon && evaluation.reading?.labels == chart.points.specialCauseType)
    }

    /// Evaluations stored before charts were chosen decode, and read as XmR.
    @Test func storedEvaluationsWithoutAChoiceReadAsXmR() throws {
        let metric = try #require(try ProjectFiles.dataset.get().metrics.first { $0.code == "ae_four_hour" })
        let evaluation = MetricEvaluation(metric: metric, values: Self.values((0..<14).map { _ in (930, 1000) }, metric: metric.code))
        var json = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(evaluation)) as? [String: Any])
        json.removeValue(forKey: "chosenReading")
        let old = try JSONDecoder().decode(MetricEvaluation.self, from: JSONSerialization.data(withJSONObject: json))
        #expect(old.reading?.kind == .xmr)
    }
}
