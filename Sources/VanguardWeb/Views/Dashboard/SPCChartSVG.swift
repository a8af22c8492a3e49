import Foundation
import VanguardCore

/// A Making Data Count chart drawn as SVG: grey common cause, blue improvement, orange concern,
/// purple neutral special cause; the mean solid, the process limits dashed.
enum SPCChartSVG {
    static let width = 640.0
    static let height = 220.0
    static let margin = (left: 56.0, right: 12.0, top: 12.0, bottom: 28.0)

    static func colour(for pointType: String) -> String {
        switch pointType {
        case "special_cause_improvement": "vg-spc--improvement"
        case "special_cause_concern": "vg-spc--concern"
        case "special_cause_neutral_high", "special_cause_neutral_low": "vg-spc--neutral"
        default: "vg-spc--common"
        }
    }

    static func svg(evaluation: MetricEvaluation, title: String, comparison: MetricEvaluation? = nil) -> String {
        guard let chart = evaluation.chart, !evaluation.rates.isEmpty else { return "" }
        let values = evaluation.rates + [chart.lpl, chart.upl, chart.mean].compactMap { $0 } + (comparison?.rates ?? [])
        let low = values.min() ?? 0
        let high = values.max() ?? 1
        let span = max(high - low, 1e-9)
        let plotWidth = width - margin.left - margin.right
        let plotHeight = height - margin.top - margin.bottom
        func x(_ index: Int) -> Double { margin.left + plotWidth * Double(index) / Double(max(evaluation.rates.count - 1, 1)) }
        func y(_ value: Double) -> Double { margin.top + plotHeight * (1 - (value - low) / span) }
        func f(_ value: Double) -> String { String(format: "%.1f", value) }
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"vg-spc\" viewBox=\"0 0 \(f(width)) \(f(height))\" role=\"img\" aria-label=\"\(title.escapedForXML)\">"
        // Axis labels: the range of the values and the first and last month.
        svg += "<text class=\"vg-spc__axis\" x=\"\(f(margin.left - 6))\" y=\"\(f(margin.top + 8))\" text-anchor=\"end\">\(format(high))</text>"
        svg += "<text class=\"vg-spc__axis\" x=\"\(f(margin.left - 6))\" y=\"\(f(height - margin.bottom))\" text-anchor=\"end\">\(format(low))</text>"
        if let first = evaluation.months.first, let last = evaluation.months.last {
            svg += "<text class=\"vg-spc__axis\" x=\"\(f(margin.left))\" y=\"\(f(height - 8))\">\(first)</text>"
            svg += "<text class=\"vg-spc__axis\" x=\"\(f(width - margin.right))\" y=\"\(f(height - 8))\" text-anchor=\"end\">\(last)</text>"
        }
        func horizontal(_ series: [Double?], _ cssClass: String) {
            var path = ""
            for (index, value) in series.enumerated() {
                guard let value else { continue }
                path += (path.isEmpty || series[max(index - 1, 0)] == nil ? "M" : "L") + "\(f(x(index))) \(f(y(value)))"
            }
            if !path.isEmpty { svg += "<path class=\"\(cssClass)\" d=\"\(path)\"/>" }
        }
        horizontal(chart.points.lpl, "vg-spc__limit")
        horizontal(chart.points.upl, "vg-spc__limit")
        horizontal(chart.points.mean, "vg-spc__mean")
        if let comparison, comparison.months == evaluation.months {
            horizontal(comparison.rates, "vg-spc__comparison")
        }
        horizontal(evaluation.rates, "vg-spc__line")
        for (index, rate) in evaluation.rates.enumerated() {
            let type = chart.points.pointType[index]
            svg += "<circle class=\"vg-spc__point \(colour(for: type))\" cx=\"\(f(x(index)))\" cy=\"\(f(y(rate)))\" r=\"3\"><title>\(evaluation.months[index]): \(format(rate)) (\(chart.points.specialCauseType[index].escapedForXML))</title></circle>"
        }
        return svg + "</svg>"
    }

    static func format(_ value: Double) -> String {
        abs(value) >= 100 ? String(format: "%.0f", value) : String(format: "%.2f", value)
    }
}

/// The Making Data Count icons as small labelled badges (the official SVGs are not redistributed here).
enum SPCIcons {
    static func variation(_ icon: String) -> (text: String, cssClass: String) {
        switch icon {
        case "improvement_high": ("Improvement (high)", "vg-icon--improvement")
        case "improvement_low": ("Improvement (low)", "vg-icon--improvement")
        case "concern_high": ("Concern (high)", "vg-icon--concern")
        case "concern_low": ("Concern (low)", "vg-icon--concern")
        case "neutral_high": ("Special cause (high)", "vg-icon--neutral")
        case "neutral_low": ("Special cause (low)", "vg-icon--neutral")
        default: ("Common cause", "vg-icon--common")
        }
    }

    static func assurance(_ icon: String?) -> (text: String, cssClass: String)? {
        switch icon {
        case "pass": ("Consistently passes the target", "vg-icon--improvement")
        case "fail": ("Consistently fails the target", "vg-icon--concern")
        case "inconsistent": ("Hits and misses the target", "vg-icon--common")
        default: nil
        }
    }
}
