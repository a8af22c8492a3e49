import Foundation

/// One metric for one place (a vanguard's footprint, or the rest of England), evaluated: its monthly
/// rates, the SPC chart of those rates, and the change against the 2014/15 baseline.
public struct MetricEvaluation: Codable, Sendable, Equatable {
    public let metricCode: String
    public let months: [Month]
    public let numerators: [Double]
    public let denominators: [Double]
    public let rates: [Double]
    public let chart: XmRChart?
    /// The attribute or run chart's reading, when the framework draws the metric on one instead of
    /// XmR (optional in storage so evaluations stored before the choice existed still read).
    private let chosenReading: ChartReading?
    /// The chart the framework chose for the metric, read: what every page, report and condition uses.
    public var reading: ChartReading? { chosenReading ?? chart.map(ChartReading.init) }
    /// The rate over April 2014 – March 2015, the programme's baseline year.
    public let baselineRate: Double?
    /// The rate over the latest twelve months.
    public let latestYearRate: Double?
    /// Relative change (0.03 is +3%) for counts; the change in points for percentages.
    public let changeAgainstBaseline: Double?
    public let changeIsInPoints: Bool

    public static let baselineYear = 2014

    /// Sums numerators and denominators month by month first, so rates of places are weighted by size.
    /// Months from which the limits are recalculated, chosen by the programme team (optional in
    /// storage so evaluations stored before rebasing existed still read).
    private let rebasedAt: [Month]?
    public var rebaseMonths: [Month] { rebasedAt ?? [] }

    /// Months some areas of the place reported and others did not, left out of every figure: a pool
    /// of areas is only compared month by month when every area is in it (optional in storage so
    /// evaluations stored before this rule still read).
    private let incompleteMonths: [Month]?
    public var monthsLeftOut: [Month] { incompleteMonths ?? [] }

    public init(metric: Metric, values: [ReturnValue], rebaseMonths: [Month] = []) {
        let ofMetric = values.filter { $0.metricCode == metric.code }
        // A month counts only when every area that reports this metric has reported it: otherwise one
        // site reporting early would move the pooled figure by changing which areas it pools.
        let monthsByArea = Dictionary(grouping: ofMetric, by: \.areaCode).mapValues { Set($0.map(\.period)) }
        let complete = monthsByArea.values.reduce(monthsByArea.values.first ?? []) { $0.intersection($1) }
        let reported = monthsByArea.values.reduce(Set<Month>()) { $0.union($1) }
        incompleteMonths = reported.subtracting(complete).sorted()
        var numerator: [Month: Double] = [:]
        var denominator: [Month: Double] = [:]
        for value in ofMetric where complete.contains(value.period) {
            numerator[value.period, default: 0] += value.numerator
            denominator[value.period, default: 0] += value.denominator
        }
        let months = numerator.keys.sorted()
        metricCode = metric.code
        self.months = months
        numerators = months.map { numerator[$0] ?? 0 }
        denominators = months.map { denominator[$0] ?? 0 }
        rates = months.map { metric.rate(numerator: numerator[$0] ?? 0, denominator: denominator[$0] ?? 1) }
        let rebased = rebaseMonths.filter { months.contains($0) }.sorted()
        rebasedAt = rebased
        let rebaseIndices = rebased.compactMap { months.firstIndex(of: $0) }
        chart =
            months.isEmpty
            ? nil
            : try? XmRChart(
                XmRInput(
                    values: rates, improvementDirection: metric.direction, target: metric.target,
                    rebasePoints: rebaseIndices.isEmpty ? nil : rebaseIndices
                ))
        // Counts over their denominators, scaled as the rates are, so the chart's values are the rates.
        let counts: [Double?] = months.map { numerator[$0] ?? 0 }, sizes: [Double?] = months.map { denominator[$0] ?? 0 }
        let attribute: AttributeChart? =
            months.isEmpty
            ? nil
            : metric.chart.attributeKind.flatMap { kind in
                try? AttributeChart(
                    .init(kind: kind, numerators: counts, denominators: sizes, partStarts: rebaseIndices, multiply: metric.multiplier))
            }
        chosenReading = attribute.map { ChartReading($0, kind: metric.chart, direction: metric.direction, target: metric.target) }
        func pooled(_ selected: [Month]) -> Double? {
            let den = selected.reduce(0) { $0 + (denominator[$1] ?? 0) }
            guard !selected.isEmpty, den > 0 else { return nil }
            return metric.rate(numerator: selected.reduce(0) { $0 + (numerator[$1] ?? 0) }, denominator: den)
        }
        baselineRate = pooled(months.filter { $0.financialYear == Self.baselineYear })
        latestYearRate = months.count >= 12 ? pooled(Array(months.suffix(12))) : nil
        changeIsInPoints = metric.unit == "per cent"
        if let baselineRate, let latestYearRate, baselineRate > 0 {
            changeAgainstBaseline = changeIsInPoints ? latestYearRate - baselineRate : latestYearRate / baselineRate - 1
        } else {
            changeAgainstBaseline = nil
        }
    }
}
