import Foundation
import Testing

@testable import VanguardCore

@Suite struct ProgressHeadlineTests {
    /// Two years of one area: `baseline` a month in 2014/15, `latest` a month in 2015/16.
    static func evaluation(_ metric: Metric, baseline: Double, latest: Double) -> MetricEvaluation {
        let values = (0..<24).map { offset in
            ReturnValue(
                areaCode: "A", metricCode: metric.code, period: Month(year: 2014, month: 4).adding(months: offset),
                numerator: offset < 12 ? baseline : latest, denominator: 10_000)
        }
        return MetricEvaluation(metric: metric, values: values)
    }

    static func metric(_ direction: ImprovementDirection) -> Metric {
        Metric(
            code: "m", name: "Admissions", definition: "d", numerator: "n", denominator: "p", unit: "per 1,000", multiplier: 1000,
            direction: direction, careModels: [.pacs], source: "s", target: nil)
    }

    @Test func aFallIsBetterOnlyWhenLowerIsBetter() {
        let own = Self.evaluation(Self.metric(.decrease), baseline: 100, latest: 97)
        let rest = Self.evaluation(Self.metric(.decrease), baseline: 100, latest: 103)
        let down = ProgressHeadline(metric: Self.metric(.decrease), evaluation: own, restOfEngland: rest)
        #expect(down.comparison == .better)
        #expect(abs((down.gap ?? 0) + 0.06) < 1e-12)
        #expect(down.sentence == "Admissions: −3.0% since 2014/15, against +3.0% in the rest of England (better than the rest of England).")
        #expect(ProgressHeadline(metric: Self.metric(.increase), evaluation: own, restOfEngland: rest).comparison == .worse)
        #expect(ProgressHeadline(metric: Self.metric(.neutral), evaluation: own, restOfEngland: rest).comparison == .notComparable)
    }

    @Test func smallGapsAreInLineAndMissingBaselinesAreNotCompared() {
        let own = Self.evaluation(Self.metric(.decrease), baseline: 1000, latest: 1030)
        let rest = Self.evaluation(Self.metric(.decrease), baseline: 1000, latest: 1034)
        #expect(ProgressHeadline(metric: Self.metric(.decrease), evaluation: own, restOfEngland: rest).comparison == .similar)
        let alone = ProgressHeadline(metric: Self.metric(.decrease), evaluation: own, restOfEngland: nil)
        #expect(alone.comparison == .notComparable)
        #expect(alone.sentence == "Admissions: +3.0% since 2014/15, against no comparison with the rest of England (not comparable).")
    }

    @Test func changesReadAsPeopleWriteThem() {
        #expect(ProgressHeadline.change(0.025, inPoints: false) == "+2.5%")
        #expect(ProgressHeadline.change(-1.24, inPoints: true) == "−1.2 points")
        #expect(ProgressHeadline.change(-0.00001, inPoints: false) == "0.0%")
        #expect(ProgressHeadline.change(nil, inPoints: false) == nil)
        #expect(ProgressHeadline.change(.nan, inPoints: false) == nil)
    }
}
