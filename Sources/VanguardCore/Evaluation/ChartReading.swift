/// What a reader takes from a metric's chart, whichever chart the framework chose: the centre and
/// limits to draw, each point's kind of variation in Making Data Count's words, and the variation
/// and assurance icons. Dashboards, reports, the API and funding conditions read this, so they
/// always agree with the chart that is drawn.
public struct ChartReading: Sendable, Equatable, Codable {
    public let kind: SPCChartKind
    public let centre: [Double?]
    public let lower: [Double?]
    public let upper: [Double?]
    /// "common_cause", "special_cause_improvement", "special_cause_concern", "special_cause_neutral_high" or "…_low".
    public let pointTypes: [String]
    /// Why each point is what it is, in the chart's own words ("Above UCL", "7 Point Trend (Increasing)", "Common Cause").
    public let labels: [String]
    public let variationIcon: String
    public let assuranceIcon: String?
    /// Parts whose runs signal a shift or trend (Anhøj rules), for attribute and run charts.
    public let runsSignal: Bool

    public init(_ chart: XmRChart) {
        kind = .xmr
        centre = chart.points.mean
        lower = chart.points.lpl
        upper = chart.points.upl
        pointTypes = chart.points.pointType
        labels = chart.points.specialCauseType
        variationIcon = chart.variationIcon
        assuranceIcon = chart.assuranceIcon
        runsSignal = false
    }

    /// An attribute or run chart read the way Making Data Count reads XmR: a point beyond the limits
    /// is special cause on its side; a runs signal in the latest part makes the latest point special
    /// cause on the side it lies.
    public init(_ chart: AttributeChart, kind: SPCChartKind, direction: ImprovementDirection, target: Double?) {
        self.kind = kind
        centre = chart.points.map(\.centre)
        lower = chart.points.map(\.lcl)
        upper = chart.points.map(\.ucl)
        func type(side: Int?) -> String {
            guard let side, side != 0 else { return "common_cause" }
            switch direction {
            case .increase: return side > 0 ? "special_cause_improvement" : "special_cause_concern"
            case .decrease: return side < 0 ? "special_cause_improvement" : "special_cause_concern"
            case .neutral: return side > 0 ? "special_cause_neutral_high" : "special_cause_neutral_low"
            }
        }
        func side(_ point: AttributeChart.Point) -> Int? {
            guard let value = point.value, let centre = point.centre else { return nil }
            return value > centre ? 1 : value < centre ? -1 : 0
        }
        pointTypes = chart.points.map { $0.sigmaSignal ? type(side: side($0)) : "common_cause" }
        labels = chart.points.map { point in
            if point.sigmaSignal { return side(point) == 1 ? "Above UCL" : "Below LCL" }
            return point.runsSignal ? "Runs signal in this part (Anhøj rules)" : "Common Cause"
        }
        runsSignal = chart.runsSignal
        let last = chart.points.last { $0.value != nil }
        let lastPart = last.flatMap { point in chart.parts.first { $0.number == point.part } }
        let lastType: String
        if let last, last.sigmaSignal {
            lastType = type(side: side(last))
        } else if let last, lastPart?.runsSignal == true {
            lastType = type(side: side(last))
        } else {
            lastType = "common_cause"
        }
        variationIcon = XmRChart.variationIcon(lastPointType: lastType, direction: direction)
        assuranceIcon =
            kind == .run
            ? nil
            : XmRChart.assurance(target: target, lpl: last?.lcl, upl: last?.ucl, direction: direction).map { type in
                switch type {
                case "consistent_pass": "pass"
                case "consistent_fail": "fail"
                default: "inconsistent"
                }
            }
    }
}
