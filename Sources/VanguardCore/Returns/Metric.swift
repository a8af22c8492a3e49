/// A measure in the metric framework: what is counted, over what, and which way is better.
public struct Metric: Hashable, Sendable, Codable {
    public let code: String
    public let name: String
    public let definition: String
    public let numerator: String
    public let denominator: String
    /// How the rate is shown, e.g. "per 1,000 population"; the rate is numerator / denominator × `multiplier`.
    public let unit: String
    public let multiplier: Double
    public let direction: ImprovementDirection
    public let careModels: [CareModel]
    public let source: String
    public let target: Double?
    /// The SPC chart the framework draws this metric on.
    public let chart: SPCChartKind

    public init(
        code: String, name: String, definition: String, numerator: String, denominator: String, unit: String, multiplier: Double,
        direction: ImprovementDirection, careModels: [CareModel], source: String, target: Double?, chart: SPCChartKind = .xmr
    ) {
        self.chart = chart
        self.code = code
        self.name = name
        self.definition = definition
        self.numerator = numerator
        self.denominator = denominator
        self.unit = unit
        self.multiplier = multiplier
        self.direction = direction
        self.careModels = careModels
        self.source = source
        self.target = target
    }

    public func rate(numerator: Double, denominator: Double) -> Double {
        numerator / denominator * multiplier
    }
}
