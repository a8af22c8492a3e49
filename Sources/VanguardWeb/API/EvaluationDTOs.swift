import VanguardCore
import Vapor

/// A metric of the framework as the API reads and writes it.
struct MetricDTO: Content, Equatable {
    let code: String
    let name: String
    let definition: String
    let numerator: String
    let denominator: String
    let unit: String
    let multiplier: Double
    let direction: String
    let careModels: [String]
    let source: String
    @NullWhenAbsent var target: Double?
    let chart: String

    enum CodingKeys: String, CodingKey {
        case code, name, definition, numerator, denominator, unit, multiplier, direction, source, target, chart
        case careModels = "care_models"
    }

    init(_ metric: Metric) {
        code = metric.code
        name = metric.name
        definition = metric.definition
        numerator = metric.numerator
        denominator = metric.denominator
        unit = metric.unit
        multiplier = metric.multiplier
        direction = metric.direction.rawValue
        careModels = metric.careModels.map(\.rawValue)
        source = metric.source
        target = metric.target
        chart = metric.chart.rawValue
    }
}

/// The editable part of a metric: what `PUT /api/v1/metrics/{code}` takes. Numerator,
/// denominator and multiplier are fixed, since stored returns were collected against them.
struct MetricEditDTO: Content, JSONBody {
    let name: String
    let definition: String
    let unit: String
    let direction: String
    let careModels: [String]
    let target: Double?
    /// The SPC chart (xmr, run, p, u, pp, up); the metric's own when not sent.
    let chart: String?
    /// Fields a metric keeps for life; sent, they must be what the metric already has.
    let code: String?
    let multiplier: Double?
    let numerator: String?
    let denominator: String?
    let source: String?

    enum CodingKeys: String, CodingKey {
        case name, definition, unit, direction, target, code, multiplier, numerator, denominator, source, chart
        case careModels = "care_models"
    }

    static let fields = Set(
        [
            "name", "definition", "unit", "direction", "care_models", "target", "chart", "code", "multiplier", "numerator", "denominator",
            "source",
        ])
    static let shape =
        "{\"name\", \"definition\", \"unit\": text, \"direction\": increase|decrease|neutral, \"care_models\": [codes], \"target\": number or null}"

    /// The fixed fields sent with a value other than the metric's, each with the reason it cannot change.
    func changesToFixedFields(of metric: Metric) -> [String] {
        var refused: [String] = []
        let reason = "cannot be changed: every figure already published was computed with it (add a new metric instead)"
        if let code, code != metric.code { refused.append("code: \(reason)") }
        if let multiplier, multiplier != metric.multiplier { refused.append("multiplier: \(reason)") }
        if let numerator, numerator != metric.numerator { refused.append("numerator: \(reason)") }
        if let denominator, denominator != metric.denominator { refused.append("denominator: \(reason)") }
        if let source, source != metric.source { refused.append("source: \(reason)") }
        return refused
    }

    /// The same fields as the web form, so one parser checks both.
    var form: [String: String] {
        [
            "name": name, "definition": definition, "unit": unit, "direction": direction,
            "care_models": careModels.joined(separator: " "), "target": target.map { String($0) } ?? "", "chart": chart ?? "",
        ]
    }
}

/// A rebase point of a vanguard's chart.
struct RebaseDTO: Content, Equatable {
    let metric: String
    let period: String
    let reason: String
    let createdBy: String
    /// ISO 8601, whatever the encoder's date strategy.
    let createdAt: String

    enum CodingKeys: String, CodingKey {
        case metric, period, reason
        case createdBy = "created_by"
        case createdAt = "created_at"
    }

    init(_ point: RebasePoint) {
        metric = point.metricCode
        period = point.period.description
        reason = point.reason
        createdBy = point.createdBy
        createdAt = point.createdAt.formatted(.iso8601)
    }
}

/// What `POST /api/v1/vanguards/{number}/rebases` takes.
struct NewRebaseDTO: Content, JSONBody {
    let metric: String
    let period: String
    let reason: String

    static let fields: Set<String> = ["metric", "period", "reason"]
    static let shape = "{\"metric\": code, \"period\": \"YYYY-MM\", \"reason\": text}"
}

/// One metric of a vanguard's dashboard as JSON: the monthly figures, the SPC chart's centre,
/// limits and signals, the rest of England beside it, and the change against 2014/15. The same
/// figures as `/vanguards/{number}/dashboard.csv`.
struct VanguardEvaluationDTO: Content {
    struct Point: Codable, Sendable {
        let period: String
        let numerator: Double
        let denominator: Double
        let rate: Double
        @NullWhenAbsent var centre: Double?
        @NullWhenAbsent var lowerLimit: Double?
        @NullWhenAbsent var upperLimit: Double?
        let specialCause: String
        @NullWhenAbsent var restOfEnglandRate: Double?

        enum CodingKeys: String, CodingKey {
            case period, numerator, denominator, rate, centre
            case lowerLimit = "lower_limit", upperLimit = "upper_limit", specialCause = "special_cause", restOfEnglandRate =
                "rest_of_england_rate"
        }
    }

    let metricCode: String
    let metricName: String
    let unit: String
    /// The chart the framework draws the metric on: xmr, run, p, u, pp, up.
    let chartKind: String
    /// "generated" for demonstration data, "returned" for sites' returns.
    let data: String
    @NullWhenAbsent var variationIcon: String?
    @NullWhenAbsent var assuranceIcon: String?
    @NullWhenAbsent var baselineRate: Double?
    @NullWhenAbsent var latestYearRate: Double?
    @NullWhenAbsent var changeAgainstBaseline: Double?
    let changeIsInPoints: Bool
    let monthsLeftOut: [String]
    let points: [Point]

    enum CodingKeys: String, CodingKey {
        case unit, data, points
        case chartKind = "chart", metricCode = "metric_code", metricName = "metric_name", variationIcon = "variation_icon", assuranceIcon =
            "assurance_icon"
        case baselineRate = "baseline_rate", latestYearRate = "latest_year_rate", changeAgainstBaseline = "change_against_baseline"
        case changeIsInPoints = "change_is_in_points", monthsLeftOut = "months_left_out"
    }

    init(metric: Metric, evaluation: MetricEvaluation, restOfEngland: MetricEvaluation?, isGenerated: Bool) {
        metricCode = metric.code
        metricName = metric.name
        unit = metric.unit
        data = isGenerated ? "generated" : "returned"
        variationIcon = evaluation.reading?.variationIcon
        assuranceIcon = evaluation.reading?.assuranceIcon
        baselineRate = evaluation.baselineRate
        latestYearRate = evaluation.latestYearRate
        changeAgainstBaseline = evaluation.changeAgainstBaseline
        changeIsInPoints = evaluation.changeIsInPoints
        monthsLeftOut = evaluation.monthsLeftOut.map(\.description)
        let rest = restOfEngland.map { Dictionary(zip($0.months, $0.rates), uniquingKeysWith: { first, _ in first }) } ?? [:]
        let chart = evaluation.reading
        chartKind = chart?.kind.rawValue ?? SPCChartKind.xmr.rawValue
        points = evaluation.months.indices.map { index in
            func at<T>(_ values: [T?]?) -> T? { values.flatMap { index < $0.count ? $0[index] : nil } }
            return Point(
                period: evaluation.months[index].description, numerator: evaluation.numerators[index],
                denominator: evaluation.denominators[index],
                rate: evaluation.rates[index], centre: at(chart?.centre), lowerLimit: at(chart?.lower), upperLimit: at(chart?.upper),
                specialCause: chart.flatMap { index < $0.labels.count ? $0.labels[index] : nil } ?? "",
                restOfEnglandRate: rest[evaluation.months[index]])
        }
    }
}
